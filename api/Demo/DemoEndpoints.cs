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
            return new DemoMessageResponse(m.Message, state ?? new DemoMessageState());
        }).ToArray());
    }
}

/// <summary>A demo message as GET /api/demo/messages serves it: the message shape of POST /api/classify, its folder and categories.</summary>
public sealed record DemoMessageResponse : IncomingMessage
{
    public DemoMessageResponse(IncomingMessage message, DemoMessageState state) : base(message)
    {
        Folder = state.Folder;
        Categories = state.Categories;
    }

    /// <summary>"inbox", "deleteditems" or the display name of the folder a decision moved the message to.</summary>
    public string Folder { get; }

    public IReadOnlyList<string> Categories { get; }
}
