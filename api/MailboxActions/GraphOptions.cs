using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.MailboxActions;

public sealed class GraphOptions
{
    public const string Section = "Graph";

    [Required, Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The time one decision's mailbox action may take, retries and Retry-After waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>The time one request to Graph may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback))
            errors.Add("Graph__BaseUrl must be an https URL such as https://graph.microsoft.com/v1.0.");
        if (options.TotalTimeout < TimeSpan.FromSeconds(1) || options.TotalTimeout > TimeSpan.FromMinutes(5))
            errors.Add("Graph__TotalTimeout must be between 00:00:01 and 00:05:00.");
        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(100) || options.AttemptTimeout > options.TotalTimeout)
            errors.Add("Graph__AttemptTimeout must be at least 00:00:00.1 and at most Graph__TotalTimeout.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
