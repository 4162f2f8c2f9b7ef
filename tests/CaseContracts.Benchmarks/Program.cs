using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using CaseContracts.Benchmarks;

// build/bench.sh runs this; RatiosExporter adds the ratios the targets are stated in to the usual reports.
// `--loop <Method> <input> N` runs one benchmark body in a plain loop instead (for callgrind; see ProfileLoop).
if (!ProfileLoop.TryRun(args))
{
    BenchmarkSwitcher.FromAssembly(typeof(ParseAndValidate).Assembly).Run(args, DefaultConfig.Instance.AddExporter(new RatiosExporter()));
}
