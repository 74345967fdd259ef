using BenchmarkDotNet.Running;

namespace MailAssist.Benchmarks;

public static class BenchmarkProgram
{
    /// <summary><c>--latency</c> times every call on its own for true per-message percentiles; anything else goes to BenchmarkDotNet.</summary>
    public static int Main(string[] args)
    {
        if (args is ["--latency", ..]) return LatencyRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
