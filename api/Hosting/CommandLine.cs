using MailAssist.Api.Classification.LanguageModel;

namespace MailAssist.Api;

/// <summary>The API's offline commands: <c>eval FILE.jsonl</c>, <c>train</c> and <c>prompt-tokens FILE.jsonl...</c>.</summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "eval" or "train" or PromptTokensCommand.Name;

    public static Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] == PromptTokensCommand.Name) return PromptTokensCommand.RunAsync(app.Services, args[1..], Console.Out, CancellationToken.None);
        Console.Error.WriteLine($"'{args[0]}' is not available yet.");
        return Task.FromResult(2);
    }
}
