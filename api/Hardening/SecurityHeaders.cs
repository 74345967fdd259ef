namespace MailAssist.Api.Hardening;

/// <summary>
/// Security headers on every response. Pages may be framed only by Outlook's own hosts (the task
/// pane lives in an iframe there) and load scripts only from here and Office's CDN.
/// </summary>
public static class SecurityHeaders
{
    public static readonly string[] OutlookHosts =
    [
        "https://outlook.office.com", "https://outlook.office365.com", "https://outlook.live.com", "https://outlook.cloud.microsoft",
    ];

    public const string OfficeCdn = "https://appsforoffice.microsoft.com";

    public static readonly string PageContentSecurityPolicy = string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' {OfficeCdn}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self' https://login.microsoftonline.com",
        $"frame-src 'self' {OfficeCdn} https://login.microsoftonline.com",
        $"frame-ancestors 'self' {string.Join(' ', OutlookHosts)}",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'");

    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin-allow-popups";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // By path, not content type: a 304 for a page carries no content type, and browsers merge its headers into the cached page.
            var isApi = context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health")
                || context.Request.Path.StartsWithSegments("/openapi");
            headers.ContentSecurityPolicy = isApi ? ApiContentSecurityPolicy : PageContentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
