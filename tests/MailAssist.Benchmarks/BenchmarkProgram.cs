using BenchmarkDotNet.Running;

namespace MailAssist.Benchmarks;

/// <summary>Runs the benchmarks named on the command line, e.g. <c>--filter '*Stats*'</c>. See docs/benchmarks.md.</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
