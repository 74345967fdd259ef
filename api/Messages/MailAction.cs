namespace MailAssist.Api.Messages;

public enum MailAction
{
    Journalfor,
    Videresend,
    Slett,
}

public static class MailActions
{
    public static string ToId(this MailAction action) => action switch
    {
        MailAction.Journalfor => "journalfor",
        MailAction.Videresend => "videresend",
        MailAction.Slett => "slett",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static bool TryParse(string? id, out MailAction action)
    {
        switch (id)
        {
            case "journalfor": action = MailAction.Journalfor; return true;
            case "videresend": action = MailAction.Videresend; return true;
            case "slett": action = MailAction.Slett; return true;
            default: action = default; return false;
        }
    }

    public static MailAction Parse(string id) =>
        TryParse(id, out var action) ? action : throw new FormatException($"Unknown action '{id}'.");
}
