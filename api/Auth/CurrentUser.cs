using System.Security.Claims;

namespace MailAssist.Api.Auth;

public static class CurrentUser
{
    /// <summary>The signed-in person as recorded on decisions: their user principal name.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue("preferred_username") ?? user.FindFirstValue(ClaimTypes.Upn) ?? user.Identity?.Name
        ?? throw new InvalidOperationException("The signed-in user has no name claim.");
}
