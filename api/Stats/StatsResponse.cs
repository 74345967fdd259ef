using System.ComponentModel;
using System.Text.Json.Serialization;

namespace MailAssist.Api.Stats;

/// <summary>
/// The team lead dashboard's figures for one mailbox and period. Decisions count by the Oslo
/// calendar day they were made; rates and shares are null, never NaN, when there is nothing to divide.
/// </summary>
public sealed record StatsResponse(
    string Mailbox,
    [property: Description("First day of the period, inclusive.")] DateOnly From,
    [property: Description("Last day of the period, inclusive.")] DateOnly To,
    string TimeZone,
    [property: Description("Messages decided in the period.")] long Decisions,
    [property: Description("Decisions that confirmed the suggested action and unit.")] long Accepted,
    [property: Description("accepted / decisions; null without decisions.")] double? ConfirmationRate,
    [property: Description("Share of decided messages whose suggestion needed review.")] double? NeedsReviewShare,
    [property: Description("Share of decided messages answered by the local classifier because the language model failed.")] double? FallbackShare,
    [property: Description("Median seconds from suggestion to decision, interpolated in a histogram whose buckets are about 9 % wide.")] double? MedianSecondsToDecision,
    [property: Description("Per suggested action, every action listed.")] IReadOnlyList<ActionStats> ByAction,
    [property: Description("Per suggested unit, every unit of the mailbox's directory listed.")] IReadOnlyList<UnitStats> ByUnit,
    [property: Description("Per ISO week, every week touching the period listed; the first and last may be partial.")] IReadOnlyList<WeekStats> ByWeek,
    OverrideStats Overrides,
    TokenStats Tokens,
    [property: Description("For confidence thresholds 0.50 to 0.95: how much could have been handled there, and how often it was confirmed.")] IReadOnlyList<ThresholdStats> Thresholds)
{
    [Description("Per employee; present only when Stats__PerEmployee is true.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EmployeeStats>? ByEmployee { get; init; }
}

public sealed record ActionStats(
    string Action,
    [property: Description("Decided messages for which this action was suggested.")] long Decisions,
    long Accepted,
    double? ConfirmationRate,
    [property: Description("Decided messages for which staff chose this action.")] long Chosen);

public sealed record UnitStats(
    string Unit,
    string UnitName,
    [property: Description("Decided messages for which this unit was suggested.")] long Decisions,
    long Accepted,
    double? ConfirmationRate,
    [property: Description("Decided messages that staff sent to this unit.")] long Chosen);

public sealed record WeekStats(
    [property: Description("ISO week, e.g. 2026-W42.")] string Week,
    [property: Description("The week's Monday.")] DateOnly WeekStart,
    long Decisions,
    long Accepted,
    double? ConfirmationRate);

/// <summary>Where staff chose otherwise than suggested, largest first.</summary>
public sealed record OverrideStats(
    [property: Description("Decisions whose action differs from the suggested one.")] IReadOnlyList<ActionOverride> Actions,
    [property: Description("Decisions where both suggestion and decision have a unit, and the units differ.")] IReadOnlyList<UnitOverride> Units);

public sealed record ActionOverride(string Suggested, string Chosen, long Count);

public sealed record UnitOverride(string Suggested, string SuggestedName, string Chosen, string ChosenName, long Count);

public sealed record TokenStats(
    [property: Description("Suggestions made in the period, decided or not: token use counts when the model is asked.")] long Suggestions,
    long Prompt,
    long Completion,
    [property: Description("At the configured prices, rounded to 2 decimals; null when no prices are configured.")] decimal? EstimatedCost,
    string Currency);

public sealed record ThresholdStats(
    double Threshold,
    [property: Description("Decided messages whose suggestion's confidence was at least the threshold.")] long Decisions,
    [property: Description("decisions at the threshold / all decisions.")] double? Share,
    [property: Description("Confirmation rate among the decisions at the threshold.")] double? ConfirmationRate);

public sealed record EmployeeStats(string Employee, long Decisions, long Accepted, double? ConfirmationRate);
