namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>What kind of personal data a redacted span held; each has its own placeholder.</summary>
public enum PersonalDataKind
{
    Fodselsnummer,
    DNummer,
    HNummer,
    Kontonummer,
    Telefon,
    Epost,
    Adresse,
    Navn,
}

public static class PersonalDataKinds
{
    /// <summary>The typed placeholder that replaces the span, e.g. "[fødselsnummer]".</summary>
    public static string Placeholder(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Fodselsnummer => "[fødselsnummer]",
        PersonalDataKind.DNummer => "[d-nummer]",
        PersonalDataKind.HNummer => "[h-nummer]",
        PersonalDataKind.Kontonummer => "[kontonummer]",
        PersonalDataKind.Telefon => "[telefon]",
        PersonalDataKind.Epost => "[e-post]",
        PersonalDataKind.Adresse => "[adresse]",
        PersonalDataKind.Navn => "[navn]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>A stretch of text [Start, End) found to hold personal data.</summary>
public readonly record struct RedactionSpan(int Start, int End, PersonalDataKind Kind);
