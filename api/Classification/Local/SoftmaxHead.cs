namespace MailAssist.Api.Classification.Local;

/// <summary>
/// A multinomial logistic regression over hashed features: one weight row of <see cref="Classes"/>
/// values per hash bucket, so scoring a message reads a few thousand contiguous rows.
/// </summary>
public sealed class SoftmaxHead
{
    public SoftmaxHead(IReadOnlyList<string> labels, float[] weights, float[] bias, float temperature)
    {
        if (weights.Length != Features.Dimension * labels.Count || bias.Length != labels.Count)
            throw new ArgumentException("Weights do not match the labels.");
        Labels = labels;
        Weights = weights;
        Bias = bias;
        Temperature = temperature;
    }

    public IReadOnlyList<string> Labels { get; }
    public int Classes => Labels.Count;
    public float[] Weights { get; }
    public float[] Bias { get; }

    /// <summary>Divides the scores before the softmax; fitted on held-out folds so probabilities are honest.</summary>
    public float Temperature { get; }

    public int IndexOf(string label) => IndexOf(Labels, label);

    public static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
            if (labels[i] == label) return i;
        throw new ArgumentException($"Unknown label '{label}'.");
    }

    public SoftmaxHead WithTemperature(float temperature) => new(Labels, Weights, Bias, temperature);

    /// <summary>The head with its weights rounded to half precision, as they are stored: halves the payload, changes no suggestion that matters.</summary>
    public SoftmaxHead Rounded() => new(Labels, Weights.Select(w => (float)(Half)w).ToArray(), Bias, Temperature);

    public float[] Scores(FeatureVector x) => Score(Weights, Bias, Classes, x);

    public float[] Probabilities(FeatureVector x) => Softmax(Scores(x), Temperature);

    public static float[] Softmax(float[] scores, float temperature)
    {
        var result = new float[scores.Length];
        var max = scores.Max();
        var sum = 0f;
        for (var c = 0; c < scores.Length; c++) sum += result[c] = MathF.Exp((scores[c] - max) / temperature);
        for (var c = 0; c < scores.Length; c++) result[c] /= sum;
        return result;
    }

    /// <summary>
    /// Trains by Adagrad over the examples in an order fixed by <paramref name="seed"/>, with L2
    /// decay on the rows each example touches: the same examples give the same weights, bit for bit.
    /// </summary>
    public static SoftmaxHead Train(IReadOnlyList<string> labels, IReadOnlyList<(FeatureVector X, int Label, float Weight)> examples,
        int epochs, float learningRate, float l2, ulong seed)
    {
        var k = labels.Count;
        var weights = new float[Features.Dimension * k];
        var squares = new float[weights.Length];
        var bias = new float[k];
        var biasSquares = new float[k];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new SplitMix(seed);
        var gradient = new float[k];

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (x, label, weight) = examples[i];
                var p = Softmax(Score(weights, bias, k, x), 1f);
                for (var c = 0; c < k; c++) gradient[c] = weight * (p[c] - (c == label ? 1f : 0f));
                foreach (var e in x.Entries)
                {
                    var at = e.Index * k;
                    for (var c = 0; c < k; c++)
                    {
                        var g = gradient[c] * e.Value + l2 * weights[at + c];
                        squares[at + c] += g * g;
                        weights[at + c] -= learningRate * g / (MathF.Sqrt(squares[at + c]) + 1e-6f);
                    }
                }
                for (var c = 0; c < k; c++)
                {
                    biasSquares[c] += gradient[c] * gradient[c];
                    bias[c] -= learningRate * gradient[c] / (MathF.Sqrt(biasSquares[c]) + 1e-6f);
                }
            }
        }
        return new SoftmaxHead(labels, weights, bias, 1f);
    }

    private static float[] Score(float[] weights, float[] bias, int k, FeatureVector x)
    {
        var scores = (float[])bias.Clone();
        foreach (var e in x.Entries)
        {
            var row = weights.AsSpan(e.Index * k, k);
            for (var c = 0; c < k; c++) scores[c] += e.Value * row[c];
        }
        return scores;
    }
}

/// <summary>How the local model is trained; the defaults were chosen by 5-fold cross-validation on the corpus train split.</summary>
/// <param name="CriticalErrorBudget">The share of all lines that may be keep lines wrongly suggested slett on the held-out folds; sets the slett threshold.</param>
/// <param name="AtAGlancePrecision">How often suggestions at or above the review threshold were right on the held-out folds.</param>
public sealed record TrainingSettings(int Epochs, float ActionLearningRate, float UnitLearningRate, float L2, double CriticalErrorBudget, double AtAGlancePrecision)
{
    public static TrainingSettings Default { get; } = new(Epochs: 8, ActionLearningRate: 0.15f, UnitLearningRate: 0.1f, L2: 1e-6f,
        CriticalErrorBudget: 0.002, AtAGlancePrecision: 0.95);
}

/// <summary>A tiny seeded generator, so shuffles do not depend on the runtime's Random implementation.</summary>
public struct SplitMix(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public void Shuffle(int[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)(Next() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
