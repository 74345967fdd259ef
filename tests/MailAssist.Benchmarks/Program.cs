using BenchmarkDotNet.Running;
using MailAssist.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(RedactionBenchmarks).Assembly).Run(args);
