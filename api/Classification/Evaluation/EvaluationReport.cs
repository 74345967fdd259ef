using System.Globalization;
using System.Text;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Classification.Evaluation;

/// <summary>One classified line: what was expected and what was suggested.</summary>
public sealed record Outcome(MailAction ExpectedAction, string? ExpectedUnit, MailAction Action, string? Unit, double Confidence, bool NeedsReview)
{
    public bool ActionRight => Action == ExpectedAction;
    public bool Critical => ExpectedAction != MailAction.Slett && Action == MailAction.Slett;
}

/// <summary>The contract's evaluation figures, plus per-class tables and the action confusion matrix for people.</summary>
public sealed record EvaluationSummary(
    int N, double ActionAccuracy, double ActionMacroF1, double UnitAccuracy, int CriticalErrors, double NeedsReviewRate, double CoverageAtPrecision97);

public sealed record ClassScore(string Label, int Support, int Predicted, double Precision, double Recall, double F1);

public static class EvaluationReport
{
    private static readonly MailAction[] Actions = [MailAction.Journalfor, MailAction.Videresend, MailAction.Slett];

    public static EvaluationSummary Summarise(IReadOnlyList<Outcome> outcomes)
    {
        var n = outcomes.Count;
        var keep = outcomes.Where(o => o.ExpectedAction != MailAction.Slett).ToList();
        return new EvaluationSummary(
            n,
            Share(outcomes.Count(o => o.ActionRight), n),
            MacroF1(ActionScores(outcomes)),
            Share(keep.Count(o => o.Unit == o.ExpectedUnit), keep.Count),
            outcomes.Count(o => o.Critical),
            Share(outcomes.Count(o => o.NeedsReview), n),
            CoverageAtPrecision(outcomes, 0.97));
    }

    public static IReadOnlyList<ClassScore> ActionScores(IReadOnlyList<Outcome> outcomes) =>
        Scores(Actions.Select(a => a.ToId()), outcomes.Select(o => (o.ExpectedAction.ToId(), (string?)o.Action.ToId())).ToList());

    /// <summary>Per unit, over the lines whose expected action is not slett.</summary>
    public static IReadOnlyList<ClassScore> UnitScores(IReadOnlyList<Outcome> outcomes)
    {
        var pairs = outcomes.Where(o => o.ExpectedUnit is not null).Select(o => (o.ExpectedUnit!, o.Unit)).ToList();
        return Scores(pairs.Select(p => p.Item1).Concat(pairs.Select(p => p.Unit).OfType<string>()).Distinct().Order(StringComparer.Ordinal), pairs);
    }

    private static List<ClassScore> Scores(IEnumerable<string> labels, IReadOnlyList<(string Expected, string? Predicted)> pairs) =>
        labels.Select(label =>
        {
            var support = pairs.Count(p => p.Expected == label);
            var predicted = pairs.Count(p => p.Predicted == label);
            var right = pairs.Count(p => p.Expected == label && p.Predicted == label);
            var precision = Share(right, predicted);
            var recall = Share(right, support);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassScore(label, support, predicted, precision, recall, f1);
        }).ToList();

    /// <summary>The mean F1 over the classes that were expected or suggested at least once.</summary>
    private static double MacroF1(IReadOnlyList<ClassScore> scores)
    {
        var present = scores.Where(s => s.Support > 0 || s.Predicted > 0).ToList();
        return present.Count == 0 ? 0 : present.Average(s => s.F1);
    }

    /// <summary>The largest share of lines whose confidence reaches a threshold at which the action is right at least <paramref name="precision"/> of the time.</summary>
    public static double CoverageAtPrecision(IReadOnlyList<Outcome> outcomes, double precision)
    {
        var sorted = outcomes.OrderByDescending(o => o.Confidence).ToList();
        var best = 0;
        var right = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].ActionRight) right++;
            var atThreshold = i + 1 == sorted.Count || sorted[i + 1].Confidence < sorted[i].Confidence;
            if (atThreshold && right >= precision * (i + 1)) best = i + 1;
        }
        return Share(best, outcomes.Count);
    }

    private static double Share(int count, int total) => total == 0 ? 0 : (double)count / total;

    public static string Tables(IReadOnlyList<Outcome> outcomes)
    {
        var text = new StringBuilder();
        Table(text, "Action", ActionScores(outcomes));
        text.AppendLine();
        Table(text, "Unit (lines not expected slett)", UnitScores(outcomes));
        text.AppendLine();
        text.AppendLine("Action confusion matrix (rows expected, columns suggested)");
        text.Append(CultureInfo.InvariantCulture, $"{"",-12}");
        foreach (var a in Actions) text.Append(CultureInfo.InvariantCulture, $"{a.ToId(),12}");
        text.AppendLine();
        foreach (var expected in Actions)
        {
            text.Append(CultureInfo.InvariantCulture, $"{expected.ToId(),-12}");
            foreach (var suggested in Actions)
                text.Append(CultureInfo.InvariantCulture, $"{outcomes.Count(o => o.ExpectedAction == expected && o.Action == suggested),12}");
            text.AppendLine();
        }
        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, IReadOnlyList<ClassScore> scores)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"{title,-32}{"support",9}{"precision",11}{"recall",9}{"f1",7}");
        foreach (var s in scores)
            text.AppendLine(CultureInfo.InvariantCulture, $"{s.Label,-32}{s.Support,9}{s.Precision,11:0.000}{s.Recall,9:0.000}{s.F1,7:0.000}");
    }
}
