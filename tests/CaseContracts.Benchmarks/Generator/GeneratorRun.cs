using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CaseContracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CaseContracts.Benchmarks.Generator;

/// <summary>
/// The compiler's side of a build, in memory: a project at <see cref="ProjectDirectory"/> whose
/// <c>schema/</c> folder holds the given files, a small C# compilation over the running runtime's
/// assemblies, and a <see cref="GeneratorDriver"/> for <see cref="ContractGenerator"/>.
/// </summary>
public static class GeneratorRun
{
    /// <summary>Where the project appears to be (<c>build_property.ProjectDir</c>).</summary>
    public const string ProjectDirectory = "/project/";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    /// <summary>Schema files (path relative to <c>schema/</c> → text) as the AdditionalFiles of the project.</summary>
    public static ImmutableArray<AdditionalText> SchemaFiles(IEnumerable<KeyValuePair<string, string>> files)
        => files.Select(f => (AdditionalText)new InMemoryAdditionalText(ProjectDirectory + "schema/" + f.Key, f.Value)).ToImmutableArray();

    /// <summary>A driver that has run nothing yet; <paramref name="trackSteps"/> only for assertions (the compiler does not track).</summary>
    public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> schemaFiles, bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            [new ContractGenerator().AsSourceGenerator()],
            schemaFiles,
            ParseOptions,
            new BuildPropertiesProvider(new Dictionary<string, string>
            {
                ["build_property.ProjectDir"] = ProjectDirectory,
                ["build_property.RootNamespace"] = "Benchmark.Contract",
            }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    /// <summary>A library compilation of <paramref name="sources"/>.</summary>
    public static CSharpCompilation Compilation(params string[] sources)
        => CSharpCompilation.Create(
            "Benchmark.Project",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"{ProjectDirectory}Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// Throws unless the run generated at least <paramref name="minimumSources"/> files (among them
    /// <paramref name="expectedHintName"/>) with no error diagnostic: a benchmark of a generator that
    /// failed early would measure the wrong thing.
    /// </summary>
    public static void AssertGenerated(GeneratorDriver ran, int minimumSources, string expectedHintName)
    {
        var result = ran.GetRunResult();
        var sources = result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToList();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || sources.Count < minimumSources || !sources.Contains(expectedHintName))
        {
            throw new InvalidOperationException(
                $"the generator produced {sources.Count} files (expected at least {minimumSources}, including {expectedHintName}) and {errors.Count} errors: "
                + string.Join("; ", errors.Take(5)));
        }
    }
}
