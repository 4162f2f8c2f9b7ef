using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CaseContracts.Generator;
using CaseContracts.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Analyzers.Tests.Infrastructure;

/// <summary>
/// A folder of schema files a test project compiles against, as AdditionalFiles under <c>/0/schema/</c>,
/// and the contract the generator makes of it, compiled once per test run (most tests reference it
/// instead of generating and compiling it again).
/// </summary>
internal sealed class SchemaSet
{
    private readonly Lazy<MetadataReference> _compiled;

    private SchemaSet(IReadOnlyList<(string Path, string Text)> files)
    {
        Files = files;
        _compiled = new Lazy<MetadataReference>(Compile);
    }

    /// <summary>The repository's Create-case contract (<c>schema/</c>).</summary>
    public static SchemaSet Contract { get; } = Load("schema");

    /// <summary>One of each kind of limit (<c>TestSchemas/limits</c>): the <c>Ticket</c> type.</summary>
    public static SchemaSet Limits { get; } = Load(Path.Combine("TestSchemas", "limits"));

    /// <summary>Each file's project path (<c>/0/schema/connectors/jira.schema.json</c>) and text.</summary>
    public IReadOnlyList<(string Path, string Text)> Files { get; }

    /// <summary>The generated contract (namespace <c>Contract</c>) as a compiled assembly.</summary>
    public MetadataReference CompiledContract => _compiled.Value;

    private static SchemaSet Load(string folder)
    {
        var root = Path.Combine(AppContext.BaseDirectory, folder);
        return new SchemaSet(Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (ContractTest.SchemaFolder + Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList());
    }

    private MetadataReference Compile()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var texts = Files.Select(f => (AdditionalText)new TestAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ContractGenerator().AsSourceGenerator() },
            texts,
            parseOptions,
            new OptionsProvider(ContractTest.GlobalOptions));
        var compilation = CSharpCompilation.Create(
            "Contract",
            Array.Empty<SyntaxTree>(),
            LocalReferences.Net,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        // Each project has its own internal copy of the attribute; tests see this one through the reference.
        var attribute = generated.SyntaxTrees.Single(t => t.FilePath.EndsWith(SchemaAttributeEmitter.HintName, StringComparison.Ordinal));
        var visible = attribute.WithChangedText(SourceText.From(attribute.ToString().Replace("internal sealed class", "public sealed class", StringComparison.Ordinal)));
        generated = generated.ReplaceSyntaxTree(attribute, visible);
        using var image = new MemoryStream();
        var emitted = generated.Emit(image);
        if (!emitted.Success || generatorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The test contract does not compile:\n" + string.Join("\n", generatorDiagnostics.Concat(emitted.Diagnostics)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private sealed class TestAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static Options Empty { get; } = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
