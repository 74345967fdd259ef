using Microsoft.Extensions.Options;

namespace MailAssist.Api.Auth;

public enum AuthMode
{
    Development,
    EntraId,
}

public sealed class AuthOptions
{
    public const string Section = "Auth";

    public AuthMode Mode { get; set; } = AuthMode.Development;
}

/// <summary>The API's Entra ID app registration, named as Microsoft.Identity.Web names it.</summary>
public sealed class AzureAdOptions
{
    public const string Section = "AzureAd";
    public const string Scope = "access_as_user";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";
    public string TenantId { get; set; } = "";
    public string ClientId { get; set; } = "";

    /// <summary>For the on-behalf-of flow to Microsoft Graph; a certificate is preferred in production.</summary>
    public string? ClientSecret { get; set; }
    public string? ClientCertificatePath { get; set; }
    public string? ClientCertificatePassword { get; set; }

    public string Authority => $"{Instance.TrimEnd('/')}/{TenantId}/v2.0";
    public string ApplicationIdUri => $"api://{ClientId}";
}

public sealed class AuthOptionsValidator(IOptions<AuthOptions> auth) : IValidateOptions<AzureAdOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureAdOptions options)
    {
        if (auth.Value.Mode != AuthMode.EntraId) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (!Guid.TryParse(options.TenantId, out _))
            errors.Add("AzureAd__TenantId must be the directory (tenant) id, a GUID, when Auth__Mode is EntraId.");
        if (!Guid.TryParse(options.ClientId, out _))
            errors.Add("AzureAd__ClientId must be the API app registration's application (client) id, a GUID, when Auth__Mode is EntraId.");
        if (!Uri.TryCreate(options.Instance, UriKind.Absolute, out var instance) || (instance.Scheme != Uri.UriSchemeHttps && !instance.IsLoopback))
            errors.Add("AzureAd__Instance must be an https URL such as https://login.microsoftonline.com/.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
