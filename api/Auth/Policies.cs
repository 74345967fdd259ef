namespace MailAssist.Api.Auth;

public static class Policies
{
    /// <summary>Statistics for team leads.</summary>
    public const string TeamLead = "TeamLead";

    /// <summary>Units and mailbox membership.</summary>
    public const string Admin = "Admin";
}

public static class Roles
{
    public const string TeamLead = "MailAssist.TeamLead";
    public const string Admin = "MailAssist.Admin";
}
