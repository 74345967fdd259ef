using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using MailAssist.Api.Classification;
using MailAssist.Api.Classification.Local;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Messages;

namespace MailAssist.Benchmarks;

/// <summary>
/// Cleaning and classifying one message in process, as POST /api/classify does before it stores the
/// suggestion: realistic messages of the corpus test split (short notes, forwarded chains, HTML-only
/// mail, newsletters), one per invocation in turn.
/// </summary>
[Config(typeof(Percentiles))]
[MemoryDiagnoser]
public class LocalClassifierBenchmarks
{
    private IncomingMessage[] _messages = [];
    private LocalClassifier _classifier = null!;
    private int _next;

    [GlobalSetup]
    public void Setup() => (_messages, _classifier) = (Corpus.TestMessages(), Corpus.Classifier());

    [Benchmark]
    public CleanedMessage Clean() => MessageCleaner.CleanAndRedact(NextMessage());

    [Benchmark]
    public ClassificationResult CleanAndClassify() => Corpus.CleanAndClassify(_classifier, NextMessage());

    private IncomingMessage NextMessage() => _messages[_next++ % _messages.Length];

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles()
        {
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max, new PercentileColumn(99));
        }
    }
}

/// <summary>BenchmarkDotNet's statistics offer P95 but no P99 column; this one reads it from the same measurements (iteration means, in µs).</summary>
internal sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => $"P{percentile}";
    public string ColumnName => $"P{percentile} [us]";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => percentile;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"{percentile}th percentile of the iteration means, in microseconds";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics is { } statistics
            ? (statistics.Percentiles.Percentile(percentile) / 1000).ToString("0.000", CultureInfo.InvariantCulture)
            : "NA";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
