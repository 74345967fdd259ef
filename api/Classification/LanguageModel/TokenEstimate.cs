namespace MailAssist.Api.Classification.LanguageModel;

/// <summary>
/// Token counts without the model's tokenizer: characters divided by <see cref="CharsPerToken"/>,
/// calibrated once against GPT-4o's tokenizer (o200k_base) on the corpus prompts (docs/benchmarks.md).
/// Used for the input budget and the cost estimate; the tokens actually used are those the model reports.
/// </summary>
public static class TokenEstimate
{
    public const double CharsPerToken = 3.3;

    public static int Of(string text) => (int)Math.Ceiling(text.Length / CharsPerToken);

    /// <summary>The text cut at a word boundary to fit <paramref name="maxTokens"/>, marked as cut.</summary>
    public static string Cap(string text, int maxTokens)
    {
        if (Of(text) <= maxTokens) return text;
        var limit = (int)(maxTokens * CharsPerToken);
        var cut = text.LastIndexOfAny([' ', '\n'], limit);
        return text[..(cut > limit / 2 ? cut : limit)].TrimEnd() + " […] (forkortet)";
    }
}
