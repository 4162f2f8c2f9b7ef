using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using CaseContracts.Benchmarks;

// build/bench.sh runs this; RatiosExporter adds the ratios the targets are stated in to the usual reports.
BenchmarkSwitcher.FromAssembly(typeof(ParseAndValidate).Assembly).Run(args, DefaultConfig.Instance.AddExporter(new RatiosExporter()));
