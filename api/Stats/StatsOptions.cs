using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Stats;

public sealed class StatsOptions
{
    public const string Section = "Stats";

    /// <summary>Price per 1 000 prompt tokens in <see cref="Currency"/>; with no prices set, no cost is estimated.</summary>
    public decimal? PricePerThousandPromptTokens { get; set; }

    public decimal? PricePerThousandCompletionTokens { get; set; }

    public string Currency { get; set; } = "NOK";

    /// <summary>
    /// Figures per employee. Off by default: monitoring employees is a control measure under the
    /// Working Environment Act, chapter 9, to be discussed with the employees' representatives first.
    /// </summary>
    public bool PerEmployee { get; set; }
}

public sealed partial class StatsOptionsValidator : IValidateOptions<StatsOptions>
{
    public ValidateOptionsResult Validate(string? name, StatsOptions options)
    {
        var errors = new List<string>();
        if (options.PricePerThousandPromptTokens < 0)
            errors.Add("Stats__PricePerThousandPromptTokens cannot be negative.");
        if (options.PricePerThousandCompletionTokens < 0)
            errors.Add("Stats__PricePerThousandCompletionTokens cannot be negative.");
        if (options.PricePerThousandPromptTokens.HasValue != options.PricePerThousandCompletionTokens.HasValue)
            errors.Add("Stats__PricePerThousandPromptTokens and Stats__PricePerThousandCompletionTokens must be set together.");
        if (!CurrencyCode().IsMatch(options.Currency ?? ""))
            errors.Add("Stats__Currency must be a three-letter currency code such as NOK.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
