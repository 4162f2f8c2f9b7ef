using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseContracts.Generator.Tests.Corpus;
using CaseContracts.Generator.Tests.Generation;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;
using JsonSchemaNet = Json.Schema;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>
/// The differential test beyond the Create-case contract: our generated validators against JsonSchema.Net 8.0.5 on
/// random documents for other people's schemas. Two sources: every 2020-12 group of the official suite the verdict
/// test runs (its test instances, documents generated from the schema, and one-rule mutations of both), and a sample
/// of the SchemaStore corpus (SchemaStore's documents, generated ones, and mutations). Every document gets both
/// verdicts; they must agree but for the disagreements <see cref="SchemaDifferentialExceptions"/> lists with their
/// reasons, and every listed exception must still occur.
/// </summary>
/// <remarks>
/// <para>Deterministic: each schema's documents come from a <see cref="Random"/> seeded from a fixed seed and the
/// schema's name (set <c>CASECONTRACTS_DIFFERENTIAL_SEED</c> to explore; the exception list holds for the default
/// seed only).</para>
/// <para>Format: both sides treat <c>format</c> as an annotation (our default without <c>CaseContractsAssertFormats</c>,
/// JsonSchema.Net's without <c>RequireFormatValidation</c>), so a malformed date is valid on both sides; neither
/// asserts formats here. Drafts: JsonSchema.Net 8 knows drafts 6, 7, 2019-09 and 2020-12, not draft 4, so the corpus
/// sample has no draft-4 schema (draft-4 semantics are proven by the official suite alone).</para>
/// </remarks>
public sealed class SchemaDifferentialTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_261_204;
    private const string SeedVariable = "CASECONTRACTS_DIFFERENTIAL_SEED";

    private static readonly JsonSchemaNet.EvaluationOptions Flag = new() { OutputFormat = JsonSchemaNet.OutputFormat.Flag };

    /// <summary>
    /// The corpus sample: schemas of drafts 6 to 2020-12 with no reference to another file (each is its own
    /// JsonSchema.Net document) and no listed generator exception, small to large, most with SchemaStore documents;
    /// every 2019-09 and 2020-12 schema of the corpus that qualifies is in it.
    /// </summary>
    internal static readonly string[] CorpusSample =
    [
        "license-report-config", "evidence-bundle", "yamllint", // 2020-12
        "openweather.roadrisk", "jsone", "openweather.current", "specif-1.1", // 2019-09
        "claude-code-keybindings", "popxf-1.0", "dependabot", "codex-hooks", "pdm", "luaurc", "algovoi-compliance-receipt-v1",
        "github-prompt", "attw", "okf-0.1", "youtrack-app", "chart", "revola", "ninjs-2.0", "abc-supply-plan-12.0.0",
    ];

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var chosen) ? chosen : DefaultSeed;

    [Fact]
    public void Our_verdict_equals_JsonSchema_Net_on_random_documents_for_every_2020_12_suite_group()
    {
        var draft = OfficialSuite.Drafts.Single(d => d.Folder == "draft2020-12");
        var groups = new List<(string Name, string Key, JsonNode Schema, JsonArray Tests)>();
        var schemas = new List<AdditionalText>();
        var skipped = 0;
        foreach (var file in draft.Files())
        {
            var index = 0;
            foreach (var group in draft.Groups(file))
            {
                var name = file.Replace(".json", string.Empty, StringComparison.Ordinal) + "_" + index++;
                var description = group!["description"]!.ToString();
                if (draft.UnsupportedFeature(group["schema"]) is not null || OfficialSuiteGaps.Reason(draft.Folder, file, description) is not null)
                {
                    skipped++; // the verdict test prints these with their reasons
                    continue;
                }

                groups.Add((name, $"suite: {file}: {description}", group["schema"]!, group["tests"]!.AsArray()));
                schemas.Add(new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "suite/" + name + ".schema.json", group["schema"]!.ToJsonString()));
            }
        }

        var remotes = draft.Remotes().ToList();
        schemas.AddRange(remotes.Select(r => new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + r.RelativePath, r.Json)));
        var result = GeneratorHarness.Run(new ContractGenerator(), schemas, globalOptions: draft.Options());
        Assert.Null(result.GeneratorException);
        var validators = result.EmitAndLoad().GetType(GeneratorHarness.DefaultRootNamespace + ".SchemaValidators", throwOnError: true)!;

        var tally = new Tally("2020-12 suite");
        foreach (var (name, key, schema, tests) in groups)
        {
            var ours = Ours(validators.GetMethod("ValidateDocument_suite_" + name.Replace('-', '_'), BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                ?? throw new InvalidOperationException("no validator for " + name));
            Func<JsonElement, bool> oracle;
            try
            {
                oracle = SuiteOracle(schema, new Uri(SuiteDraft.RemoteBaseUri + "suite/" + name + ".schema.json"), remotes);
            }
            catch (Exception e)
            {
                // JsonSchema.Net cannot build the schema (a pattern .NET's regular expressions reject): every document is without a verdict.
                oracle = _ => throw new InvalidOperationException($"JsonSchema.Net could not build the schema: {e.GetType().Name}: {e.Message}");
            }

            var seeds = tests.Select(t => t!["data"]?.DeepClone()).ToList();
            Compare(tally, key, schema, seeds, generated: 4, mutationsPerSeed: 1, ours, oracle);
        }

        Report(tally, $"{groups.Count} groups ({skipped} skipped as in the suite's verdict test), {remotes.Count} remote documents");
    }

    [Fact]
    public void Our_verdict_equals_JsonSchema_Net_on_random_documents_for_a_sample_of_corpus_schemas()
    {
        var build = SchemaStoreCorpus.Build(CorpusSample, "CaseContracts.CorpusSample");
        Assert.Empty(build.GeneratorExceptions);
        Assert.True(build.Assembly is not null, "the corpus sample does not compile: " + string.Join("\n", build.CompilerDiagnostics.Take(20)));
        output.WriteLine($"corpus sample: {CorpusSample.Length} schemas generated in {build.GenerationTime.TotalSeconds:0.0} s, compiled in {build.CompileTime.TotalSeconds:0.0} s");

        var documents = SchemaStoreCorpus.Documents().ToLookup(d => d.Schema);
        var tally = new Tally("SchemaStore corpus sample");
        var withoutEntryPoint = CorpusSample.Where(s => EntryPoint(build.Assembly!, s) is null).ToList();
        Assert.True(withoutEntryPoint.Count == 0, "no public TryParse entry point for " + string.Join(", ", withoutEntryPoint));
        foreach (var schemaName in CorpusSample)
        {
            var text = File.ReadAllText(SchemaStoreCorpus.SchemaPath(schemaName));
            var schema = JsonNode.Parse(text)!;
            var validator = build.Assembly!.GetType(SchemaStoreCorpus.NamespaceOf(schemaName) + ".SchemaValidators", throwOnError: true)!
                .GetMethod("ValidateDocument_" + Sanitize(schemaName) + "_json", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                ?? throw new InvalidOperationException("no document validator for " + schemaName);
            var options = new JsonSchemaNet.BuildOptions { SchemaRegistry = new JsonSchemaNet.SchemaRegistry(), Dialect = DialectOf(schema) };
            var oracle = JsonSchemaNet.JsonSchema.FromText(text, options, new Uri("https://json.schemastore.org/" + schemaName + ".json"));
            var seeds = documents[schemaName].Select(d => JsonNode.Parse(File.ReadAllBytes(d.Path))).ToList();
            Compare(tally, "corpus: " + schemaName, schema, seeds, generated: 12, mutationsPerSeed: 3, Ours(validator, EntryPoint(build.Assembly!, schemaName)), document => oracle.Evaluate(document, Flag).IsValid);
        }

        Report(tally, $"{CorpusSample.Length} schemas, {CorpusSample.Sum(s => documents[s].Count())} SchemaStore documents as seeds; each document also through the schema's TryParse, which must give the validator's verdict");
    }

    [Fact]
    public void Every_listed_exception_names_a_suite_group_or_a_sampled_corpus_schema()
    {
        var draft = OfficialSuite.Drafts.Single(d => d.Folder == "draft2020-12");
        var keys = draft.Files().SelectMany(f => draft.Groups(f).Select(g => $"suite: {f}: {g!["description"]}"))
            .Concat(CorpusSample.Select(s => "corpus: " + s))
            .ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(SchemaDifferentialExceptions.Schemas.Keys, k => !keys.Contains(k));
    }

    /// <summary>
    /// Runs both validators on the seeds, on <paramref name="generated"/> documents generated from the schema, and on
    /// <paramref name="mutationsPerSeed"/> one-rule mutations of each of those.
    /// </summary>
    private static void Compare(Tally tally, string key, JsonNode schema, List<JsonNode?> seeds, int generated, int mutationsPerSeed, Func<byte[], (bool Valid, string[] Errors)> ours, Func<JsonElement, bool> oracle)
    {
        var random = new Random(unchecked(Seed + StableHash(key)));
        var generator = new SchemaInstanceGenerator(schema, random);
        var originals = seeds.Select(s => (Document: s, Origin: "seed")).ToList();
        for (var i = 0; i < generated; i++)
        {
            originals.Add((generator.Instance(), "generated"));
        }

        var all = new List<(JsonNode? Document, string Origin)>(originals);
        foreach (var (document, origin) in originals)
        {
            for (var i = 0; i < mutationsPerSeed; i++)
            {
                var (mutated, mutation) = generator.Mutate(document);
                all.Add((mutated, $"{origin}, mutated: {mutation}"));
            }
        }

        tally.Schemas++;
        foreach (var (document, origin) in all)
        {
            var bytes = Encoding.UTF8.GetBytes(document?.ToJsonString() ?? "null");
            bool? theirs;
            using (var parsed = JsonDocument.Parse(bytes))
            {
                try
                {
                    theirs = oracle(parsed.RootElement);
                }
                catch (Exception e)
                {
                    // No verdict to compare with (JsonSchema.Net's own failure): listed like a disagreement, with its reason.
                    theirs = null;
                    tally.Note(key, DisagreementKind.NoOracleVerdict, origin, bytes, $"JsonSchema.Net threw {e.GetType().Name}: {e.Message}", []);
                }
            }

            (bool Valid, string[] Errors) mine;
            try
            {
                mine = ours(bytes);
            }
            catch (TryParseDiffersException e)
            {
                tally.Note(key, DisagreementKind.TryParseDiffers, origin, bytes, e.Message, []);
                tally.Count(theirs, ours: false);
                continue;
            }
            catch (Exception e)
            {
                var inner = e is TargetInvocationException { InnerException: { } thrown } ? thrown : e;
                tally.Note(key, DisagreementKind.OursThrew, origin, bytes, $"ours threw {inner.GetType().Name}: {inner.Message}", []);
                tally.Count(theirs, ours: false);
                continue;
            }

            tally.Count(theirs, mine.Valid);
            if (theirs is { } verdict && verdict != mine.Valid)
            {
                tally.Note(key, DisagreementKind.Verdict, origin, bytes, $"ours {(mine.Valid ? "valid" : "invalid")}, JsonSchema.Net {(verdict ? "valid" : "invalid")}", mine.Errors);
            }
        }
    }

    private void Report(Tally tally, string what)
    {
        output.WriteLine($"seed {Seed} (override with {SeedVariable}); {tally.Source}: {what}");
        output.WriteLine(tally.ToString());
        var listed = SchemaDifferentialExceptions.Schemas.Where(e => e.Key.StartsWith(tally.Source.StartsWith("2020-12", StringComparison.Ordinal) ? "suite: " : "corpus: ", StringComparison.Ordinal)).ToList();
        var unlisted = tally.Disagreements.Where(d => !d.Listed).ToList();
        foreach (var schema in tally.Disagreements.GroupBy(d => (d.Key, d.Kind)))
        {
            var reason = SchemaDifferentialExceptions.Excuses(schema.Key.Key, schema.Key.Kind) ? "listed: " + SchemaDifferentialExceptions.Schemas[schema.Key.Key].Reason : "NOT LISTED";
            output.WriteLine($"{schema.Key.Key}: {schema.Count()} disagreements of kind {schema.Key.Kind} ({reason})");
            foreach (var disagreement in schema.Take(3))
            {
                output.WriteLine("  " + disagreement);
            }
        }

        var stale = listed.Where(e => !tally.Disagreements.Any(d => d.Key == e.Key && d.Kind == e.Value.Kind)).Select(e => e.Key).ToList();
        Assert.True(unlisted.Count == 0, $"{unlisted.Count} of {tally.Documents} documents disagree with JsonSchema.Net outside the listed exceptions:\n" + string.Join("\n", unlisted.Take(40)));
        Assert.True(Seed != DefaultSeed || stale.Count == 0, "listed in SchemaDifferentialExceptions but agreeing now (take them off the list):\n" + string.Join("\n", stale));

        // The documents must not degenerate: both verdicts occur, often.
        Assert.True(tally.OracleValid >= tally.Documents / 10 && tally.OracleInvalid >= tally.Documents / 10, tally.ToString());
    }

    /// <summary>JsonSchema.Net on one suite group, its remote documents built on demand from the vendored files.</summary>
    private static Func<JsonElement, bool> SuiteOracle(JsonNode schema, Uri baseUri, List<(string RelativePath, string Json)> remotes)
    {
        var registry = new JsonSchemaNet.SchemaRegistry();
        var options = new JsonSchemaNet.BuildOptions { SchemaRegistry = registry, Dialect = JsonSchemaNet.Dialect.Draft202012 };
        foreach (var (relative, json) in remotes)
        {
            // Registered under the URI it is retrieved by as well as its own $id (refRemote's "different $id" groups).
            var retrieval = new Uri(SuiteDraft.RemoteBaseUri + relative);
            registry.Register(retrieval, JsonSchemaNet.JsonSchema.FromText(json, options, retrieval));
        }

        var built = JsonSchemaNet.JsonSchema.FromText(schema.ToJsonString(), options, baseUri);
        return document => built.Evaluate(document, Flag).IsValid;
    }

    /// <summary>
    /// The dialect JsonSchema.Net is to read a corpus schema as: the one its <c>$schema</c> names, else draft 7 (our
    /// default). BuildOptions.Dialect is not only a default: a schema that names 2020-12 read as draft 7 has its
    /// <c>$ref</c>'s siblings ignored.
    /// </summary>
    private static JsonSchemaNet.Dialect DialectOf(JsonNode schema) => (schema["$schema"] as JsonValue)?.ToString() switch
    {
        { } uri when uri.Contains("2020-12", StringComparison.Ordinal) => JsonSchemaNet.Dialect.Draft202012,
        { } uri when uri.Contains("2019-09", StringComparison.Ordinal) => JsonSchemaNet.Dialect.Draft201909,
        { } uri when uri.Contains("draft-06", StringComparison.Ordinal) => JsonSchemaNet.Dialect.Draft06,
        _ => JsonSchemaNet.Dialect.Draft07,
    };

    /// <summary>
    /// Our verdict: the document validator's; with an <paramref name="entryPoint"/>, its <c>TryParse</c> (validate and
    /// bind) must give the same verdict, else the document counts as a disagreement of its own kind.
    /// </summary>
    private static Func<byte[], (bool Valid, string[] Errors)> Ours(MethodInfo entry, Type? entryPoint = null)
    {
        var validate = entry.CreateDelegate<ValidateDocument>();
        var tryParse = entryPoint?.GetMethod("TryParse", [typeof(System.Buffers.ReadOnlySequence<byte>).MakeByRefType()]);
        return bytes =>
        {
            var errors = validate(bytes, out var malformed);
            var valid = errors is null && malformed is null;
            var described = malformed is not null ? ["malformed: " + malformed]
                : errors is null ? Array.Empty<string>() : ((System.Collections.IEnumerable)errors).Cast<object>().Take(5).Select(Describe).ToArray();
            if (tryParse is not null)
            {
                var result = tryParse.Invoke(null, [new System.Buffers.ReadOnlySequence<byte>(bytes)])!;
                var parsed = (bool)result.GetType().GetProperty("IsValid")!.GetValue(result)!;
                if (parsed != valid)
                {
                    var parseErrors = ((System.Collections.IEnumerable)result.GetType().GetProperty("Errors")!.GetValue(result)!).Cast<object>().Take(5).Select(Describe);
                    throw new TryParseDiffersException($"{entryPoint!.Name}.TryParse says {(parsed ? "valid" : "invalid")}, the validator {(valid ? "valid" : "invalid")}; TryParse: {string.Join(" | ", parseErrors)}; validator: {string.Join(" | ", described)}");
                }
            }

            return (valid, described);
        };
    }

    /// <summary>The schema's public entry point with <c>TryParse</c>, as the corpus test finds it (the type named after the root), or null.</summary>
    private static Type? EntryPoint(Assembly assembly, string schema)
    {
        var path = SchemaFiles.VirtualSchemaDirectory + schema + ".json";
        var document = CaseContracts.Generator.Schema.SchemaReader.Read(path, Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(SchemaStoreCorpus.SchemaPath(schema))), default);
        var root = document.Schemas.First(n => n.Key == CaseContracts.Generator.Schema.SchemaPaths.Key(path, CaseContracts.Generator.Schema.SchemaPaths.RootPointer));
        var name = root.Kind == CaseContracts.Generator.Model.NamedSchemaKind.Enum ? root.TypeName + CaseContracts.Generator.Pipeline.DocumentRoots.EnumRootSuffix : root.TypeName;
        var type = assembly.GetType(SchemaStoreCorpus.NamespaceOf(schema) + "." + name);
        return type is { IsPublic: true } && type.GetMethod("TryParse", [typeof(System.Buffers.ReadOnlySequence<byte>).MakeByRefType()]) is not null ? type : null;
    }

    /// <summary>TryParse and the document validator of one schema disagree: our own inconsistency, never excused by a listed exception.</summary>
    private sealed class TryParseDiffersException(string message) : Exception(message);

    private static string Describe(object error)
    {
        string? Get(string property) => error.GetType().GetProperty(property)?.GetValue(error)?.ToString();
        return $"{Get("Path")} {Get("Keyword")}: {Get("Message")}";
    }

    private delegate object? ValidateDocument(ReadOnlySpan<byte> utf8Json, out string? malformed);

    private static string Sanitize(string text)
        => new string(text.Select(c => c < 128 && char.IsLetterOrDigit(c) ? c : '_').ToArray()).Trim('_');

    /// <summary>FNV-1a: a hash that is the same in every process (string.GetHashCode is not).</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }

    private sealed class Tally(string source)
    {
        public string Source { get; } = source;

        public int Schemas { get; set; }

        public int Documents { get; private set; }

        public int OracleValid { get; private set; }

        public int OracleInvalid { get; private set; }

        public int OursValid { get; private set; }

        public int Agreed { get; private set; }

        public List<Disagreement> Disagreements { get; } = [];

        public void Count(bool? oracle, bool ours)
        {
            Documents++;
            OracleValid += oracle == true ? 1 : 0;
            OracleInvalid += oracle == false ? 1 : 0;
            OursValid += ours ? 1 : 0;
            Agreed += oracle == ours ? 1 : 0;
        }

        public void Note(string key, DisagreementKind kind, string origin, byte[] document, string problem, string[] ourErrors)
            => Disagreements.Add(new Disagreement(key, kind, origin, Encoding.UTF8.GetString(document), problem, ourErrors));

        public override string ToString()
        {
            var listed = Disagreements.Count(d => d.Listed);
            return $"{Source}: {Schemas} schemas, {Documents} documents ({OracleValid} valid, {OracleInvalid} invalid by JsonSchema.Net, {Documents - OracleValid - OracleInvalid} without its verdict; ours {OursValid} valid); agreed {Agreed}; disagreements {Disagreements.Count} ({listed} under listed exceptions, {Disagreements.Count - listed} not listed)";
        }
    }

    private sealed record Disagreement(string Key, DisagreementKind Kind, string Origin, string Document, string Problem, string[] OurErrors)
    {
        public bool Listed => SchemaDifferentialExceptions.Excuses(Key, Kind);

        public override string ToString()
            => $"{Key} [{Origin}]: {Problem}; document {(Document.Length > 400 ? Document[..400] + "…" : Document)}{(OurErrors.Length > 0 ? "; ours: " + string.Join(" | ", OurErrors) : string.Empty)}";
    }
}
