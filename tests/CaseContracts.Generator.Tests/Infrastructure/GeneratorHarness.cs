using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Runs an incremental generator the way the compiler does, entirely in memory: a C# compilation
/// over the runtime's assemblies, in-memory additional files and MSBuild-style options, with step
/// tracking on so incrementality can be asserted (see <see cref="IncrementalSteps"/>).
/// </summary>
public static class GeneratorHarness
{
    /// <summary>The project directory the generator is told about (<c>build_property.ProjectDir</c>).</summary>
    public const string DefaultProjectDir = "/project/";

    /// <summary>The root namespace a real build would pass (<c>build_property.RootNamespace</c>).</summary>
    public const string DefaultRootNamespace = "TestProject";

    /// <summary>Assembly name of the compilation under test.</summary>
    public const string DefaultAssemblyName = "CaseContracts.HarnessOutput";

    /// <summary>Parse options for test sources and for the driver: latest C# language version.</summary>
    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.Parse);

    /// <summary>
    /// Compilation options: a library with nullable reference types enabled and every warning wave on,
    /// so "compiles without warnings" means what a current SDK build would report.
    /// </summary>
    public static CSharpCompilationOptions CompilationOptions { get; } =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithWarningLevel(9999)
            .WithDeterministic(true);

    /// <summary>
    /// The global options a build of a project at <see cref="DefaultProjectDir"/> passes to generators.
    /// </summary>
    public static ImmutableDictionary<string, string> DefaultGlobalOptions { get; } =
        ImmutableDictionary<string, string>.Empty
            .Add("build_property.ProjectDir", DefaultProjectDir)
            .Add("build_property.RootNamespace", DefaultRootNamespace);

    /// <summary>
    /// Builds a compilation of <paramref name="sources"/> referencing every trusted platform assembly
    /// plus <paramref name="additionalReferences"/>.
    /// </summary>
    public static CSharpCompilation CreateCompilation(
        IEnumerable<string>? sources = null,
        IEnumerable<MetadataReference>? additionalReferences = null,
        string assemblyName = DefaultAssemblyName)
    {
        IEnumerable<SyntaxTree> trees = (sources ?? Array.Empty<string>())
            .Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"/project/Source{index}.cs"));

        return CSharpCompilation.Create(
            assemblyName,
            trees,
            TrustedPlatformReferences.All.AddRange(additionalReferences ?? Array.Empty<MetadataReference>()),
            CompilationOptions);
    }

    /// <summary>
    /// Runs <paramref name="generator"/> once over a fresh compilation.
    /// </summary>
    /// <param name="generator">The generator under test, for example <c>new ContractGenerator()</c>.</param>
    /// <param name="additionalTexts">The AdditionalFiles the generator sees (see <see cref="SchemaFiles"/>).</param>
    /// <param name="sources">C# sources of the consuming project.</param>
    /// <param name="globalOptions">
    /// Global options merged over <see cref="DefaultGlobalOptions"/>, for example
    /// <c>build_property.CaseContractsNamespace</c>.
    /// </param>
    /// <param name="additionalTextOptions">Per additional file path, its <c>build_metadata.*</c> options.</param>
    /// <param name="additionalReferences">References beyond the trusted platform assemblies.</param>
    public static GeneratorHarnessResult Run(
        IIncrementalGenerator generator,
        IEnumerable<AdditionalText>? additionalTexts = null,
        IEnumerable<string>? sources = null,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? additionalTextOptions = null,
        IEnumerable<MetadataReference>? additionalReferences = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ImmutableArray<AdditionalText> texts = (additionalTexts ?? Array.Empty<AdditionalText>()).ToImmutableArray();

        ImmutableDictionary<string, string> options = DefaultGlobalOptions;
        foreach (KeyValuePair<string, string> option in globalOptions ?? ImmutableDictionary<string, string>.Empty)
        {
            options = options.SetItem(option.Key, option.Value);
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            texts,
            ParseOptions,
            new TestAnalyzerConfigOptionsProvider(options, additionalTextOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        return RunDriver(driver, CreateCompilation(sources, additionalReferences), texts);
    }

    /// <summary>
    /// Runs an existing driver (keeping its cached state) over <paramref name="inputCompilation"/>.
    /// </summary>
    /// <param name="driver">A driver from an earlier <see cref="GeneratorHarnessResult.Driver"/>, possibly changed.</param>
    /// <param name="inputCompilation">The compilation before generation.</param>
    /// <param name="additionalTexts">The additional files the driver now holds (reported on the result).</param>
    public static GeneratorHarnessResult RunDriver(
        GeneratorDriver driver,
        Compilation inputCompilation,
        ImmutableArray<AdditionalText> additionalTexts)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(inputCompilation);

        GeneratorDriver ranDriver = driver.RunGeneratorsAndUpdateCompilation(
            inputCompilation,
            out Compilation outputCompilation,
            out ImmutableArray<Diagnostic> generatorDiagnostics);

        return new GeneratorHarnessResult(ranDriver, inputCompilation, outputCompilation, generatorDiagnostics, additionalTexts);
    }
}
