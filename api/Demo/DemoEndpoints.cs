using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailAssist.Api.Demo;

public static class DemoEndpoints
{
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoMailbox>();
        builder.Services.AddSingleton<DemoMailboxActions>();
        return builder;
    }

    public static RouteGroupBuilder MapDemo(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/demo").WithTags("Demo").RequireAuthorization();
        group.MapGet("/messages", GetMessages)
            .WithName("GetDemoMessages")
            .WithSummary("The demo mailbox's messages in the message shape of POST /api/classify, each with the folder a decision " +
                "moved it to (\"inbox\" until then) and its categories, for the /demo page.");
        return group;
    }

    public static async Task<Ok<DemoMessageResponse[]>> GetMessages(
        DemoMailbox demo, DemoMailboxActions folders, MailboxStore mailboxes, MessageKeys keys, CancellationToken cancellationToken)
    {
        var directory = await mailboxes.FindAsync(demo.Messages[0].Message.Mailbox, cancellationToken);
        var states = directory is null ? [] : await folders.StatesAsync(directory.Id, cancellationToken);
        var byKey = states.ToDictionary(s => Convert.ToHexString(s.MessageKey));
        return TypedResults.Ok(demo.Messages.Select(m =>
        {
            var state = directory is null ? null : byKey.GetValueOrDefault(Convert.ToHexString(keys.For(directory.Id, m.Message.InternetMessageId)));
            return DemoMessageResponse.Of(m.Message, state ?? new DemoMessageState());
        }).ToArray());
    }
}

/// <summary>A demo message as GET /api/demo/messages serves it: the message shape of POST /api/classify, its folder and categories.</summary>
public sealed record DemoMessageResponse(
    string? Mailbox,
    string InternetMessageId,
    string? From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string? Subject,
    string? Body,
    string? BodyHtml,
    IReadOnlyList<Attachment> Attachments,
    DateTimeOffset? ReceivedAt,
    string Folder,
    IReadOnlyList<string> Categories)
{
    public static DemoMessageResponse Of(IncomingMessage m, DemoMessageState state) =>
        new(m.Mailbox, m.InternetMessageId, m.From, m.To, m.Cc, m.Subject, m.Body, m.BodyHtml, m.Attachments, m.ReceivedAt, state.Folder, state.Categories);
}
