using System.ComponentModel.DataAnnotations;

namespace MailAssist.Api.Hardening;

public sealed class CorsOptions
{
    public const string Section = "Cors";

    /// <summary>Origins allowed to call the API from a browser. Empty: same origin only (the default set-up).</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Classifications one person may ask for per minute, across every instance of the API.</summary>
    [Range(1, 100_000)]
    public int ClassifyPerMinute { get; set; } = 120;
}
