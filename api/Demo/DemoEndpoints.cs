using MailAssist.Api.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailAssist.Api.Demo;

public static class DemoEndpoints
{
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoMailbox>();
        return builder;
    }

    public static RouteGroupBuilder MapDemo(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/demo").WithTags("Demo").RequireAuthorization();
        group.MapGet("/messages", GetMessages)
            .WithName("GetDemoMessages")
            .WithSummary("The demo mailbox's inbox in the message shape of POST /api/classify, for the /demo page.");
        return group;
    }

    public static Ok<IncomingMessage[]> GetMessages(DemoMailbox mailbox) =>
        TypedResults.Ok(mailbox.Messages.Select(m => m.Message).ToArray());
}
