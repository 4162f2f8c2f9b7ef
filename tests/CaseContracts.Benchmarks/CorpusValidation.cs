using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CaseContracts.Benchmarks.Competitors;
using CaseContracts.Benchmarks.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CaseContracts.Benchmarks;

/// <summary>
/// P1 on real-world schemas: validate every document SchemaStore ships for one of three large corpus schemas
/// (<c>test/</c> and <c>negative_test/</c>, embedded), one operation for all of them, with our generated validator,
/// JsonSchema.Net 8.0.5 and NJsonSchema 11.6.2. Verdicts only (no binding): each contender reads the UTF-8 bytes and
/// says valid or not, with every error when not (ours always collects them; JsonSchema.Net is asked for its list only
/// once its verdict is "invalid"; NJsonSchema always lists them).
/// </summary>
/// <remarks>
/// Ours is generated and compiled in the setup (the generator as an assembly, Roslyn with optimisations on, in memory):
/// the same code a project that puts the schema in its <c>schema/</c> folder compiles, reached through a delegate. The
/// setup refuses to measure unless ours and JsonSchema.Net give the same verdict on every document; where NJsonSchema
/// differs, it prints the documents (it ignores <c>const</c>, given to it as the one-value <c>enum</c> as in P1, and
/// asserts <c>format</c>, an annotation for the other two).
/// </remarks>
[MemoryDiagnoser]
public class CorpusValidation
{
    private const string SchemaPrefix = "schemastore/";
    private const string DocumentPrefix = "schemastore-documents/";

    private static readonly Json.Schema.EvaluationOptions VerdictOnly = new() { OutputFormat = Json.Schema.OutputFormat.Flag };
    private static readonly Json.Schema.EvaluationOptions EveryError = new() { OutputFormat = Json.Schema.OutputFormat.List };

    private byte[][] _documents = [];
    private ValidateDocument _ours = null!;
    private Assembly? _oursAssembly;
    private Json.Schema.JsonSchema _jsonSchemaNet = null!;
    private global::NJsonSchema.JsonSchema _njsonSchema = null!;

    private delegate object? ValidateDocument(ReadOnlySpan<byte> utf8Json, out string? malformed);

    /// <summary>The corpus schema (file stem): three of the largest draft-7 schemas with SchemaStore documents and no reference to another file.</summary>
    [Params("popxf-1.0", "abc-supply-plan-12.0.0", "ninjs-2.0")]
    public string Schema { get; set; } = "popxf-1.0";

    [GlobalSetup]
    public void Setup()
    {
        var assembly = typeof(CorpusValidation).Assembly;
        var schemaText = Resource(assembly, SchemaPrefix + Schema + ".json");
        var documents = assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(DocumentPrefix, StringComparison.Ordinal) && n.Split('/')[2] == Schema)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (documents.Count == 0)
        {
            throw new InvalidOperationException($"no documents embedded for {Schema}");
        }

