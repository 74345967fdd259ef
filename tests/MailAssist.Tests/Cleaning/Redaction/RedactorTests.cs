using MailAssist.Api.Cleaning;
using MailAssist.Api.Cleaning.Redaction;
using MailAssist.Tests.Privacy;

namespace MailAssist.Tests.Cleaning.Redaction;

public sealed class RedactorTests
{
    private static readonly string Fnr = NorwegianNumbers.Fodselsnummer(new DateOnly(1985, 3, 17));
    private static readonly string Dnr = NorwegianNumbers.DNummer(new DateOnly(1992, 11, 4));
    private static readonly string Hnr = NorwegianNumbers.HNummer(new DateOnly(2001, 6, 30));
    private static readonly string Fnr2032 = NorwegianNumbers.Fodselsnummer(new DateOnly(2032, 1, 2), 999, remainder: 2);

    private static TestCaseData Case(string input, string expected, string name) => new TestCaseData(input, expected).SetName(name);

    private static IEnumerable<TestCaseData> IdentityNumbers()
    {
        yield return Case($"Fnr {Fnr}.", "Fnr [fødselsnummer].", "Fodselsnummer_written_plain_is_redacted");
        yield return Case($"Mitt personnummer er {Fnr[..6]} {Fnr[6..]}", "Mitt personnummer er [fødselsnummer]", "Fodselsnummer_with_a_space_is_redacted");
        yield return Case($"({Fnr[..6]}-{Fnr[6..]})", "([fødselsnummer])", "Fodselsnummer_with_a_dash_is_redacted");
        yield return Case($"født {Fnr[..2]}.{Fnr[2..4]}.{Fnr[4..6]} {Fnr[6..]} i Bergen", "født [fødselsnummer] i Bergen", "Fodselsnummer_with_dots_is_redacted");
        yield return Case($"Han har {Fnr} som nummer", "Han har [fødselsnummer] som nummer", "Fodselsnummer_without_any_label_is_redacted");
        yield return Case($"D-nummer: {Dnr}", "D-nummer: [d-nummer]", "D_nummer_is_redacted_as_d_nummer");
        yield return Case($"pasient {Hnr}", "pasient [h-nummer]", "H_nummer_is_redacted_as_h_nummer");
        yield return Case($"barnet {Fnr2032} ble født", "barnet [fødselsnummer] ble født", "Number_of_the_scheme_from_2032_is_redacted");
        yield return Case($"{Fnr}\n{Dnr}", "[fødselsnummer]\n[d-nummer]", "Two_numbers_on_two_lines_are_both_redacted");
        yield return Case($"fnr: {NorwegianNumbers.WithWrongLastDigit(Fnr)}", "fnr: [fødselsnummer]", "Labelled_fodselsnummer_with_a_typo_is_still_redacted");
        yield return Case($"Referanse {NorwegianNumbers.WithWrongLastDigit(Fnr)}", $"Referanse {NorwegianNumbers.WithWrongLastDigit(Fnr)}",
            "Eleven_digits_with_a_wrong_check_digit_and_no_label_survive");
        yield return Case($"nummer {NorwegianNumbers.Fodselsnummer(new DateOnly(1985, 3, 17), remainder: 4)[..10]}9",
            $"nummer {NorwegianNumbers.Fodselsnummer(new DateOnly(1985, 3, 17), remainder: 4)[..10]}9", "Unlabelled_number_failing_both_checks_survives");
    }

    private static IEnumerable<TestCaseData> AccountNumbers()
    {
        yield return Case("Kontonummer 12345678903", "Kontonummer [kontonummer]", "Account_number_written_plain_is_redacted");
        yield return Case("til 1234 56 78903 innen fredag", "til [kontonummer] innen fredag", "Account_number_grouped_4_2_5_with_spaces_is_redacted");
        yield return Case("konto 1234.56.78903.", "konto [kontonummer].", "Account_number_grouped_4_2_5_with_dots_is_redacted");
        yield return Case("IBAN NO93 8601 1117 947", "IBAN NO93 [kontonummer]", "Account_number_in_an_iban_is_redacted");
        yield return Case("kontonr: 1234 56 78901", "kontonr: [kontonummer]", "Labelled_account_number_with_a_typo_is_still_redacted");
        yield return Case("bestilling 1234 56 78904", "bestilling 1234 56 78904", "Eleven_digits_failing_modulus_11_survive");
    }

