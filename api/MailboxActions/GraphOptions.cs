using System.ComponentModel.DataAnnotations;

namespace MailAssist.Api.MailboxActions;

public sealed class GraphOptions
{
    public const string Section = "Graph";

    [Required, Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";
}
