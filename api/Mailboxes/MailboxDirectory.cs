namespace MailAssist.Api.Mailboxes;

/// <summary>A shared mailbox and the units it forwards to.</summary>
public sealed record MailboxDirectory(Guid Id, string Address, string DisplayName, IReadOnlyList<Unit> Units)
{
    public Unit? Find(string? unitId) => Units.FirstOrDefault(u => u.Id == unitId);

    /// <summary>The mailbox's unit of a standard kind, so the shipped model serves any municipality's directory.</summary>
    public Unit? OfKind(string kind) => Units.FirstOrDefault(u => u.Kind == kind);
}

/// <summary>A unit of a mailbox's directory. <see cref="Kind"/> is one of the 15 standard unit ids.</summary>
public sealed record Unit(string Id, string Name, string Address, string Owns, string Kind);
