using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using CaseContracts.Generator.Schema;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CaseContracts.Generator.Tests.Corpus;

/// <summary>
/// The vendored SchemaStore corpus (tests/data/schemastore): 102 real-world schemas, each with the documents
/// SchemaStore's own CI accepts (<c>test/</c>) and rejects (<c>negative_test/</c>). Each schema is generated as
/// its own project would be (its file, plus the files it <c>$ref</c>s by name, in a namespace of its own), and
/// every generated file goes into one compilation: one compile for the whole corpus, not 102.
/// </summary>
internal static partial class SchemaStoreCorpus
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "SchemaStore");

    /// <summary>The corpus generated and compiled once per test run.</summary>
    public static CorpusBuild Compiled => s_build.Value;

    /// <summary>The schemas that have documents of their own (the others are there because these refer to them).</summary>
    public static IReadOnlyList<string> TestedSchemas { get; } = Directory.GetDirectories(Path.Combine(Root, "test"))
        .Concat(Directory.GetDirectories(Path.Combine(Root, "negative_test")))
        .Select(Path.GetFileName).Distinct().Order(StringComparer.Ordinal).ToList()!;

    /// <summary>Every schema file's stem (<c>package.manifest</c> for <c>schemas/package.manifest.json</c>).</summary>
    public static IReadOnlyList<string> AllSchemas { get; } = Directory.GetFiles(Path.Combine(Root, "schemas"), "*.json")
        .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

    // After AllSchemas: static initializers run in order.
    private static readonly Lazy<CorpusBuild> s_build = new(() => Build(AllSchemas, "CaseContracts.Corpus"));

    /// <summary>The C# namespace a schema's project uses (each schema is a project of its own).</summary>
    public static string NamespaceOf(string schema) => "Corpus." + Naming.ToPascalCase(schema) + "Schema";

    /// <summary>A document of the corpus: the schema it belongs to, its file name, and whether SchemaStore accepts it.</summary>
    public sealed record Document(string Schema, string Name, bool Valid, string Path)
    {
        public string Id => (Valid ? "test/" : "negative_test/") + Schema + "/" + Name;
    }

    public static IEnumerable<Document> Documents()
        => new[] { ("test", true), ("negative_test", false) }.SelectMany(folder =>
            Directory.GetDirectories(System.IO.Path.Combine(Root, folder.Item1)).Order(StringComparer.Ordinal).SelectMany(dir =>
                Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal)
                    .Select(f => new Document(System.IO.Path.GetFileName(dir), System.IO.Path.GetFileName(f), folder.Item2, f))));

    /// <summary>The schema file and every corpus file it refers to by name, directly or through another.</summary>
    public static IReadOnlyList<string> FilesOf(string schema)
    {
        var files = new List<string> { schema };
        for (var i = 0; i < files.Count; i++)
        {
            var text = File.ReadAllText(SchemaPath(files[i]));
            foreach (Match reference in ExternalReference().Matches(text))
            {
                var stem = reference.Groups[1].Value.Split('/').Last();
                stem = stem.EndsWith(".json", StringComparison.Ordinal) ? stem[..^5] : stem;
                if (AllSchemas.Contains(stem) && !files.Contains(stem))
                {
                    files.Add(stem);
                }
            }
        }

        return files;
    }

    public static string SchemaPath(string schema) => Path.Combine(Root, "schemas", schema + ".json");

    [GeneratedRegex("\"\\$ref\"\\s*:\\s*\"([^\"#]+)")]
    private static partial Regex ExternalReference();

    /// <summary>
    /// Generates <paramref name="schemas"/> (each as its own project, with the files it refers to) and compiles them
    /// into one assembly; the differential test compiles a sample this way, the corpus test every schema.
    /// </summary>
    internal static CorpusBuild Build(IReadOnlyList<string> schemas, string assemblyName)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var generated = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        var diagnostics = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            var texts = FilesOf(schema).Select(f => (AdditionalText)new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + f + ".json", File.ReadAllText(SchemaPath(f))));
            var options = new Dictionary<string, string> { ["build_property.CaseContractsNamespace"] = NamespaceOf(schema) };
            var result = GeneratorHarness.Run(new ContractGenerator(), texts, globalOptions: options);
            if (result.GeneratorException is { } exception)
            {
                exceptions[schema] = exception.ToString();
            }

            // A diagnostic in a file this one refers to is that file's own: counted once, with it.
            diagnostics[schema] = result.GeneratorDiagnostics
                .Where(d => d.Location.GetLineSpan().Path == SchemaFiles.VirtualSchemaDirectory + schema + ".json" || d.Location == Location.None)
                .ToList();
            foreach (var tree in result.OutputCompilation.SyntaxTrees.Skip(result.InputCompilation.SyntaxTrees.Count()))
            {
                // The runtime support every project gets (CaseContracts.Internal) is the same text in each: keep one.
                var hint = Path.GetFileName(tree.FilePath);
                if (!hint.StartsWith("Corpus.", StringComparison.Ordinal))
                {
                    generated.TryAdd(hint, tree);
                    continue;
                }

                generated[schema + "/" + hint] = tree;
            }
        }

        var generation = clock.Elapsed;
        if (Environment.GetEnvironmentVariable("CASECONTRACTS_CORPUS_SOURCES") is { Length: > 0 } folder)
        {
            foreach (var (name, tree) in generated)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, name))!);
                File.WriteAllText(Path.Combine(folder, name), tree.ToString());
            }
        }

        // 40 MB of generated C#: the nullable walker would be about half of the compile, and the generated code's
        // nullable annotations are pinned by the snapshot and compile tests of the repository's own schemas.
        var parseOptions = GeneratorHarness.ParseOptions.WithFeatures([new("run-nullable-analysis", "never")]);
        var compilation = GeneratorHarness.CreateCompilation(assemblyName: assemblyName)
            .AddSyntaxTrees(generated.Values.Select(tree => tree.WithRootAndOptions(tree.GetRoot(), parseOptions)));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        var compiler = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        Assembly? assembly = null;
        if (emit.Success)
        {
            stream.Position = 0;
            // Not collectible, as GeneratorHarnessResult.EmitAndLoad says why.
            assembly = new System.Runtime.Loader.AssemblyLoadContext(assemblyName, isCollectible: false).LoadFromStream(stream);
        }

        return new CorpusBuild(diagnostics, exceptions, compiler, assembly, generation, clock.Elapsed - generation);
    }
}

/// <summary>What generating and compiling the corpus gave.</summary>
/// <param name="GeneratorDiagnostics">Per schema, the generator's diagnostics located in that schema's file.</param>
/// <param name="GeneratorExceptions">Per schema, an exception the generator let out (never expected).</param>
/// <param name="CompilerDiagnostics">The compiler's warnings and errors over the whole corpus's generated code.</param>
/// <param name="Assembly">The compiled corpus, null when it did not compile.</param>
internal sealed record CorpusBuild(
    IReadOnlyDictionary<string, List<Diagnostic>> GeneratorDiagnostics,
    IReadOnlyDictionary<string, string> GeneratorExceptions,
    ImmutableArray<Diagnostic> CompilerDiagnostics,
    Assembly? Assembly,
    TimeSpan GenerationTime,
    TimeSpan CompileTime);
