using MailAssist.Api.Classification.LanguageModel;
using MailAssist.Api.Classification;
using MailAssist.Api.Classification.Evaluation;
using MailAssist.Api.Classification.Local;

namespace MailAssist.Api;

/// <summary>The API's offline commands: <c>eval FILE.jsonl</c>, <c>train</c> and <c>prompt-tokens FILE.jsonl...</c>.</summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "eval" or "train" or PromptTokensCommand.Name;

    /// <summary>Eval needs no database: with the local classifier it serves the corpus model trained in memory.</summary>
    public static bool IsOffline(string[] args) => args.Length > 0 && args[0] == "eval";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        switch (args)
        {
            case ["eval", var file]:
                return await EvalCommand.RunAsync(app.Services.GetRequiredService<IClassifier>(), file, Console.Out, Console.Error, stopping);
            case [PromptTokensCommand.Name, .. var files]:
                return await PromptTokensCommand.RunAsync(app.Services, files, Console.Out, stopping);
            case ["train"]:
                return await TrainCommand.RunAsync(app.Services, Console.Out, Console.Error, stopping);
            default:
                await Console.Error.WriteLineAsync("Usage: dotnet run --project api -- eval FILE.jsonl | train | prompt-tokens FILE.jsonl...");
                return 2;
        }
    }
}