    private static IEnumerable<TestCaseData> PhoneNumbers()
    {
        yield return Case("Ring meg på 41234567.", "Ring meg på [telefon].", "Phone_written_plain_is_redacted");
        yield return Case("mobil 412 34 567", "mobil [telefon]", "Phone_grouped_3_2_3_is_redacted");
        yield return Case("tlf. 41 23 45 67", "tlf. [telefon]", "Phone_grouped_in_pairs_is_redacted");
        yield return Case("Tlf: +47 412 34 567", "Tlf: [telefon]", "Phone_with_plus_47_is_redacted");
        yield return Case("(+47) 22 33 44 55", "(+47) [telefon]", "Phone_after_a_bracketed_country_code_is_redacted");
        yield return Case("+4741234567", "[telefon]", "Phone_with_plus_47_without_spaces_is_redacted");
        yield return Case("0047 41234567", "[telefon]", "Phone_with_0047_is_redacted");
        yield return Case("nås på 4123 4567 eller 930 12 345", "nås på [telefon] eller [telefon]", "Phones_grouped_4_4_and_3_2_3_are_redacted");
        yield return Case("Polsk nummer +48 512 345 678", "Polsk nummer [telefon]", "Foreign_phone_with_country_code_is_redacted");
        yield return Case("tlf 41234567 / 22334455", "tlf [telefon] / [telefon]", "Two_phones_side_by_side_are_both_redacted");
        yield return Case("mobilen min: 99 999 999", "mobilen min: [telefon]", "Mobile_grouped_2_3_3_is_redacted");
        yield return Case("Ring oss på 800 12 345", "Ring oss på [telefon]", "Service_number_with_a_phone_label_is_redacted");
    }

    private static IEnumerable<TestCaseData> Decoys()
    {
        foreach (var text in new[]
        {
            "Org.nr. 987 654 321 MVA", "org.nr 987654321", "Vår ref.: 24/1234", "Saksnr. 2025/8812-3", "Gjelder gnr. 12 bnr. 45",
            "eiendommen gnr 12/45", "Møtet er 14.10.2026 kl. 12.30", "frist 2026-10-14", "kr 12 500,00", "Beløp: kr 41234567",
            "beløp 41234567,-", "totalt 41 234 567 kr", $"KID: {Fnr}", "KID-nummer 12345678903", "Fakturanr. 41234567", "Faktura 20250012",
            "fakturanummer: 98765432", "Postboks 123, 0150 Oslo", "0150 Oslo", "postnummer 9010", "saksnummer 20251234",
            "Ordrenummer 41234567", "12 345 678 901", "Les mer på https://eksempel.no/sak/41234567", "ca. 0,41234567 prosent",
            "Kommunestyret 24. oktober", "§ 13 første ledd", "Høringsfrist 1. desember 2026", "Kundeservice har 800 12 345",
            "til sammen 12 345 678 i tilskudd",
        })
            yield return Case(text, text, $"Decoy_{Name(text)}_survives");
    }

    private static IEnumerable<TestCaseData> EmailAddresses()
    {
        yield return Case("Svar til kari.nordmann@gmail.com takk", "Svar til [e-post] takk", "Address_at_a_consumer_provider_is_redacted");
        yield return Case("ola1975@hotmail.com", "[e-post]", "Address_with_digits_at_a_consumer_provider_is_redacted");
        yield return Case("post@online.no", "[e-post]", "Role_word_at_a_consumer_provider_is_still_redacted");
        yield return Case("Kontakt trude.berg@byggfirma.no", "Kontakt [e-post]", "Name_like_address_at_a_company_is_redacted");
        yield return Case("per.olsen@eksempel.kommune.no", "[e-post]", "Name_like_address_at_the_municipality_is_redacted");
        yield return Case("ingrid@firma.no", "[e-post]", "Given_name_address_at_a_company_is_redacted");
        foreach (var address in new[]
        {
            "postmottak@eksempel.kommune.no", "faktura@leverandor.no", "noreply@altinn.no", "post@firma.no", "firmapost@bygg.no",
            "no-reply@microsoft.com", "byggesak@eksempel.kommune.no", "daglig.leder@firma.no",
        })
            yield return Case($"Send til {address}.", $"Send til {address}.", $"Role_address_{Name(address)}_survives");
    }

