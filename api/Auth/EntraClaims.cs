namespace MailAssist.Api.Auth;

/// <summary>Claim names of Entra ID v2.0 access tokens, read unmapped.</summary>
public static class EntraClaims
{
    public const string PreferredUsername = "preferred_username";
    public const string Name = "name";
    public const string ObjectId = "oid";
    public const string TenantId = "tid";
    public const string Scope = "scp";
    public const string Roles = "roles";
    public const string IdentityType = "idtyp";
}
