using System.Security.Claims;

namespace MailAssist.Api.Auth;

public static class CurrentUser
{
    /// <summary>The signed-in person as recorded on decisions and memberships: their user principal name, lower-cased.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        (user.FindFirstValue(EntraClaims.PreferredUsername) ?? user.Identity?.Name
            ?? throw new InvalidOperationException("The signed-in user has no preferred_username claim.")).ToLowerInvariant();

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll(EntraClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(scope);
}