    private static IEnumerable<TestCaseData> StreetAddresses()
    {
        yield return Case("Jeg bor i Storgata 5.", "Jeg bor i [adresse].", "Street_with_house_number_is_redacted");
        yield return Case("Storgata 5B, 1234 Eksempel", "[adresse]", "Street_with_house_letter_postcode_and_place_is_redacted");
        yield return Case("adresse Kong Oscars gate 12", "adresse [adresse]", "Street_of_several_words_is_redacted");
        yield return Case("Kirkeveien 3 A\n0368 Oslo", "[adresse]", "Street_with_postcode_on_the_next_line_is_redacted");
        yield return Case("Fjellhaug 12\n1234 Eksempel", "[adresse]", "Address_block_without_a_street_word_is_redacted");
        yield return Case("Adresse: Nedre Eik 4", "Adresse: [adresse]", "Address_after_a_cue_is_redacted");
        yield return Case("Når tømmes søpla i Storgata?", "Når tømmes søpla i Storgata?", "Street_without_house_number_survives");
    }

    private static IEnumerable<TestCaseData> Names()
    {
        yield return Case("Med vennlig hilsen\nKari Nordmann", "Med vennlig hilsen\n[navn]", "Name_after_a_sign_off_is_redacted");
        yield return Case("Mvh\nGuri", "Mvh\n[navn]", "Unknown_single_name_alone_after_a_sign_off_is_redacted");
        yield return Case("Mitt navn er Ingvild Aasen og jeg", "Mitt navn er [navn] og jeg", "Name_after_mitt_navn_er_is_redacted");
        yield return Case("Navn: Abdi Warsame", "Navn: [navn]", "Name_after_a_navn_label_is_redacted");
        yield return Case("Hei Kari, takk for svar", "Hei [navn], takk for svar", "Name_after_a_greeting_is_redacted");
        yield return Case("Søknaden gjelder Ola Hansen, født 1990.", "Søknaden gjelder [navn], født 1990.", "Given_name_and_surname_are_redacted");
        yield return Case("Per Olsen ringte", "[navn] ringte", "Ambiguous_given_name_with_a_surname_is_redacted");
        yield return Case("kr 500 per måned", "kr 500 per måned", "Ambiguous_given_name_as_an_ordinary_word_survives");
        yield return Case("Med vennlig hilsen\nEksempel kommune", "Med vennlig hilsen\nEksempel kommune", "Organisation_after_a_sign_off_survives");
        yield return Case("Hilsen Byggmester Hansen AS", "Hilsen Byggmester Hansen AS", "Company_named_after_a_person_survives");
        yield return Case("Vennlig hilsen\nServicetorget", "Vennlig hilsen\nServicetorget", "Unit_after_a_sign_off_survives");
        yield return Case("Statens vegvesen har svart", "Statens vegvesen har svart", "Public_body_survives");
        yield return Case("Mvh.\nSølvi Grønbech", "Mvh.\n[navn]", "Unknown_name_after_an_abbreviated_sign_off_is_redacted");
        yield return Case("Tiltakshaver: Sølvi Grønbech.", "Tiltakshaver: [navn].", "Name_after_a_role_label_is_redacted");
        yield return Case("Kontakt saksbehandler Torunn Vassbotn.", "Kontakt saksbehandler [navn].", "Name_after_a_title_is_redacted");
        yield return Case("Ansvarlig søker: Arkitektkontoret Hus & Hjem AS.", "Ansvarlig søker: Arkitektkontoret Hus & Hjem AS.",
            "Company_after_a_role_label_survives");
        yield return Case("Vennlig hilsen Ola (Kari) Nordmann", "Vennlig hilsen [navn] ([navn]) [navn]", "Names_with_brackets_are_redacted");
    }

