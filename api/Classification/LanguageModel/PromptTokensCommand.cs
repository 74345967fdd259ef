using System.Text.Json;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Data;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Classification.LanguageModel;

/// <summary>
/// <c>prompt-tokens FILE.jsonl...</c>: builds the real prompt for every message, with the mailbox's
/// directory from the database, and prints the estimated prompt tokens per message (docs/benchmarks.md).
/// </summary>
public static class PromptTokensCommand
{
    public const string Name = "prompt-tokens";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> files, TextWriter output, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync($"Usage: {Name} FILE.jsonl [FILE.jsonl ...]");
            return 2;
        }
        await services.GetRequiredService<Migrator>().ApplyAsync(cancellationToken);
        var mailboxes = services.GetRequiredService<MailboxStore>();
        var options = services.GetRequiredService<IOptions<ClassifierOptions>>().Value;

        var directories = new Dictionary<string, MailboxDirectory>();
        var alone = new List<int>();
        var withExamples = new List<int>();
        var recent = new Queue<ConfirmedExample>();
        foreach (var (file, number, line) in files.SelectMany(f => File.ReadLines(f).Select((l, i) => (f, i + 1, l))).Where(x => x.l.Trim().Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            if (MessageReader.Read(json.RootElement).Message is not { } message
                || await DirectoryAsync(message.Mailbox ?? "", mailboxes, directories, cancellationToken) is not { } directory)
            {
                await Console.Error.WriteLineAsync($"{file}:{number}: not a message of a known mailbox.");
                return 2;
            }
            var cleaned = MessageCleaner.CleanAndRedact(message);
            var schema = ModelAnswer.Schema(directory);
            alone.Add(PromptBuilder.Build(new ClassificationInput(cleaned, directory, []), options.MaxInputTokens).EstimatedTokens(schema));
            // The examples a busy mailbox would add: three earlier messages, as the prompt caps them.
            if (recent.Count == PromptBuilder.MaxExamples)
                withExamples.Add(PromptBuilder.Build(new ClassificationInput(cleaned, directory, recent.ToList()), options.MaxInputTokens).EstimatedTokens(schema));
            recent.Enqueue(new ConfirmedExample(cleaned.Subject, cleaned.Text, MailAction.Journalfor, directory.Units[0].Id));
            if (recent.Count > PromptBuilder.MaxExamples) recent.Dequeue();
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            n = alone.Count,
            charsPerToken = TokenEstimate.CharsPerToken,
            maxInputTokens = options.MaxInputTokens,
            medianPromptTokens = Percentile(alone, 0.5),
            p95PromptTokens = Percentile(alone, 0.95),
            maxPromptTokens = alone.DefaultIfEmpty().Max(),
            medianPromptTokensWithExamples = Percentile(withExamples, 0.5),
            p95PromptTokensWithExamples = Percentile(withExamples, 0.95),
        }));
        return 0;
    }

    private static async Task<MailboxDirectory?> DirectoryAsync(
        string address, MailboxStore mailboxes, Dictionary<string, MailboxDirectory> known, CancellationToken cancellationToken)
    {
        if (known.TryGetValue(address, out var directory)) return directory;
        directory = await mailboxes.FindAsync(address, cancellationToken);
        if (directory is not null) known[address] = directory;
        return directory;
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static int Percentile(IReadOnlyCollection<int> values, double p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
