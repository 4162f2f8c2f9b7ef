using System;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CaseContracts.Benchmarks.Generator;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Benchmarks;

/// <summary>
/// P3: what the generator costs a build and an IDE. The driver is created once (generator loaded and
/// warm); each operation is one run: a full generation of <c>schema/</c>, or the re-run after an
/// unrelated C# edit, which must regenerate nothing (checked before anything is measured).
/// </summary>
[MemoryDiagnoser]
public class GeneratorCost
{
    private const string Program = "namespace Consumer { internal static class Program { } }";
    private const string UnrelatedBefore = "namespace Consumer { internal static class Unrelated { } }";
    private const string UnrelatedAfter = "namespace Consumer { internal static class Unrelated { internal static int Edited => 1; } }";

    private GeneratorDriver _fresh = null!;
    private GeneratorDriver _afterFirstRun = null!;
    private Compilation _compilation = null!;
    private Compilation _editedCompilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var schemaFiles = GeneratorRun.SchemaFiles(RepositorySchemas.Files);
        _compilation = GeneratorRun.Compilation(Program, UnrelatedBefore);
        var unrelated = _compilation.SyntaxTrees.Last();
        _editedCompilation = _compilation.ReplaceSyntaxTree(unrelated, unrelated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(UnrelatedAfter)));

        _fresh = GeneratorRun.CreateDriver(schemaFiles);
        _afterFirstRun = _fresh.RunGenerators(_compilation);
        GeneratorRun.AssertGenerated(_afterFirstRun, RepositorySchemas.Files.Count, "Benchmark.Contract.CreateCaseRequest.g.cs");
        AssertUnrelatedEditRegeneratesNothing(schemaFiles, _compilation, _editedCompilation);
    }

    [Benchmark(Baseline = true, Description = "full run: schema/ (9 files)")]
    public GeneratorDriver FullRun() => _fresh.RunGenerators(_compilation);

    [Benchmark(Description = "incremental: unrelated C# edit")]
    public GeneratorDriver UnrelatedEdit() => _afterFirstRun.RunGenerators(_editedCompilation);

    /// <summary>
    /// The same two runs with step tracking on: every step the generator declares, and every output,
    /// must be Cached or Unchanged after the edit (the driver's own input steps change by design).
    /// </summary>
    internal static void AssertUnrelatedEditRegeneratesNothing(ImmutableArray<AdditionalText> schemaFiles, Compilation compilation, Compilation editedCompilation)
    {
        var tracked = GeneratorRun.CreateDriver(schemaFiles, trackSteps: true).RunGenerators(compilation).RunGenerators(editedCompilation);
        var result = tracked.GetRunResult().Results.Single();
        var driverInputs = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            WellKnownGeneratorInputs.Compilation, "CompilationOptions", WellKnownGeneratorInputs.ParseOptions, WellKnownGeneratorInputs.AdditionalTexts,
            WellKnownGeneratorInputs.AnalyzerConfigOptions, WellKnownGeneratorInputs.MetadataReferences);
        var outputs = result.TrackedSteps.Concat(result.TrackedOutputSteps)
            .Where(step => !driverInputs.Contains(step.Key))
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs).Select(output => (Step: step.Key, output.Reason)))
            .ToList();
        var recomputed = outputs.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
        if (outputs.Count == 0 || result.TrackedOutputSteps.IsEmpty || recomputed.Count > 0)
        {
            throw new InvalidOperationException(
                $"an unrelated edit must regenerate nothing; {recomputed.Count} of {outputs.Count} step outputs were recomputed: "
                + string.Join(", ", recomputed.Select(o => $"{o.Step}={o.Reason}")));
        }

        Console.WriteLine($"// unrelated edit: all {outputs.Count} step outputs of {result.TrackedSteps.Count - driverInputs.Count(result.TrackedSteps.ContainsKey)} tracked steps and {result.TrackedOutputSteps.Count} output kinds Cached/Unchanged");
    }
}
