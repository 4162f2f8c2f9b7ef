using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CaseContracts.Benchmarks.ParseAndValidate).Assembly).Run(args);
