using System.Net.Mail;
using System.Security.Claims;
using System.Text.RegularExpressions;
using MailAssist.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailAssist.Api.Mailboxes;

public static partial class MailboxAdminEndpoints
{
    public static RouteGroupBuilder MapMailboxAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/mailboxes").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapPut("/{address}", SaveDirectory).WithName("SaveDirectory")
            .WithSummary("Create a shared mailbox or update its unit directory and action settings; each unit names the standard kind it is.");
        group.MapGet("/{address}", GetMailbox).WithName("GetMailbox")
            .WithSummary("A shared mailbox's action settings and unit directory.");
        group.MapGet("/{address}/members", GetMembers).WithName("GetMembers");
        group.MapPut("/{address}/members/{userName}", AddMember).WithName("AddMember");
        group.MapDelete("/{address}/members/{userName}", RemoveMember).WithName("RemoveMember");
        return group;
    }

    public static async Task<Results<Ok<UnitResponse[]>, ValidationProblem>> SaveDirectory(
        string address, DirectoryRequest request, MailboxStore mailboxes, MembershipStore memberships, CancellationToken cancellationToken)
    {
        var errors = Validate(address, request);
        var settings = new MailboxActionSettingsChange(request.JournalMode, request.JournalFolder?.Trim(),
            request.ArchiveImportAddress?.Trim().ToLowerInvariant(), request.ForwardedFolder?.Trim());
        if (errors.Count == 0 && IsAddress(address))
        {
            var saved = await mailboxes.FindSettingsAsync(address, cancellationToken) ?? MailboxActionSettings.Default;
            var merged = saved.With(settings);
            if (merged.JournalMode == MailboxActionSettings.ForwardMode && merged.ArchiveImportAddress is null)
                errors["archiveImportAddress"] = ["Oppgi arkivsystemets importadresse når journalføring skal videresendes."];
        }
        if (errors.Count > 0) return Problems.Fields(errors);
        var units = request.Units.Select(u => new Unit(u.Id, u.Name.Trim(), u.Address.Trim().ToLowerInvariant(), u.Owns.Trim(), u.Kind)).ToList();
        var id = await memberships.SaveDirectoryAsync(address.Trim(), request.DisplayName.Trim(), units, settings, cancellationToken);
        var directory = await mailboxes.FindByIdAsync(id, cancellationToken);
        return TypedResults.Ok(directory!.Units.Select(UnitResponse.From).ToArray());
    }

    public static async Task<Results<Ok<MailboxResponse>, ValidationProblem>> GetMailbox(
        string address, MailboxStore mailboxes, CancellationToken cancellationToken)
    {
        var directory = await mailboxes.FindAsync(address, cancellationToken);
        var settings = await mailboxes.FindSettingsAsync(address, cancellationToken);
        if (directory is null || settings is null) return Problems.UnknownMailbox();
        return TypedResults.Ok(new MailboxResponse(directory.Address, directory.DisplayName, settings.JournalMode, settings.JournalFolder,
            settings.ArchiveImportAddress, settings.ForwardedFolder, directory.Units.Select(UnitResponse.From).ToArray()));
    }

    public static async Task<Results<Ok<IReadOnlyList<Member>>, ValidationProblem>> GetMembers(
        string address, MailboxStore mailboxes, MembershipStore memberships, CancellationToken cancellationToken)
    {
        var directory = await mailboxes.FindAsync(address, cancellationToken);
        if (directory is null) return Problems.UnknownMailbox();
        return TypedResults.Ok(await memberships.MembersAsync(directory.Id, cancellationToken));
    }

    public static async Task<Results<Created, NoContent, ValidationProblem>> AddMember(
        string address, string userName, ClaimsPrincipal admin, MailboxStore mailboxes, MembershipStore memberships, CancellationToken cancellationToken)
    {
        if (!IsAddress(userName)) return Problems.Field("userName", "Oppgi brukerens brukernavn (UPN), for eksempel kari.nordmann@kommune.no.");
        var directory = await mailboxes.FindAsync(address, cancellationToken);
        if (directory is null) return Problems.UnknownMailbox();
        return await memberships.AddAsync(directory.Id, userName.Trim().ToLowerInvariant(), admin.UserId(), cancellationToken)
            ? TypedResults.Created($"/api/admin/mailboxes/{directory.Address}/members/{userName}")
            : TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> RemoveMember(
        string address, string userName, MailboxStore mailboxes, MembershipStore memberships, CancellationToken cancellationToken)
    {
        var directory = await mailboxes.FindAsync(address, cancellationToken);
        if (directory is null) return Problems.UnknownMailbox();
        return await memberships.RemoveAsync(directory.Id, userName.Trim().ToLowerInvariant(), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
    }

    private static Dictionary<string, string[]> Validate(string address, DirectoryRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsAddress(address)) errors["address"] = ["Postkassens adresse må være en e-postadresse."];
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200)
            errors["displayName"] = ["Navnet er påkrevd (høyst 200 tegn)."];
        var units = request.Units ?? [];
        if (units.Count > 200) errors["units"] = ["Høyst 200 enheter."];
        for (var i = 0; i < Math.Min(units.Count, 200); i++)
        {
            var u = units[i];
            if (u.Id is null || !UnitId().IsMatch(u.Id)) errors[$"units[{i}].id"] = ["Id med små bokstaver, tall og bindestrek (høyst 50 tegn)."];
            if (string.IsNullOrWhiteSpace(u.Name) || u.Name.Length > 200) errors[$"units[{i}].name"] = ["Navnet er påkrevd (høyst 200 tegn)."];
            if (!IsAddress(u.Address)) errors[$"units[{i}].address"] = ["Enhetens adresse må være en e-postadresse."];
            if (u.Owns is null || u.Owns.Length > 2000) errors[$"units[{i}].owns"] = ["Beskriv hva enheten eier (høyst 2000 tegn)."];
            if (!StandardUnits.IsKnown(u.Kind)) errors[$"units[{i}].kind"] = [$"Velg en av standardenhetene: {string.Join(", ", StandardUnits.Ids)}."];
        }
        if (units.Select(u => u.Id).Distinct().Count() != units.Count) errors["units"] = ["Hver enhet må ha sin egen id."];
        if (request.JournalMode is not (null or MailboxActionSettings.MoveMode or MailboxActionSettings.ForwardMode))
            errors["journalMode"] = ["Journalføring er move (flytt til en mappe) eller forward (videresend til arkivsystemet)."];
        if (request.JournalFolder is not null && !IsFolderName(request.JournalFolder))
            errors["journalFolder"] = [FolderNameRule];
        if (request.ForwardedFolder is not null && !IsFolderName(request.ForwardedFolder))
            errors["forwardedFolder"] = [FolderNameRule];
        if (request.ArchiveImportAddress is not null && !IsAddress(request.ArchiveImportAddress))
            errors["archiveImportAddress"] = ["Arkivsystemets importadresse må være en e-postadresse."];
        return errors;
    }

    private const string FolderNameRule = "Mappenavnet er påkrevd (høyst 255 tegn, uten skråstrek og kontrolltegn).";

    private static bool IsFolderName(string name) =>
        name.Trim() is { Length: > 0 and <= 255 } trimmed && !trimmed.Any(c => char.IsControl(c) || c is '/' or '\\');

    private static bool IsAddress(string? value) =>
        value is { Length: > 0 and <= 320 } && MailAddress.TryCreate(value.Trim(), out var parsed) && parsed.Address == value.Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex UnitId();
}

public sealed record DirectoryRequest(
    string DisplayName,
    IReadOnlyList<UnitRequest> Units,
    string? JournalMode = null,
    string? JournalFolder = null,
    string? ArchiveImportAddress = null,
    string? ForwardedFolder = null);

public sealed record MailboxResponse(
    string Address,
    string DisplayName,
    string JournalMode,
    string JournalFolder,
    string? ArchiveImportAddress,
    string ForwardedFolder,
    UnitResponse[] Units);

public sealed record UnitRequest(string Id, string Name, string Address, string Owns, string Kind);
