using MailAssist.Api.Cleaning;
using MailAssist.Api.Messages;

namespace MailAssist.Tests.Cleaning;

public sealed class MessageCleanerTests
{
    private static CleanedMessage Clean(string body, string subject = "Spørsmål", string from = "Kari Nordmann <kari.nordmann@gmail.com>",
        string? html = null, params string[] attachments) =>
        MessageCleaner.Clean(new IncomingMessage("postmottak@eksempel.kommune.no", "<t@example.no>", from, ["postmottak@eksempel.kommune.no"], [],
            subject, body, html, attachments.Select(a => new Attachment(a, "application/pdf", 1000)).ToList(), null));

    [Test]
    public void Outlook_reply_history_under_a_norwegian_header_block_is_cut()
    {
        var cleaned = Clean("""
            Hei,

            Ettersender revidert situasjonsplan som etterspurt.

            Fra: Byggesak Eksempel kommune <byggesak@eksempel.kommune.no>
            Sendt: fredag 26. september 2025 09:44
            Til: Camilla Berg <camilla.berg@bergoghansen.no>
            Emne: Mangelbrev - sak 25/2871

            Søknaden er ikke komplett. Vi trenger situasjonsplan med målsatt avstand til vei.
            """, subject: "SV: Mangelbrev - sak 25/2871");

        Assert.That(cleaned.Text, Is.EqualTo("Hei,\n\nEttersender revidert situasjonsplan som etterspurt."));
        Assert.That(cleaned.Subject, Is.EqualTo("Mangelbrev - sak 25/2871"));
        Assert.That(cleaned.Cues.HasFlag(MessageCues.Reply), Is.True);
    }

    [Test]
    public void Gmail_norwegian_quote_header_and_quoted_lines_are_cut()
    {
        var cleaned = Clean("""
            Takk for svar. Da sender jeg klagen innen fristen.

            Den tir. 3. okt. 2026 kl. 10:12 skrev Ola Hansen <ola.hansen@eksempel.kommune.no>:
            > Hei, fristen for å klage er tre uker fra du mottok vedtaket.
            > Mvh Ola
            """);

        Assert.That(cleaned.Text, Is.EqualTo("Takk for svar. Da sender jeg klagen innen fristen."));
        Assert.That(cleaned.Cues.HasFlag(MessageCues.Reply), Is.True);
    }

    [Test]
    public void English_quote_header_wrapped_over_two_lines_is_cut()
    {
        var cleaned = Clean("""
            Please find the signed contract attached.

            On Tue, Oct 3, 2026 at 10:12 AM Ola Hansen <
            ola.hansen@eksempel.kommune.no> wrote:
            > Could you send the signed contract before Friday?
            """);

        Assert.That(cleaned.Text, Is.EqualTo("Please find the signed contract attached."));
    }

    [TestCase("-----Opprinnelig melding-----")]
    [TestCase("-----Original Message-----")]
    public void Original_message_separator_starts_the_history(string separator)
    {
        var cleaned = Clean($"""
            Jeg ønsker å klage på vedtaket om avslag på SFO-plass.

            {separator}
            From: SFO Eksempel <sfo@eksempel.kommune.no>
            Sent: 1. oktober 2026 08:00
            To: Per <per@gmail.com>
            Subject: Vedtak

            Søknaden om plass er avslått.
            """);

        Assert.That(cleaned.Text, Is.EqualTo("Jeg ønsker å klage på vedtaket om avslag på SFO-plass."));
    }

    [Test]
    public void A_sentence_that_merely_mentions_what_someone_wrote_is_not_a_quote_header()
    {
        var cleaned = Clean("I 2019 skrev kommunen følgende:\nVi bygger ny vei innen 2022.\n\nNår kommer veien?");

        Assert.That(cleaned.Text, Does.Contain("Når kommer veien?"));
    }

