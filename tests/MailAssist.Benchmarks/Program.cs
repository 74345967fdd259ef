using BenchmarkDotNet.Running;

namespace MailAssist.Benchmarks;

public static class BenchmarkProgram
{
    /// <summary>Runs the benchmarks named on the command line, e.g. <c>--filter '*Stats*'</c> (see docs/benchmarks.md); <c>--latency</c> times every call on its own for true per-message percentiles; anything else goes to BenchmarkDotNet.</summary>
    public static int Main(string[] args)
    {
        if (args is ["--latency", ..]) return LatencyRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
