using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using CaseContracts.Contract;
using CaseContracts.Generator.Analyzers;
using JsonTextParser = CaseContracts.Generator.Json.JsonTextParser;
using CaseContracts.Generator.Tests.Contract;
using CaseContracts.Generator.Tests.Generation;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace CaseContracts.Generator.Tests.Analysis;

/// <summary>
/// The analyzers' build-time evaluator (<c>ValidationProgram</c>, over the same validator specs the
/// emitter turns into C#) and the generated validators report the same errors — same JSON Pointers,
/// same keywords, in the same order — and call the same text malformed, on the same inputs: every
/// test of the official draft-7 suite that CaseContracts supports, and the example requests with
/// thousands of one-mutation-away variants.
/// </summary>
public sealed class BuildTimeEvaluatorAgreementTests(ITestOutputHelper output)
{
    public static TheoryData<string> SuiteDrafts() => new(OfficialSuite.Drafts.Select(d => d.Folder));

    [Theory]
    [MemberData(nameof(SuiteDrafts))]
    public void Evaluator_and_generated_validators_agree_on_every_supported_suite_test(string folder)
        => AgreeOnSuite(folder, json => json);

    /// <summary>
    /// The same documents, spaced out past <c>SkipIndex</c>'s thresholds (a long document, every structure long): the
    /// generated validators then step over structures they met before by jumping, and must still agree on every error.
    /// </summary>
    [Theory]
    [MemberData(nameof(SuiteDrafts))]
    public void Evaluator_and_generated_validators_agree_on_every_supported_suite_test_spaced_out_into_a_long_document(string folder)
        => AgreeOnSuite(folder, SpacedOut);

    private void AgreeOnSuite(string folder, Func<string, string> layout)
    {
        var draft = OfficialSuite.Drafts.Single(d => d.Folder == folder);
        var schemas = new List<AdditionalText>();
        var groups = new List<(string Name, JsonArray Tests)>();
        foreach (var file in draft.Files())
        {
            var index = 0;
            foreach (var group in draft.Groups(file))
            {
                var name = file.Replace(".json", string.Empty) + "_" + index++;
                if (draft.UnsupportedFeature(group!["schema"]) is null && OfficialSuiteGaps.Reason(folder, file, group["description"]!.ToString()) is null)
                {
                    groups.Add((name, group["tests"]!.AsArray()));
                    schemas.Add(new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "suite/" + name + ".schema.json", group["schema"]!.ToJsonString()));
                }
            }
        }