        _documents = documents.Select(n => Encoding.UTF8.GetBytes(Resource(assembly, n))).ToArray();
        (_ours, _oursAssembly) = CompileOurs(Schema, schemaText);
        _jsonSchemaNet = global::Json.Schema.JsonSchema.FromText(schemaText, new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry(), Dialect = Json.Schema.Dialect.Draft07 }, new Uri("https://json.schemastore.org/" + Schema + ".json"));
        _njsonSchema = global::NJsonSchema.JsonSchema.FromJsonAsync(NJsonSchemaValidator.ConstAsEnum(schemaText)).GetAwaiter().GetResult();
        CheckVerdicts(documents);
    }

    [Benchmark(Baseline = true, Description = "CaseContracts generated validator")]
    public int CaseContracts()
    {
        var invalid = 0;
        foreach (var document in _documents)
        {
            if (_ours(document, out var malformed) is not null || malformed is not null)
            {
                invalid++;
            }
        }

        return invalid;
    }

    // The floor of any validator that reads the text: one pass of System.Text.Json's reader over every token, nothing checked.
    [Benchmark(Description = "Utf8JsonReader, one pass, no validation")]
    public long ReadOnce()
    {
        var tokens = 0L;
        foreach (var document in _documents)
        {
            var reader = new Utf8JsonReader(document);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [Benchmark(Description = "JsonSchema.Net 8.0.5 Evaluate")]
    public int JsonSchemaNet()
    {
        var invalid = 0;
        foreach (var document in _documents)
        {
            using var parsed = JsonDocument.Parse(document);
            if (!_jsonSchemaNet.Evaluate(parsed.RootElement, VerdictOnly).IsValid)
            {
                _ = _jsonSchemaNet.Evaluate(parsed.RootElement, EveryError);
                invalid++;
            }
        }

        return invalid;
    }

    [Benchmark(Description = "NJsonSchema 11.6.2 Validate")]
    public int NJsonSchema()
    {
        var invalid = 0;
        foreach (var document in _documents)
        {
            // NJsonSchema validates text (it parses with Newtonsoft.Json), so the bytes are decoded first.
            if (_njsonSchema.Validate(Encoding.UTF8.GetString(document)).Count > 0)
            {
                invalid++;
            }
        }

        return invalid;
    }

    /// <summary>The tokens our validator has read so far, when <see cref="TokenCounting"/> is on (else null).</summary>
    public long? TokensRead => TokenCounting.Tokens(_oursAssembly);

    private void CheckVerdicts(List<string> names)
    {
        var problems = new List<string>();
        var njsonSchemaDiffers = 0;
        for (var i = 0; i < _documents.Length; i++)
        {
            var ours = _ours(_documents[i], out var malformed) is null && malformed is null;
            using var parsed = JsonDocument.Parse(_documents[i]);
            var theirs = _jsonSchemaNet.Evaluate(parsed.RootElement, VerdictOnly).IsValid;
            var njsonSchema = _njsonSchema.Validate(Encoding.UTF8.GetString(_documents[i])).Count == 0;
            if (ours != theirs)
            {
                problems.Add($"{names[i]}: CaseContracts {(ours ? "valid" : "invalid")}, JsonSchema.Net {(theirs ? "valid" : "invalid")}");
            }

            if (njsonSchema != ours)
            {
                njsonSchemaDiffers++;
                Console.WriteLine($"// {names[i]}: NJsonSchema {(njsonSchema ? "valid" : "invalid")}, the other two {(ours ? "valid" : "invalid")}");
            }
        }

        var valid = _documents.Count(d => _ours(d, out var m) is null && m is null);
        Console.WriteLine($"// {Schema}: {_documents.Length} documents ({_documents.Sum(d => d.Length):N0} bytes), {valid} valid by CaseContracts and JsonSchema.Net; NJsonSchema differs on {njsonSchemaDiffers}");
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("CaseContracts and JsonSchema.Net disagree:\n" + string.Join("\n", problems));
        }
    }

    /// <summary>Runs the generator on the one schema file and compiles what it generates (optimised), returning the document validator.</summary>
    private static (ValidateDocument Validate, Assembly Assembly) CompileOurs(string schema, string text)
    {
        var driver = GeneratorRun.CreateDriver(GeneratorRun.SchemaFiles([new(schema + ".json", text)]))
            .RunGeneratorsAndUpdateCompilation(GeneratorRun.Compilation("namespace Consumer { internal static class Program { } }"), out var compilation, out var diagnostics);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        compilation = compilation.WithOptions(((CSharpCompilationOptions)compilation.Options).WithOptimizationLevel(OptimizationLevel.Release));
        if (TokenCounting.Enabled)
        {
            compilation = TokenCounting.Instrument(compilation);
        }

        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (errors.Count > 0 || !emit.Success)
        {
            throw new InvalidOperationException($"{schema} did not generate and compile: " + string.Join("; ", errors.Concat(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)).Take(5)));
        }

        if (Environment.GetEnvironmentVariable("CASECONTRACTS_DUMP_GENERATED") is { Length: > 0 } dump)
        {
            // For reading what the generator emitted for this schema (profiling, reviews): one file per generated tree.
            Directory.CreateDirectory(dump);
            foreach (var tree in compilation.SyntaxTrees)
            {
                File.WriteAllText(Path.Combine(dump, Path.GetFileName(tree.FilePath) is { Length: > 0 } file ? file : "Consumer.cs"), tree.ToString());
            }
        }

        var loaded = Assembly.Load(stream.ToArray());
        var method = loaded.GetTypes().Where(t => t.Name == "SchemaValidators")
            .Select(t => t.GetMethod("ValidateDocument_" + Sanitize(schema) + "_json", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .FirstOrDefault(m => m is not null)
            ?? throw new InvalidOperationException($"no document validator for {schema}");
        return (method.CreateDelegate<ValidateDocument>(), loaded);
    }

    private static string Sanitize(string text)
        => new string(text.Select(c => c < 128 && char.IsLetterOrDigit(c) ? c : '_').ToArray()).Trim('_');

    private static string Resource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? assembly.GetManifestResourceStream(name.Replace('/', '\\'))
            ?? throw new InvalidOperationException($"{name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
