using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Taskpane;

/// <summary>
/// Serves the built task pane at /taskpane/, the demo page at /demo and the team leads' dashboard at /stats, on the API's own origin, so the
/// pane calls /api without CORS.
/// </summary>
public static class TaskpaneEndpoints
{
    public static IHostApplicationBuilder AddTaskpane(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TaskpaneOptions>().BindConfiguration(TaskpaneOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static WebApplication MapTaskpane(this WebApplication app)
    {
        var dist = Path.GetFullPath(app.Services.GetRequiredService<IOptions<TaskpaneOptions>>().Value.DistPath, app.Environment.ContentRootPath);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TaskpaneEndpoints).FullName!);
        if (!File.Exists(Path.Combine(dist, "index.html")))
        {
            logger.LogWarning(
                "The task pane is not built: {DistPath} has no index.html, so /taskpane/, /demo and /stats answer 404. " +
                "Build it with `npm ci && npm run build` in web-taskpane (./run.sh does), or point Taskpane__DistPath at a build.", dist);
            return app;
        }
        logger.LogInformation("Serving the task pane from {DistPath} at /taskpane/, /demo and /stats", dist);

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(dist),
            RequestPath = "/taskpane",
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Vite names built assets by their content hash, so they never change under the same name.
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/taskpane/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });

        var pages = app.MapGroup("").WithTags("Pages").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/taskpane/", (HttpContext context) => Page(context, Path.Combine(dist, "index.html")));
        pages.MapGet("/demo", (HttpContext context) => Page(context, Path.Combine(dist, "demo.html")));
        pages.MapGet("/stats", (HttpContext context) => Page(context, Path.Combine(dist, "stats.html")));
        return app;
    }

    /// <summary>A page; its Content-Security-Policy and other security headers come from <see cref="Hardening.SecurityHeaders"/>.</summary>
    private static IResult Page(HttpContext context, string path)
    {
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(path, "text/html; charset=utf-8");
    }
}