        schemas.AddRange(draft.Remotes().Select(r => new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + r.RelativePath, r.Json)));
        var options = draft.Options();
        var validators = GeneratorHarness.Run(new ContractGenerator(), schemas, globalOptions: options).EmitAndLoad()
            .GetType(GeneratorHarness.DefaultRootNamespace + ".SchemaValidators", throwOnError: true)!;
        var model = Model(schemas.ToImmutableArray(), GeneratorHarness.DefaultProjectDir, options);
        var compared = 0;
        var disagreements = new List<string>();
        foreach (var (name, tests) in groups)
        {
            var entry = validators.GetMethod("ValidateDocument_suite_" + name.Replace('-', '_'), BindingFlags.Static | BindingFlags.NonPublic)!
                .CreateDelegate<ValidateDocumentUntyped>();
            var root = model.Schemas["suite/" + name].RootMethod;
            foreach (var test in tests)
            {
                var json = test!["data"]?.ToJsonString() ?? "null";
                var generated = Errors(entry, layout(json));
                var evaluated = Evaluate(model, root, json);
                compared++;
                if (generated != evaluated)
                {
                    disagreements.Add($"{name} / {test["description"]}: {json}\n  generated: {generated}\n  evaluated: {evaluated}");
                }
            }
        }

        output.WriteLine($"{folder}: {compared} suite instances compared over {groups.Count} schemas");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {compared} disagree:\n" + string.Join("\n", disagreements.Take(20)));
        Assert.True(compared > 500, $"only {compared} suite instances compared");
    }

    [Fact]
    public void Evaluator_and_generated_validators_agree_on_the_example_requests_and_their_mutations()
    {
        var model = Model(SchemaFiles.Load(Path.Combine(AppContext.BaseDirectory, "schema"), "/repo/schema/"), "/repo/");
        var root = model.Schemas["create-case-request"].RootMethod;
        var bodies = RequestBodies().ToList();
        var disagreements = new List<string>();
        var invalid = 0;
        var malformed = 0;
        foreach (var body in bodies)
        {
            var generated = Errors(SchemaValidators.ValidateDocument_create_case_request, body);
            var evaluated = Evaluate(model, root, body);
            invalid += generated.Length > 0 ? 1 : 0;
            malformed += generated == "malformed" ? 1 : 0;
            if (generated != evaluated)
            {
                disagreements.Add($"{body}\n  generated: {generated}\n  evaluated: {evaluated}");
            }
        }

        output.WriteLine($"{bodies.Count} bodies: {bodies.Count - invalid} valid, {invalid - malformed} invalid, {malformed} malformed");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {bodies.Count} disagree:\n" + string.Join("\n", disagreements.Take(20)));
        Assert.True(bodies.Count > 1_000 && invalid > bodies.Count / 2 && malformed > 50 && invalid < bodies.Count, $"the mutations degenerated: {bodies.Count} bodies, {invalid} invalid, {malformed} malformed");
    }

    [Theory]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[,]")]
    [InlineData("{,}")]
    [InlineData("[1,,]")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData("-")]
    [InlineData("+1")]
    [InlineData("1e")]
    [InlineData(".5")]
    [InlineData("tru")]
    [InlineData("truex")]
    [InlineData("nul")]
    [InlineData("\"\t\"")]
    [InlineData("\"\\x\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"\\/\"")]
    [InlineData("{\"a\":1}x")]
    [InlineData("{\"a\":1} ")]
    [InlineData("\ufeff{}")]
    [InlineData("{'a':1}")]
    [InlineData("[1 2]")]
    [InlineData("/* c */ 1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-0.0e+5")]
    [InlineData("1E400")]
    public void The_parser_calls_malformed_exactly_what_the_generated_readers_reject(string text)
    {
        // As the generated readers read a document: one value, then nothing but whitespace.
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), CaseContracts.Internal.JsonSupport.ReaderOptions);
        bool rejected;
        try
        {
            rejected = !reader.Read();
            if (!rejected)
            {
                reader.Skip();
                rejected = reader.Read();
            }
        }
        catch (JsonException)
        {
            rejected = true;
        }

        Assert.Equal(rejected, JsonTextParser.Parse(text).Root is null);
    }

    [Theory]
    [InlineData(63, false)]
    [InlineData(64, false)]
    [InlineData(65, true)]
    public void Nesting_beyond_64_levels_is_malformed_as_at_run_time(int depth, bool malformed)
    {
        var text = new string('[', depth) + new string(']', depth);

        Assert.Equal(malformed, JsonTextParser.Parse(text).Root is null);
        Assert.Equal(malformed, Errors(SchemaValidators.ValidateDocument_settings, text) == "malformed");
    }

    [Theory]
    [InlineData("""{"title":"\ud800","description":"\udc00"}""", "/title type")]
    [InlineData("""{"tags":["a","b\ud800"]}""", "/tags/1 type")]
    [InlineData("""{"connector":{"fields":{"issueType":"\udc00"},"type":".jira"}}""", "/connector/fields/issueType type")]
    [InlineData("""{"settings":{"x\ud800":1}}""", "/settings type")]
    public void A_string_that_is_not_valid_unicode_is_found_where_TryParse_finds_it(string body, string expected)
    {
        // TryParse, not the validator alone: such a string is valid for the schema, but no value can hold it, and
        // the build-time checks judge JSON meant for TryParse.
        var model = Model(SchemaFiles.Load(Path.Combine(AppContext.BaseDirectory, "schema"), "/repo/schema/"), "/repo/");
        var parsed = CreateCaseRequest.TryParse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(expected, string.Join(", ", parsed.Errors.Select(e => e.Path + " " + e.Keyword)));
        Assert.Equal(expected, Evaluate(model, model.Schemas["create-case-request"].RootMethod, body));
    }

    /// <summary>
    /// The build-time <c>format</c> checks (<c>Formats</c>) restate the generated <c>JsonSupport.IsFormat</c>, which is
    /// source text: they must decide every string alike, the edge cases included.
    /// </summary>
    [Theory]
    [InlineData("date-time", "2020-05-13T09:16:17.416Z")]
    [InlineData("date-time", "2020-05-13t09:16:17z")]
    [InlineData("date-time", "2020-05-13T09:16:17+02:00")]
    [InlineData("date-time", "2020-05-13T09:16:17.123456789-11:30")]
    [InlineData("date-time", "2020-05-13 09:16:17Z")]
    [InlineData("date-time", "2020-05-13T09:16Z")]
    [InlineData("date-time", "2020-13-45T09:16:17Z")]
    [InlineData("date-time", "2020-02-30T00:00:00Z")]
    [InlineData("date-time", "2020-02-29T00:00:00Z")]
    [InlineData("date-time", "1990-12-31T23:59:60Z")]
    [InlineData("date-time", "2020-05-13T24:00:00Z")]
    [InlineData("date-time", "2020-05-13T09:16:17")]
    [InlineData("date-time", "٢٠٢٠-05-13T09:16:17Z")]
    [InlineData("uuid", "66b9aa00-94fa-11ea-9f74-e7e108796192")]
    [InlineData("uuid", "66B9AA00-94FA-11EA-9F74-E7E108796192")]
    [InlineData("uuid", "66b9aa0094fa11ea9f74e7e108796192")]
    [InlineData("uuid", "{66b9aa00-94fa-11ea-9f74-e7e108796192}")]
    [InlineData("uuid", "66b9aa00-94fa-11ea-9f74-e7e10879619g")]
    [InlineData("email", "ahunley@imf.usa.gov")]
    [InlineData("email", "no-at-sign")]
    [InlineData("email", "two@@signs")]
    [InlineData("email", "a@b")]
    [InlineData("email", "@example.com")]
    [InlineData("email", "joe@")]
    [InlineData("email", "jo e@example.com")]
    [InlineData("email", "jöe@exämple.com")]
    public void Format_assertions_decide_as_the_generated_validators_do(string format, string text)
    {
        var schema = new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "stamp.schema.json",
            $$"""{ "title": "Stamp", "type": "object", "properties": { "value": { "type": "string", "format": "{{format}}" } } }""");
        var assertFormats = new Dictionary<string, string> { ["build_property.CaseContractsAssertFormats"] = "true" };
        var validate = GeneratorHarness.Run(new ContractGenerator(), [schema], globalOptions: assertFormats).EmitAndLoad()
            .GetType(GeneratorHarness.DefaultRootNamespace + ".SchemaValidators", throwOnError: true)!
            .GetMethod("ValidateDocument_stamp", BindingFlags.Static | BindingFlags.NonPublic)!
            .CreateDelegate<ValidateDocumentUntyped>();
        var model = Model([schema], GeneratorHarness.DefaultProjectDir, assertFormats);
        var json = new JsonObject { ["value"] = text }.ToJsonString();

        Assert.Equal(Errors(validate, json), Evaluate(model, model.Schemas["stamp"].RootMethod, json));
    }

    /// <summary>The example requests, and every variant one mutation away from each.</summary>
    private static IEnumerable<string> RequestBodies()
    {
        var random = new Random(20_261_127);
        foreach (var name in new[] { "api-page-example.json", "jira.json", "servicenow.json", "resilient.json", "none.json" })
        {
            var text = RequestFiles.Read(name);
            yield return text;
            var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })!;
            foreach (var variant in Mutations(root))
            {
                yield return variant.ToJsonString();
            }

            // Text-level damage: cut short, or a stray character, at random places.
            for (var i = 0; i < 40; i++)
            {
                var at = random.Next(text.Length);
                yield return text.Substring(0, at);
                yield return text.Insert(at, "\"{[,:}]x".Substring(random.Next(8), 1));
            }
        }
    }

    private static readonly JsonNode?[] s_replacements = [null, 1, 1.5, -3, "", "text", ".jira", ".none", true, new JsonArray(), new JsonObject(), new JsonArray(1, "a"), new JsonObject { ["issueType"] = "Task" }];

    /// <summary>Each member removed, renamed, or its value replaced; an unknown member added to each object; each array element replaced.</summary>
    private static IEnumerable<JsonNode> Mutations(JsonNode root)
    {
        foreach (var (path, node) in Walk(root, []))
        {
            if (node is JsonObject obj)
            {
                yield return Edit(root, path, o => ((JsonObject)o!).Add("unknownKey", 1));
                foreach (var member in obj.Select(m => m.Key).ToList())
                {
                    yield return Edit(root, path, o => ((JsonObject)o!).Remove(member));
                    yield return Edit(root, path, o =>
                    {
                        var target = (JsonObject)o!;
                        var value = target[member];
                        target.Remove(member);
                        target.Add(member.ToUpperInvariant(), value?.DeepClone());
                    });
                    foreach (var replacement in s_replacements)
                    {
                        yield return Edit(root, path, o => ((JsonObject)o!)[member] = replacement?.DeepClone());
                    }
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    foreach (var replacement in s_replacements.Take(6))
                    {
                        yield return Edit(root, path, a => ((JsonArray)a!)[index] = replacement?.DeepClone());
                    }
                }
            }
        }
    }

    private static IEnumerable<(object[] Path, JsonNode Node)> Walk(JsonNode node, object[] path)
    {
        yield return (path, node);
        var children = node switch
        {
            JsonObject obj => obj.Where(m => m.Value is not null).Select(m => ((object)m.Key, m.Value!)).ToList(),
            JsonArray array => array.Select((item, i) => ((object)i, item)).Where(x => x.item is not null).Select(x => (x.Item1, x.item!)).ToList(),
            _ => [],
        };
        foreach (var (step, child) in children)
        {
            foreach (var descendant in Walk(child, [.. path, step]))
            {
                yield return descendant;
            }
        }
    }

    private static JsonNode Edit(JsonNode root, object[] path, Action<JsonNode?> edit)
    {
        var copy = root.DeepClone();
        var target = copy;
        foreach (var step in path)
        {
            target = step is string key ? target![key]! : target![(int)step]!;
        }

        edit(target);
        return copy;
    }

    /// <summary>
    /// <paramref name="json"/> with 300 spaces after every '{', '[' and ',' outside strings and 5,000 before it: the
    /// same value, in a document and structures long enough for the validators' skip index.
    /// </summary>
    private static string SpacedOut(string json)
    {
        var spaced = new StringBuilder(new string(' ', 5_000));
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            spaced.Append(c);
            if (inString)
            {
                if (c == '\\')
                {
                    spaced.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[' or ',')
            {
                spaced.Append(' ', 300);
            }
        }

        return spaced.ToString();
    }

    private static ContractModel Model(ImmutableArray<AdditionalText> schemas, string projectDirectory, IReadOnlyDictionary<string, string>? options = null)
    {
        var all = new Dictionary<string, string>(options ?? new Dictionary<string, string>()) { ["build_property.ProjectDir"] = projectDirectory };
        return ContractModel.Create(schemas, new TestAnalyzerConfigOptionsProvider(all), CancellationToken.None)!;
    }

    private delegate IReadOnlyList<ValidationError>? ValidateDocument(ReadOnlySpan<byte> utf8Json, out string? malformed);

    private delegate object? ValidateDocumentUntyped(ReadOnlySpan<byte> utf8Json, out string? malformed);

    /// <summary>The generated validator's verdict as text: "malformed", or each error's pointer and keyword.</summary>
    private static string Errors(ValidateDocument validate, string json)
    {
        var errors = validate(Encoding.UTF8.GetBytes(json), out var malformed);
        return malformed is not null ? "malformed" : string.Join(", ", (errors ?? []).Select(e => e.Path + " " + e.Keyword));
    }

    private static string Errors(ValidateDocumentUntyped validate, string json)
    {
        var errors = (System.Collections.IEnumerable?)validate(Encoding.UTF8.GetBytes(json), out var malformed);
        return malformed is not null ? "malformed"
            : string.Join(", ", (errors?.Cast<object>() ?? []).Select(e => e.GetType().GetProperty("Path")!.GetValue(e) + " " + e.GetType().GetProperty("Keyword")!.GetValue(e)));
    }

    /// <summary>The evaluator's verdict in the same form.</summary>
    private static string Evaluate(ContractModel model, string rootMethod, string json)
    {
        var parsed = JsonTextParser.Parse(json);
        return parsed.Root is null ? "malformed" : string.Join(", ", model.Program.Evaluate(parsed.Root, rootMethod).Select(v => v.Pointer + " " + v.Keyword));
    }
}
