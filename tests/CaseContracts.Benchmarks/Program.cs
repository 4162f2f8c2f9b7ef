using BenchmarkDotNet.Running;
using CaseContracts.Benchmarks;

if (!ProfileLoop.TryRun(args))
{
    BenchmarkSwitcher.FromAssembly(typeof(ParseAndValidate).Assembly).Run(args);
}
