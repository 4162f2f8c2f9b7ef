using System.Linq;
using BenchmarkDotNet.Attributes;
using CaseContracts.Benchmarks.Generator;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Benchmarks;

/// <summary>
/// P3: how generation grows with the number of schemas: <see cref="Connectors"/> synthetic connector
/// files plus one discriminated union over all of them (<see cref="SyntheticConnectors"/>). Linear
/// growth means 500 connectors cost about 10× what 50 do. Besides the full run, the re-run after one
/// connector's description is edited: what an IDE pays per keystroke in a schema file.
/// </summary>
[MemoryDiagnoser]
public class GeneratorScaling
{
    private GeneratorDriver _fresh = null!;
    private GeneratorDriver _afterOneSchemaEdit = null!;
    private Compilation _compilation = null!;

    [Params(50, 500)]
    public int Connectors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var files = GeneratorRun.SchemaFiles(SyntheticConnectors.Create(Connectors));
        _compilation = GeneratorRun.Compilation("namespace Consumer { internal static class Program { } }");
        _fresh = GeneratorRun.CreateDriver(files);

        // Per connector: its record, its fields record, its enum and its validators; plus the union and its validators.
        var expectedFiles = (4 * Connectors) + 2;
        var afterFirstRun = _fresh.RunGenerators(_compilation);
        GeneratorRun.AssertGenerated(afterFirstRun, expectedFiles, "Benchmark.Contract.Connector.g.cs");

        var connector = files.First(f => f.Path.Contains("/connectors/", System.StringComparison.Ordinal));
        var edited = new InMemoryAdditionalText(connector.Path, connector.GetText()!.ToString().Replace("\"The connector name.\"", "\"The name of the connector.\"", System.StringComparison.Ordinal));
        _afterOneSchemaEdit = afterFirstRun.ReplaceAdditionalText(connector, edited);
        GeneratorRun.AssertGenerated(_afterOneSchemaEdit.RunGenerators(_compilation), expectedFiles, "Benchmark.Contract.Connector.g.cs");
    }

    [Benchmark(Description = "full run: N connectors + union")]
    public GeneratorDriver FullRun() => _fresh.RunGenerators(_compilation);

    [Benchmark(Description = "incremental: one connector schema edited")]
    public GeneratorDriver OneSchemaEdited() => _afterOneSchemaEdit.RunGenerators(_compilation);
}
