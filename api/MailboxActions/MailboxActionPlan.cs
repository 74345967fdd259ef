using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;

namespace MailAssist.Api.MailboxActions;

/// <summary>
/// What carrying out a decision means in the mailbox: the forward (if any), the Outlook category that names the
/// decision in the message list, and the folder the message leaves the inbox for.
/// </summary>
public sealed record MailboxActionPlan(Forward? Forward, string Category, MoveTarget MoveTo)
{
    public const string CategoryPrefix = "MailAssist: ";

    public static MailboxActionPlan For(ClaimedAction a) => MailActions.Parse(a.Action) switch
    {
        MailAction.Videresend => new(
            new Forward(a.UnitAddress!, ForwardComment(a)),
            $"{CategoryPrefix}Videresendt til {a.UnitName}",
            MoveTarget.Folder(a.ForwardedFolder)),
        MailAction.Journalfor when a.JournalMode == MailboxActionSettings.ForwardMode => new(
            new Forward(a.ArchiveImportAddress!, ArchiveComment(a)),
            $"{CategoryPrefix}Sendt til arkivet for {a.UnitName}",
            MoveTarget.Folder(a.ForwardedFolder)),
        MailAction.Journalfor => new(
            null,
            $"{CategoryPrefix}Til journalføring for {a.UnitName}",
            MoveTarget.Folder(a.JournalFolder)),
        _ => new(null, $"{CategoryPrefix}Slettet", MoveTarget.DeletedItems),
    };

    private static string ForwardComment(ClaimedAction a)
    {
        var why = a.Accepted ? a.Explanation : $"Postmottak vurderte at e-posten hører hjemme hos {a.UnitName}.";
        return $"""
            Denne e-posten kom til postmottak ({a.MailboxAddress}) og er videresendt til {a.UnitName} av {a.DecidedBy} med MailAssist.

            Hvorfor: {why}

            Hører den ikke hjemme hos dere? Svar til {a.MailboxAddress} eller kontakt {a.DecidedBy}, så sender vi den til rett sted.
            """;
    }

    private static string ArchiveComment(ClaimedAction a) =>
        $"Til journalføring for {a.UnitName}. Sendt fra postmottak ({a.MailboxAddress}) av {a.DecidedBy} med MailAssist.";
}

public sealed record Forward(string To, string Comment);
