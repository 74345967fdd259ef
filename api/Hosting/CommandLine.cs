namespace MailAssist.Api;

/// <summary>The API's offline commands: <c>eval FILE.jsonl</c> and <c>train</c>.</summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "eval" or "train";

    public static Task<int> RunAsync(WebApplication app, string[] args)
    {
        Console.Error.WriteLine($"'{args[0]}' is not available yet.");
        return Task.FromResult(2);
    }
}
