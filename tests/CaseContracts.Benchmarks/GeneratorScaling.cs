using BenchmarkDotNet.Attributes;
using CaseContracts.Benchmarks.Generator;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Benchmarks;

/// <summary>
/// P3: how a full generation grows with the number of schemas: <see cref="Connectors"/> synthetic
/// connector files plus one discriminated union over all of them (<see cref="SyntheticConnectors"/>).
/// Linear growth means 500 connectors cost about 10× what 50 do.
/// </summary>
[MemoryDiagnoser]
public class GeneratorScaling
{
    private GeneratorDriver _fresh = null!;
    private Compilation _compilation = null!;

    [Params(50, 500)]
    public int Connectors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var files = SyntheticConnectors.Create(Connectors);
        _compilation = GeneratorRun.Compilation("namespace Consumer { internal static class Program { } }");
        _fresh = GeneratorRun.CreateDriver(GeneratorRun.SchemaFiles(files));

        // Per connector: its record, its fields record and its enum; plus the union.
        GeneratorRun.AssertGenerated(_fresh.RunGenerators(_compilation), (3 * Connectors) + 1, "Benchmark.Contract.Connector.g.cs");
    }

    [Benchmark(Description = "full run: N connectors + union")]
    public GeneratorDriver FullRun() => _fresh.RunGenerators(_compilation);
}
