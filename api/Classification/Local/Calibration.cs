namespace MailAssist.Api.Classification.Local;

/// <summary>Fitting on held-out predictions: a softmax temperature, and a monotone map from score to the chance of being right.</summary>
public static class Calibration
{
    /// <summary>The temperature that minimises the held-out negative log-likelihood (a grid, then a finer grid around the best).</summary>
    public static float FitTemperature(IReadOnlyList<(float[] Scores, int Label)> heldOut)
    {
        if (heldOut.Count == 0) return 1f;
        var best = 1f;
        var bestLoss = double.MaxValue;
        foreach (var step in new[] { 1.08f, 1.01f })
        {
            var from = step > 1.05f ? 0.1f : best / 1.1f;
            var to = step > 1.05f ? 10f : best * 1.1f;
            for (var t = from; t <= to; t *= step)
            {
                var loss = heldOut.Sum(h => -Math.Log(Math.Max(1e-9, SoftmaxHead.Softmax(h.Scores, t)[h.Label])));
                if (loss < bestLoss) (best, bestLoss) = (t, loss);
            }
        }
        return best;
    }
}

/// <summary>
/// Isotonic regression (pool adjacent violators) from a raw score to the observed share of right
/// suggestions, each pooled block smoothed by a uniform prior so a small block never claims 0 or 1.
/// </summary>
public sealed class IsotonicMap(float[] scores, float[] values)
{
    public float[] Scores { get; } = scores;
    public float[] Values { get; } = values;

    public static IsotonicMap Fit(IReadOnlyList<(float Score, bool Right)> points)
    {
        var sorted = points.OrderBy(p => p.Score).ToList();
        var blocks = new List<(double Sum, int Count, double ScoreSum)>();
        foreach (var (score, right) in sorted)
        {
            blocks.Add((right ? 1 : 0, 1, score));
            while (blocks.Count > 1 && Mean(blocks[^2]) >= Mean(blocks[^1]))
            {
                var last = blocks[^1];
                var previous = blocks[^2];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (previous.Sum + last.Sum, previous.Count + last.Count, previous.ScoreSum + last.ScoreSum);
            }
        }
        return new IsotonicMap(
            blocks.Select(b => (float)(b.ScoreSum / b.Count)).ToArray(),
            blocks.Select(b => (float)((b.Sum + 1) / (b.Count + 2))).ToArray());
    }

    private static double Mean((double Sum, int Count, double ScoreSum) block) => block.Sum / block.Count;

    /// <summary>The calibrated chance for a raw score: linear between block centres, flat beyond the ends.</summary>
    public float Apply(float score)
    {
        if (Scores.Length == 0) return 0.5f;
        if (score <= Scores[0]) return Values[0];
        if (score >= Scores[^1]) return Values[^1];
        var upper = Array.BinarySearch(Scores, score);
        if (upper >= 0) return Values[upper];
        upper = ~upper;
        var lower = upper - 1;
        var share = (score - Scores[lower]) / (Scores[upper] - Scores[lower]);
        return Values[lower] + share * (Values[upper] - Values[lower]);
    }
}