    [Test]
    public void Forward_with_trivial_top_keeps_the_forwarded_original_without_its_headers()
    {
        var cleaned = Clean("""
            Se under.

            ---------- Videresendt melding ----------
            Fra: Anita Skaug <anita.skaug@gmail.com>
            Dato: søn. 9. nov. 2025 kl. 19:12
            Emne: Søknad om startlån
            Til: <ola@eksempel.kommune.no>

            Jeg søker om startlån til kjøp av bolig i Storgata 12.

            Med vennlig hilsen
            Anita Skaug
            """, subject: "VS: Søknad om startlån", from: "Ola <ola@eksempel.kommune.no>");

        Assert.That(cleaned.Text, Is.EqualTo("Se under.\n\nJeg søker om startlån til kjøp av bolig i Storgata 12."));
        Assert.That(cleaned.Cues.HasFlag(MessageCues.Forwarded), Is.True);
        Assert.That(cleaned.Subject, Is.EqualTo("Søknad om startlån"));
    }

    [TestCase("Begin forwarded message:")]
    [TestCase("---------- Forwarded message ---------")]
    [TestCase("Start på videresendt melding:")]
    public void Forward_with_empty_top_keeps_the_original(string marker)
    {
        var cleaned = Clean($"""
            {marker}

            From: Lars Berg <lars@berg-maskin.no>
            Subject: Invoice 4471
            Date: 3 October 2026 at 10:12:00 CEST
            To: ola@eksempel.kommune.no

            Please find invoice 4471 for snow clearing attached.
            """, subject: "Fwd: Invoice 4471");

        Assert.That(cleaned.Text, Is.EqualTo("Please find invoice 4471 for snow clearing attached."));
        Assert.That(cleaned.Cues.HasFlag(MessageCues.Forwarded), Is.True);
    }

    [Test]
    public void Forward_whose_top_says_something_of_its_own_cuts_the_history()
    {
        var top = "Hei, dette er en sak vi har hatt mye fram og tilbake om med grunneier, og jeg tror den hører hjemme hos landbruk "
            + "siden den gjelder konsesjon for kjøp av landbrukseiendom og ikke byggesak slik det først ble antatt av saksbehandler her.";
        var cleaned = Clean($"{top}\n\n---------- Videresendt melding ----------\nFra: A <a@b.no>\nDato: 1. okt.\n\nGammel tekst.");

        Assert.That(cleaned.Text, Is.EqualTo(top));
    }

    [Test]
    public void Forward_quoted_with_angle_brackets_keeps_the_dequoted_original()
    {
        var cleaned = Clean("""
            FYI

            > Fra: Knut <knut@sandeiendom.no>
            > Sendt: mandag 27. oktober 2025 09:41
            > Til: postmottak@eksempel.kommune.no
            > Emne: Referat?
            >
            > Vi har ikke mottatt referatet fra oppstartsmøtet.
            """);

        Assert.That(cleaned.Text, Is.EqualTo("FYI\n\nVi har ikke mottatt referatet fra oppstartsmøtet."));
    }

    [TestCase("Når tømmes søpla i Storgata?\n\nMed vennlig hilsen\nKari Nordmann\nStorgata 12\n412 34 567")]
    [TestCase("Når tømmes søpla i Storgata?\n\nMvh Kari\nTlf 412 34 567")]
    [TestCase("Når tømmes søpla i Storgata?\n\nVennleg helsing\nKari")]
    [TestCase("Når tømmes søpla i Storgata?\n\nBest regards,\nKari Nordmann\nSenior Adviser")]
    [TestCase("Når tømmes søpla i Storgata?\n-- \nKari Nordmann | Nordmann Rør AS | org.nr. 987 654 321")]
    [TestCase("Når tømmes søpla i Storgata?\n\nSendt fra min iPhone")]
    [TestCase("Når tømmes søpla i Storgata?\n\nSendt frå min iPad")]
    public void Signatures_and_mobile_footers_are_dropped(string body)
    {
        Assert.That(Clean(body).Text, Is.EqualTo("Når tømmes søpla i Storgata?"));
    }