    [TestCaseSource(nameof(IdentityNumbers))]
    [TestCaseSource(nameof(AccountNumbers))]
    [TestCaseSource(nameof(PhoneNumbers))]
    [TestCaseSource(nameof(Decoys))]
    [TestCaseSource(nameof(EmailAddresses))]
    [TestCaseSource(nameof(StreetAddresses))]
    [TestCaseSource(nameof(Names))]
    public void Text_is_redacted_as_expected(string input, string expected)
    {
        Assert.That(Redactor.Redact(input), Is.EqualTo(expected));
    }

    [Test]
    public void Names_from_the_headers_are_redacted_wherever_they_recur()
    {
        var names = KnownNames.FromMailboxes(["Trude Solbakk <trude.s@gmail.com>", "Postmottak Eksempel kommune <postmottak@eksempel.kommune.no>"]);

        var redacted = Redactor.Redact("Hei! Det er trude her. Hilsen Solbakk", names);

        Assert.That(redacted, Is.EqualTo("Hei! Det er [navn] her. Hilsen [navn]"));
    }

    [Test]
    public void Names_in_a_personal_address_are_redacted_elsewhere_in_the_text()
    {
        var redacted = Redactor.Redact("Skriv til vebjorn.kvalvik@gmail.com. Mvh Vebjorn Kvalvik");

        Assert.That(redacted, Is.EqualTo("Skriv til [e-post]. Mvh [navn]"));
    }

    [Test]
    public void Message_subject_text_and_attachment_names_are_redacted()
    {
        var message = new CleanedMessage($"Søknad fra Kari Nordmann {Fnr}", $"Se vedlegg. Ring 41234567.\nHilsen Kari", "gmail.com",
            SenderKind.PrivatePerson, ["Kari_Nordmann_legeerklaering.pdf", $"cv-ola-hansen-{Fnr}.pdf", "tegninger.pdf"], MessageCues.None);

        var redacted = Redactor.Redact(message, KnownNames.FromMailboxes(["Kari Nordmann <kari.nordmann@gmail.com>"]));

        Assert.That(redacted.Subject, Is.EqualTo("Søknad fra [navn] [fødselsnummer]"));
        Assert.That(redacted.Text, Is.EqualTo("Se vedlegg. Ring [telefon].\nHilsen [navn]"));
        Assert.That(redacted.AttachmentNames, Is.EqualTo(new[] { "[navn]_legeerklaering.pdf", "cv-[navn]-[fødselsnummer].pdf", "tegninger.pdf" }));
        Assert.That(redacted.SenderDomain, Is.EqualTo("gmail.com"));
    }

    [Test]
    public void Redacting_twice_changes_nothing_more()
    {
        var once = Redactor.Redact($"Kari Nordmann, {Fnr}, 412 34 567, kari@gmail.com, Storgata 5");

        Assert.That(Redactor.Redact(once), Is.EqualTo(once));
    }

    [Test]
    public void Text_without_personal_data_is_returned_as_the_same_instance()
    {
        const string text = "Når blir søpla tømt? Saksnr. 24/1234, kr 12 500,00.";

        Assert.That(Redactor.Redact(text), Is.SameAs(text));
    }

    [Test]
    public void Every_generated_identity_number_is_redacted_in_every_format()
    {
        var missed = NorwegianNumbers.Many(500, seed: 11)
            .SelectMany(n => new[] { n, $"{n[..6]} {n[6..]}", $"{n[..6]}-{n[6..]}", $"{n[..2]}.{n[2..4]}.{n[4..6]} {n[6..]}" })
            .Where(text => Redactor.Redact($"Gjelder {text}.").Any(char.IsAsciiDigit))
            .ToList();

        Assert.That(missed, Is.Empty);
    }

    private static string Name(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
