using System.Diagnostics;
using System.Globalization;

namespace MailAssist.Benchmarks;

/// <summary>
/// Times each clean-and-classify call on its own over the corpus test split, after a warm-up, and
/// prints per-call percentiles: the figure a request's latency budget is about.
/// </summary>
internal static class LatencyRun
{
    public static int Run(int calls)
    {
        var messages = Corpus.TestMessages();
        var classifier = Corpus.Classifier();
        for (var i = 0; i < 10_000; i++) Corpus.CleanAndClassify(classifier, messages[i % messages.Length]);
        GC.Collect();

        var elapsed = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Corpus.CleanAndClassify(classifier, messages[i % messages.Length]);
            elapsed[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(elapsed);
        double At(double p) => elapsed[Math.Min(calls - 1, (int)Math.Ceiling(p * calls) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"clean+classify, {calls} calls over {messages.Length} messages: mean {elapsed.Average():0.000} ms, p50 {At(0.50):0.000} ms, p95 {At(0.95):0.000} ms, p99 {At(0.99):0.000} ms, max {elapsed[^1]:0.000} ms"));
        return 0;
    }
}