    [Test]
    public void Legal_disclaimers_and_external_sender_banners_are_dropped()
    {
        var cleaned = Clean("""
            Denne e-posten kommer fra en ekstern avsender. Vær forsiktig med å klikke på lenker.

            Vedlagt følger tilbud på brøyting for sesongen 2026/2027.

            Denne e-posten kan inneholde konfidensiell informasjon. Dersom du har mottatt denne e-posten ved en feil, vennligst slett den.

            This e-mail may contain confidential information. If you are not the intended recipient, please notify the sender.
            """);

        Assert.That(cleaned.Text, Is.EqualTo("Vedlagt følger tilbud på brøyting for sesongen 2026/2027."));
    }

    [Test]
    public void A_citizen_writing_about_confidential_matters_is_not_taken_for_a_disclaimer()
    {
        const string body = "Saken gjelder konfidensielle opplysninger om min sønn, og jeg ber om at den behandles deretter.";

        Assert.That(Clean(body).Text, Is.EqualTo(body));
    }

    [TestCase("RE: Søknad", "Søknad", MessageCues.Reply)]
    [TestCase("SV: SV: Søknad", "Søknad", MessageCues.Reply)]
    [TestCase("AW: Antrag", "Antrag", MessageCues.Reply)]
    [TestCase("VS: Faktura 4471", "Faktura 4471", MessageCues.Forwarded)]
    [TestCase("FW: Faktura 4471", "Faktura 4471", MessageCues.Forwarded)]
    [TestCase("Fwd: SV: Faktura 4471", "Faktura 4471", MessageCues.Forwarded | MessageCues.Reply)]
    [TestCase("[EKSTERN] Faktura 4471", "Faktura 4471", MessageCues.None)]
    [TestCase("Reguleringsplan for Strandveien", "Reguleringsplan for Strandveien", MessageCues.None)]
    public void Subject_prefixes_are_stripped_and_remembered_as_cues(string subject, string expected, MessageCues cues)
    {
        var cleaned = Clean("Tekst.", subject: subject);

        Assert.That(cleaned.Subject, Is.EqualTo(expected));
        Assert.That(cleaned.Cues & (MessageCues.Reply | MessageCues.Forwarded), Is.EqualTo(cues));
    }

    [TestCase("Kari <kari.nordmann@gmail.com>", "gmail.com", SenderKind.PrivatePerson)]
    [TestCase("per@online.no", "online.no", SenderKind.PrivatePerson)]
    [TestCase("Ola <ola@Bergen.Kommune.NO>", "bergen.kommune.no", SenderKind.Municipality)]
    [TestCase("Statsforvalteren i Vestland <sfvlpost@statsforvalteren.no>", "statsforvalteren.no", SenderKind.PublicAuthority)]
    [TestCase("postmottak@kdd.dep.no", "kdd.dep.no", SenderKind.PublicAuthority)]
    [TestCase("Politiet <post@politiet.no>", "politiet.no", SenderKind.PublicAuthority)]
    [TestCase("Viken <post@viken.fylkeskommune.no>", "viken.fylkeskommune.no", SenderKind.PublicAuthority)]
    [TestCase("Eksempel Bygg AS <post@eksempelbygg.no>", "eksempelbygg.no", SenderKind.Organisation)]
    [TestCase("Ukjent avsender", "", SenderKind.Unknown)]
    public void Sender_domain_and_kind_are_kept(string from, string domain, SenderKind kind)
    {
        var cleaned = Clean("Hei", from: from);

        Assert.That(cleaned.SenderDomain, Is.EqualTo(domain));
        Assert.That(cleaned.SenderKind, Is.EqualTo(kind));
    }

