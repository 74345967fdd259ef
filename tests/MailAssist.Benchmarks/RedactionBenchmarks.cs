using BenchmarkDotNet.Attributes;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Cleaning.Redaction;
using MailAssist.Api.Messages;

namespace MailAssist.Benchmarks;

/// <summary>The redactor on the texts it meets: a citizen's message full of personal data, one with none, a long forwarded chain.</summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    private const string Personal = """
        Hei

        Jeg søker om tillatelse til tilbygg på gnr. 12 bnr. 45 i Storgata 5, 1234 Eksempel.
        Mitt fødselsnummer er 17038541293. Saksnr. fra forhåndskonferansen er 2025/8812.
        Sønnen min Emil (fnr 030519 54312) går i 5. klasse. Refusjon kan settes inn på konto 1503.12.34568.
        Faktura 20250012 på kr 12 500,00 er betalt med KID 05097930188. Org.nr. 987 654 321.

        Med vennlig hilsen
        Kari Nordmann
        Tlf. 412 34 567 | kari.nordmann@gmail.com
        """;

    private const string Plain = """
        Hei

        Når blir søpla tømt i Storgata? Beholderen har ikke vært tømt på tre uker, og det lukter vondt.
        Gjelder det samme for hele gata, eller bare oss? Vi betalte gebyret for 2026 i februar (kr 4 250).
        Vår ref. 24/1234. Møtet er avtalt 14.10.2026 kl. 12.30 i rådhuset.

        Takk for hjelpen.
        """;

    private static readonly string Chain = string.Concat(Enumerable.Repeat(
        $"-----Opprinnelig melding-----\nFra: Ola Hansen <ola.hansen@hotmail.com>\nSendt: 13. oktober 2026 21:14\nTil: Postmottak\n\n{Personal}\n{Plain}\n", 25));

    private readonly IncomingMessage _message = new("postmottak@eksempel.kommune.no", "<a@b>", "Kari Nordmann <kari.nordmann@gmail.com>",
        ["postmottak@eksempel.kommune.no"], [], "Søknad om tilbygg - Kari Nordmann", Personal, null,
        [new Attachment("Kari_Nordmann_tegninger.pdf", "application/pdf", 1000)], DateTimeOffset.UnixEpoch);

    [Benchmark(Description = "Message with personal data (0.7 KB)")]
    public string WithPersonalData() => Redactor.Redact(Personal);

    [Benchmark(Description = "Message without personal data (0.4 KB)")]
    public string WithoutPersonalData() => Redactor.Redact(Plain);

    [Benchmark(Description = "Forwarded chain (28 KB)")]
    public string LongChain() => Redactor.Redact(Chain);

    [Benchmark(Description = "CleanAndRedact, whole message")]
    public CleanedMessage WholeMessage() => MessageCleaner.CleanAndRedact(_message);
}
