using BenchmarkDotNet.Running;

namespace MailAssist.Benchmarks;

/// <summary>
/// Runs the benchmarks named on the command line, e.g. <c>--filter '*Stats*'</c>; <c>--latency [CALLS]</c> times every
/// local classification on its own for per-message percentiles. See docs/benchmarks.md.
/// </summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        if (args is ["--latency", ..])
            LatencyRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
        else
            BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