    [Test]
    public void Attachment_names_are_kept_as_signals()
    {
        var cleaned = Clean("Se vedlegg.", attachments: ["Søknad_om_dispensasjon_gnr12_bnr45.pdf", "Situasjonskart.pdf"]);

        Assert.That(cleaned.AttachmentNames, Is.EqualTo(new[] { "Søknad_om_dispensasjon_gnr12_bnr45.pdf", "Situasjonskart.pdf" }));
        Assert.That(cleaned.Text, Is.EqualTo("Se vedlegg."));
    }

    [TestCase("Automatisk svar: Søknad om tilskudd", "Jeg er på ferie til 12. august.", MessageCues.AutoReply)]
    [TestCase("Fraværsmelding", "Eg er ute av kontoret.", MessageCues.AutoReply)]
    [TestCase("Automatic reply: Invoice", "I am out of the office until Monday.", MessageCues.AutoReply)]
    [TestCase("Søknad", "Dette er et automatisk svar. Vi har mottatt henvendelsen din.", MessageCues.AutoReply)]
    [TestCase("Kan ikke leveres: Møteinnkalling", "Leveringen til disse mottakerne eller gruppene mislyktes: ola@eksempel.no", MessageCues.DeliveryFailure)]
    [TestCase("Undeliverable: Meeting", "Delivery has failed to these recipients or groups.", MessageCues.DeliveryFailure)]
    [TestCase("Lest: Innsynskrav", "Meldingen din ble lest 11.06.2026 09:02.", MessageCues.ReadReceipt)]
    [TestCase("Read: Invoice 4471", "Your message was read on 3 October 2026.", MessageCues.ReadReceipt)]
    public void Machine_sent_mail_is_recognised(string subject, string body, MessageCues cue)
    {
        Assert.That(Clean(body, subject: subject).Cues.HasFlag(cue), Is.True);
    }

    [Test]
    public void A_citizen_mentioning_an_automatic_reply_is_not_an_auto_reply()
    {
        var cleaned = Clean("Jeg sendte dette til saksbehandler, men fikk automatisk svar. Fristen for merknader går ut i morgen.");

        Assert.That(cleaned.Cues.HasFlag(MessageCues.AutoReply), Is.False);
    }

    [Test]
    public void Newsletters_and_noreply_senders_are_recognised()
    {
        var cleaned = Clean("Årets kurs i arkivering!\n\nMeld deg av nyhetsbrevet her.", from: "Kursforum <noreply@kursforum.no>");

        Assert.That(cleaned.Cues.HasFlag(MessageCues.Unsubscribe), Is.True);
        Assert.That(cleaned.Cues.HasFlag(MessageCues.AutomatedSender), Is.True);
    }

    [Test]
    public void Html_only_message_is_read_from_its_html()
    {
        var cleaned = Clean("", html: "<html><head><style>p{color:red}</style></head><body><p>Søknad om&nbsp;ferdigattest</p><p>Vedlagt.</p></body></html>");

        Assert.That(cleaned.Text, Is.EqualTo("Søknad om ferdigattest\n\nVedlagt."));
        Assert.That(cleaned.Cues.HasFlag(MessageCues.HadHtmlOnly), Is.True);
    }

    [Test]
    public void Empty_message_is_empty()
    {
        var cleaned = MessageCleaner.Clean(new IncomingMessage(null, "<e@x.no>", null, [], [], null, null, null, [], null));

        Assert.That(cleaned.IsEmpty, Is.True);
    }

    [Test]
    public void CleanAndRedact_cleans_before_anything_is_stored()
    {
        var cleaned = MessageCleaner.CleanAndRedact(new IncomingMessage(null, "<e@x.no>", "a@gmail.com", [], [], "SV: Brøyting", "Når brøytes veien?\n\nMvh Kari", null, [], null));

        Assert.That(cleaned.Subject, Is.EqualTo("Brøyting"));
        Assert.That(cleaned.Text, Is.EqualTo("Når brøytes veien?"));
    }
}
