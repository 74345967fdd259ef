namespace MailAssist.Api.Mailboxes;

/// <summary>
/// How a shared mailbox carries out decisions: journalføring moves the message to a folder or forwards it to
/// the archive system's import address; forwarded messages are filed in a folder of their own.
/// </summary>
public sealed record MailboxActionSettings(string JournalMode, string JournalFolder, string? ArchiveImportAddress, string ForwardedFolder)
{
    public const string MoveMode = "move";
    public const string ForwardMode = "forward";

    /// <summary>What a new mailbox gets (the column defaults of the mailboxes table).</summary>
    public static MailboxActionSettings Default { get; } = new(MoveMode, "Til journalføring", null, "Videresendt");

    public MailboxActionSettings With(MailboxActionSettingsChange change) => new(
        change.JournalMode ?? JournalMode,
        change.JournalFolder ?? JournalFolder,
        change.ArchiveImportAddress ?? ArchiveImportAddress,
        change.ForwardedFolder ?? ForwardedFolder);
}

/// <summary>Settings an admin changes; a field left out keeps its value.</summary>
public sealed record MailboxActionSettingsChange(string? JournalMode, string? JournalFolder, string? ArchiveImportAddress, string? ForwardedFolder);
