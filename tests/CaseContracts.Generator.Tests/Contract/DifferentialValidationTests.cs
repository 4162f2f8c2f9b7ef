using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseContracts.Contract;
using Xunit;
using Xunit.Abstractions;
using JsonSchemaNet = Json.Schema;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>
/// Differential test of <c>CreateCaseRequest.TryParse</c> against an independent implementation of the
/// specification, JsonSchema.Net (draft 7), on 12,000 request bodies per run: valid ones built from random
/// choices, ones a single mutation away from valid, and random JSON values. Both sides read the same
/// bytes (strict JSON written by <see cref="Utf8JsonWriter"/>). For every body our verdict must equal
/// JsonSchema.Net's, TryParse must not throw, and every body JsonSchema.Net accepts must bind to a value
/// that writes back to equivalent, still valid JSON and reads back to an equal value.
/// </summary>
/// <remarks>
/// The seed is fixed, so a run is reproducible; set <c>CASECONTRACTS_DIFFERENTIAL_SEED</c> to explore
/// other seeds. Each disagreement is shown with its body and, where possible, a shrunk body that still
/// disagrees the same way.
/// About one body in 40 carries a value JSON Schema accepts but the C# model cannot hold (a number
/// beyond <see cref="double"/> such as 1e400, a string with a lone surrogate written as <c>\uD800</c>):
/// there our side may reject where JsonSchema.Net accepts, but must neither throw nor accept a value it
/// cannot write back.
/// </remarks>
public sealed class DifferentialValidationTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_240_611;
    private const int BodiesPerFamily = 4_000;
    private const int ShownDisagreements = 20;
    private const string SeedVariable = "CASECONTRACTS_DIFFERENTIAL_SEED";

    /// <summary>About one body in 40 carries a value JSON Schema accepts but the C# model cannot hold.</summary>
    private const int OutsideModelOneIn = 40;

    [Fact]
    public void Our_verdict_equals_JsonSchema_Net_on_12000_generated_request_bodies()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var chosen) ? chosen : DefaultSeed;
        var clock = Stopwatch.StartNew();
        var oracle = Oracle.Instance.Value;
        oracle.AssertSane();

        var families = new (string Name, Func<Random, Generated> Generate)[]
        {
            ("valid", random => new Generated(Bodies.ValidRequest(random), "valid")),
            ("one mutation away", Bodies.OneMutationAway),
            ("random JSON", Bodies.RandomJson),
        };

        var disagreements = new List<Disagreement>();
        var notValidByConstruction = new List<string>();
        var stats = new List<FamilyStats>();
        for (var f = 0; f < families.Length; f++)
        {
            var (name, generate) = families[f];
            var random = new Random(unchecked(seed + (f * 1_000_003)));
            var family = new FamilyStats(name);
            stats.Add(family);
            for (var i = 0; i < BodiesPerFamily; i++)
            {
                var generated = generate(random);
                var outsideModel = random.Next(OutsideModelOneIn) == 0 && Bodies.PutValueOutsideModel(generated.Body, random);
                var bytes = BodyWriter.Write(generated.Body, random);
                var outcome = Compare(bytes, oracle, outsideModel);
                family.Count(outcome, generated.Mutation, outsideModel);
                if (f == 0 && outcome.OracleValid == false && notValidByConstruction.Count < 5)
                {
                    notValidByConstruction.Add(Encoding.UTF8.GetString(bytes));
                }

                if (outcome.Problem is { } problem)
                {
                    disagreements.Add(new Disagreement(name, i, generated.Mutation, problem, bytes, outcome.OurErrors, outsideModel));
                }
            }
        }

        output.WriteLine($"seed {seed} (override with {SeedVariable}); {clock.Elapsed.TotalSeconds:F1} s for {stats.Sum(s => s.Total)} bodies");
        foreach (var family in stats)
        {
            output.WriteLine(family.ToString());
        }

        output.WriteLine("mutations (oracle valid/invalid): " + string.Join(", ", stats[1].Mutations.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value.Valid}/{m.Value.Invalid}")));

        if (disagreements.Count > 0)
        {
            var report = new StringBuilder();
            report.AppendLine($"{disagreements.Count} of {stats.Sum(s => s.Total)} bodies disagree with JsonSchema.Net (seed {seed}); {Math.Min(ShownDisagreements, disagreements.Count)} shown:");
            foreach (var (kind, count) in disagreements.GroupBy(d => ProblemKind(d.Problem)).Select(g => (g.Key, g.Count())))
            {
                report.AppendLine($"  {count} x {kind}");
            }

            // Examples from every kind of problem in turn, so a frequent kind does not hide a rare one.
            var shown = disagreements
                .GroupBy(d => ProblemKind(d.Problem))
                .SelectMany(g => g.Select((d, rank) => (d, rank)))
                .OrderBy(x => x.rank)
                .Select(x => x.d)
                .Take(ShownDisagreements);
            foreach (var disagreement in shown)
            {
                report.AppendLine(disagreement.Describe(oracle));
            }

            Assert.Fail(report.ToString());
        }

        Assert.True(notValidByConstruction.Count == 0, "the valid family produced bodies JsonSchema.Net rejects (a generator bug):\n" + string.Join("\n", notValidByConstruction));

        // The generator must not degenerate: each family covers both outcomes it is meant to produce.
        var valid = stats[0];
        Assert.True(valid.OracleInvalid == 0 && valid.OracleValid >= valid.Total * 9 / 10, $"valid family: {valid}");
        foreach (var family in stats.Skip(1))
        {
            Assert.True(family.OracleValid >= family.Total / 20, $"too few valid bodies (< 5%), seed {seed}: {family}");
            Assert.True(family.OracleInvalid >= family.Total / 2, $"too few invalid bodies (< 50%), seed {seed}: {family}");
        }

        Assert.True(stats[1].Mutations.Count >= 12, "mutation kinds used: " + string.Join(", ", stats[1].Mutations.Keys));
        Assert.True(stats.Sum(s => s.Total) >= 12_000);
    }

    /// <summary>
    /// Runs both validators (and, for valid bodies, the binding checks) on one body. A body with a value
    /// outside the C# model (<paramref name="outsideModel"/>) may be rejected where JsonSchema.Net accepts
    /// it, but TryParse must still not throw, and accepting it means binding, writing and reading it back.
    /// </summary>
    private static Outcome Compare(byte[] bytes, Oracle oracle, bool outsideModel)
    {
        var verdict = oracle.IsValid(bytes);
        ParseResult<CreateCaseRequest> ours;
        try
        {
            ours = CreateCaseRequest.TryParse(bytes);
        }
        catch (Exception e)
        {
            return new Outcome(verdict, false, $"TryParse threw {e.GetType().Name}", [e.Message]);
        }

        var errors = ours.Errors.Select(e => $"{e.Path} {e.Keyword} {e.Value ?? "(absent)"}: {e.Message}").ToArray();
        if (verdict is not { } oracleValid)
        {
            // JsonSchema.Net has no verdict (it throws reading a lone surrogate where it compares strings).
            return !outsideModel ? new Outcome(null, ours.IsValid, "JsonSchema.Net threw", errors)
                : new Outcome(null, ours.IsValid, ours.IsValid ? BindingProblem(bytes, ours.Value, oracle) : null, errors);
        }

        if (outsideModel && oracleValid && !ours.IsValid)
        {
            return new Outcome(oracleValid, false, null, ours.IsMalformed ? [ours.MalformedMessage!] : errors);
        }

        if (ours.IsMalformed)
        {
            return new Outcome(oracleValid, false, "ours: malformed", [ours.MalformedMessage!]);
        }

        if (ours.IsValid != oracleValid)
        {
            return new Outcome(oracleValid, ours.IsValid, $"verdict: ours {(ours.IsValid ? "valid" : "invalid")}, JsonSchema.Net {(oracleValid ? "valid" : "invalid")}", errors);
        }

        if (ours.IsValid == (ours.Errors.Count > 0))
        {
            return new Outcome(oracleValid, ours.IsValid, "errors do not match the verdict", errors);
        }

        if (!ours.IsValid)
        {
            return new Outcome(oracleValid, false, null, errors);
        }

        return new Outcome(oracleValid, true, BindingProblem(bytes, ours.Value!, oracle), errors);
    }

    /// <summary>A body both sides accept: its value writes back to equivalent valid JSON and reads back equal.</summary>
    private static string? BindingProblem(byte[] bytes, CreateCaseRequest value, Oracle oracle)
    {
        try
        {
            var written = value.ToJson();
            if (!value.Equals(CreateCaseRequest.Parse(written)))
            {
                return "round trip: Parse(value.ToJson()) differs from the value; written " + written;
            }

            if (oracle.IsValid(Encoding.UTF8.GetBytes(written)) != true)
            {
                return "written JSON rejected by JsonSchema.Net: " + written;
            }

            if (!JsonText.Equivalent(JsonText.Read(bytes), JsonText.Read(Encoding.UTF8.GetBytes(written))))
            {
                return "written JSON not equivalent to the input: " + written;
            }

            if (value.Validate().Count != 0)
            {
                return "Validate() reports errors on the value: " + string.Join("; ", value.Validate().Select(e => e.Path + " " + e.Keyword));
            }
        }
        catch (Exception e)
        {
            return $"binding checks threw {e.GetType().Name}: {e.Message}";
        }

        return null;
    }

    /// <summary>What both sides said; <paramref name="OracleValid"/> is null when JsonSchema.Net gave no verdict.</summary>
    private sealed record Outcome(bool? OracleValid, bool OursValid, string? Problem, string[] OurErrors);

    private sealed record Generated(JsonNode? Body, string Mutation);

    private sealed record Disagreement(string Family, int Index, string Mutation, string Problem, byte[] Bytes, string[] OurErrors, bool OutsideModel)
    {
        public string Describe(Oracle oracle)
        {
            var text = new StringBuilder();
            text.AppendLine($"--- {Family} #{Index} ({Mutation}{(OutsideModel ? ", a value outside the C# model" : string.Empty)}): {JsonText.Truncate(Problem, 600)}");
            text.AppendLine("    body:   " + JsonText.Truncate(Encoding.UTF8.GetString(Bytes), 2_000));
            if (OurErrors.Length > 0)
            {
                text.AppendLine("    ours:   " + string.Join(" | ", OurErrors));
            }

            if (Shrinker.Shrink(Bytes, ProblemKind(Problem), oracle, OutsideModel) is { } shrunk && shrunk.Length < Bytes.Length)
            {
                var again = Compare(shrunk, oracle, OutsideModel);
                text.AppendLine("    shrunk: " + JsonText.Truncate(Encoding.UTF8.GetString(shrunk), 2_000));
                text.AppendLine("    shrunk: " + JsonText.Truncate(again.Problem ?? "(no problem)", 600) + (again.OurErrors.Length > 0 ? " | ours: " + string.Join(" | ", again.OurErrors) : string.Empty));
            }

            return text.ToString();
        }
    }

    /// <summary>The class of a problem, stable under shrinking (no written JSON or messages in it).</summary>
    private static string ProblemKind(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        return problem.StartsWith("verdict", StringComparison.Ordinal) || colon < 0 ? problem : problem[..colon];
    }

    private sealed class FamilyStats(string name)
    {
        public string Name { get; } = name;

        public int Total { get; private set; }

        public int OracleValid { get; private set; }

        public int OracleInvalid { get; private set; }

        public int NoVerdict => Total - OracleValid - OracleInvalid;

        public int OursValid { get; private set; }

        public int OutsideModel { get; private set; }

        public int OutsideModelRejected { get; private set; }

        public SortedDictionary<string, (int Valid, int Invalid)> Mutations { get; } = new(StringComparer.Ordinal);

        public void Count(Outcome outcome, string mutation, bool outsideModel)
        {
            var oracleValid = outcome.OracleValid == true;
            Total++;
            OracleValid += oracleValid ? 1 : 0;
            OracleInvalid += outcome.OracleValid == false ? 1 : 0;
            OursValid += outcome.OursValid ? 1 : 0;
            OutsideModel += outsideModel ? 1 : 0;
            OutsideModelRejected += outsideModel && oracleValid && !outcome.OursValid && outcome.Problem is null ? 1 : 0;
            Mutations.TryGetValue(mutation, out var counts);
            Mutations[mutation] = (counts.Valid + (oracleValid ? 1 : 0), counts.Invalid + (outcome.OracleValid == false ? 1 : 0));
        }

        public override string ToString() => $"{Name}: {Total} bodies, {OracleValid} valid, {OracleInvalid} invalid (JsonSchema.Net); ours: {OursValid} valid, {Total - OursValid} invalid; {OutsideModel} with a value outside the C# model ({OutsideModelRejected} valid but rejected by ours, {NoVerdict} without a JsonSchema.Net verdict)";
    }

    /// <summary>JsonSchema.Net 8 with every repository schema registered under a base URI that keeps the folder layout.</summary>
    private sealed class Oracle
    {
        public static readonly Lazy<Oracle> Instance = new(Load);

        private static readonly Uri BaseUri = new("https://casecontracts.test/schema/");

        private static readonly JsonSchemaNet.EvaluationOptions Evaluation = new() { OutputFormat = JsonSchemaNet.OutputFormat.Flag };

        private readonly JsonSchemaNet.JsonSchema _request;

        private Oracle(JsonSchemaNet.JsonSchema request) => _request = request;

        /// <summary>The verdict, or null when JsonSchema.Net throws (it does on a lone surrogate it has to compare).</summary>
        public bool? IsValid(byte[] utf8Json)
        {
            using var document = JsonDocument.Parse(utf8Json);
            try
            {
                return _request.Evaluate(document.RootElement, Evaluation).IsValid;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>A few verdicts known by heart, so a misconfigured oracle (an unresolved $ref, say) cannot pass silently.</summary>
        public void AssertSane()
        {
            const string Valid = """{"title":"t","description":"d","tags":[],"connector":{"id":"i","name":"n","type":".none","fields":null},"settings":{"syncAlerts":true}}""";
            Expect(true, Valid);
            Expect(false, Valid.Replace("\"fields\":null", "\"fields\":{}", StringComparison.Ordinal));
            Expect(false, Valid.Replace("true", "1", StringComparison.Ordinal));
            Expect(false, Valid.Replace(".none", ".swimlane", StringComparison.Ordinal));
            Expect(true, Valid.Replace("\".none\",\"fields\":null", "\".jira\",\"fields\":{\"issueType\":\"1\"}", StringComparison.Ordinal));
            Expect(false, Valid.Replace("\".none\",\"fields\":null", "\".jira\",\"fields\":{\"issueType\":\"1\",\"urgency\":null}", StringComparison.Ordinal));
            Expect(false, Valid.Replace("\".none\",\"fields\":null", "\".resilient\",\"fields\":{\"issueTypes\":[],\"severityCode\":\"1\"}", StringComparison.Ordinal));

            void Expect(bool valid, string body) => Assert.True(IsValid(Encoding.UTF8.GetBytes(body)) == valid, $"JsonSchema.Net should find this {(valid ? "valid" : "invalid")}: {body}");
        }

        private static Oracle Load()
        {
            var directory = Path.Combine(AppContext.BaseDirectory, "schema");
            var files = Directory.GetFiles(directory, "*.schema.json")
                .Concat(Directory.GetFiles(Path.Combine(directory, "connectors"), "*.schema.json"))
                .ToList();
            Assert.Contains(files, f => f.EndsWith(Path.Combine("connectors", "jira.schema.json"), StringComparison.Ordinal));

            var options = new JsonSchemaNet.BuildOptions
            {
                SchemaRegistry = new JsonSchemaNet.SchemaRegistry(),
                Dialect = JsonSchemaNet.Dialect.Draft07,
            };
            JsonSchemaNet.JsonSchema? request = null;
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
                var schema = JsonSchemaNet.JsonSchema.FromText(File.ReadAllText(file), options, new Uri(BaseUri, relative));
                if (relative == "create-case-request.schema.json")
                {
                    request = schema;
                }
            }

            return new Oracle(request ?? throw new InvalidOperationException("schema/create-case-request.schema.json not found in " + directory));
        }
    }

    /// <summary>The three families of request bodies.</summary>
    private static class Bodies
    {
        private static readonly string[] ConnectorTypes = [".jira", ".servicenow", ".resilient", ".none"];

        private static readonly string[] FieldTypes = [".jira", ".servicenow", ".resilient"];

        private static readonly string[] OtherTypeValues = [".JIRA", "jira", ".jira ", " .none", "", ".swimlane", ".webhook", ".servicenow-sir", ".none\u0000", ".resilient\u00e9", "\u2024none", "null"];

        /// <summary>Real property names (each unknown somewhere), near misses, and oddities.</summary>
        private static readonly string[] KeyPool =
        [
            "title", "description", "tags", "connector", "settings", "id", "name", "type", "fields", "syncAlerts",
            "issueType", "priority", "parent", "urgency", "severity", "impact", "issueTypes", "severityCode",
            "incidentTypes", "status", "owner", "Title", "TYPE", "syncalerts", "title ", " type", "fieldz", "",
            "$ref", "__proto__", "type\u0000", "ty\u0301pe", "\ud83d\ude00", "\u00e9",
        ];

        private static readonly string[] NumberLiterals =
        [
            "0", "-0", "1.0", "1E+2", "1e2", "-1.5e-3", "0.30000000000000004", "5e-324", "1.7976931348623157e308",
            "-1.7976931348623157E+308", "9007199254740993", "123456789012345678901234567890", "1e-400", "0.0000001", "100e-2",
        ];

        private static readonly string[] RequiredNonNullable = ["title", "description", "tags", "connector", "settings", "id", "name", "type", "syncAlerts", "issueType", "issueTypes", "severityCode"];

        public static JsonObject ValidRequest(Random random) => Object(
            random,
            ("title", String(random)),
            ("description", String(random)),
            ("tags", Array(random.Next(21), () => String(random))),
            ("connector", ValidConnector(random, Pick(random, ConnectorTypes))),
            ("settings", Object(random, ("syncAlerts", JsonValue.Create(random.Next(2) == 0)))));

        public static Generated OneMutationAway(Random random)
        {
            var body = ValidRequest(random);
            var connector = body["connector"]!.AsObject();
            var type = connector["type"]!.GetValue<string>();
            switch (random.Next(20))
            {
                // Mutations at the boundary that keep the body valid (the oracle decides all the same).
                case 16:
                {
                    connector["type"] = ".servicenow";
                    var fields = Object(random, ("urgency", String(random)), ("severity", null), ("impact", String(random)));
                    connector["fields"] = fields;
                    fields.Remove(Pick(random, ["urgency", "severity", "impact"]));
                    return new Generated(body, "remove an optional member");
                }

                case 17:
                    if (type == ".none")
                    {
                        connector["type"] = Pick(random, FieldTypes);
                    }

                    connector["fields"] = random.Next(3) == 0 && connector["type"]!.GetValue<string>() == ".servicenow" ? new JsonObject() : null;
                    return new Generated(body, "null or empty fields");

                case 18:
                {
                    var target = Pick(random, Objects(body).ToList());
                    var members = target.Select(p => (p.Key, p.Value)).ToArray();
                    random.Shuffle(members);
                    target.Clear();
                    foreach (var (key, value) in members)
                    {
                        target[key] = value?.DeepClone();
                    }

                    return new Generated(body, "reorder members");
                }

                case 19:
                    body["tags"] = random.Next(2) == 0 ? new JsonArray() : new JsonArray(String(random));
                    if (connector["fields"] is JsonObject withNumbers && withNumbers["issueTypes"] is JsonArray)
                    {
                        withNumbers["issueTypes"] = new JsonArray();
                    }

                    return new Generated(body, "empty or single-element arrays");

                case 0:
                {
                    var target = Pick(random, Objects(body).ToList());
                    if (target.Count > 0)
                    {
                        target.Remove(Pick(random, target.Select(p => p.Key).ToList()));
                    }

                    return new Generated(body, "remove a key");
                }

                case 1:
                {
                    var target = Pick(random, Objects(body).ToList());
                    var key = UnknownKey(random, target);
                    target[key] = RandomValue(random, random.Next(3));
                    return new Generated(body, "add a key");
                }

                case 2:
                {
                    var (parent, slot, current) = Pick(random, Slots(body).ToList());
                    Replace(parent, slot, ValueOfAnotherKind(random, current));
                    return new Generated(body, "change a value's JSON type");
                }

                case 3:
                    connector["type"] = random.Next(3) == 0 ? JsonValue.Create(Pick(random, ConnectorTypes.Where(t => t != type).ToArray())) : JsonValue.Create(Pick(random, OtherTypeValues));
                    return new Generated(body, "change the connector type");

                case 4:
                    connector["type"] = ValueOfAnotherKind(random, connector["type"]);
                    return new Generated(body, "connector type not a string");

                case 5:
                    connector["type"] = ".none";
                    connector["fields"] = random.Next(3) == 0 ? new JsonObject() : ValidFields(random, Pick(random, FieldTypes));
                    return new Generated(body, ".none with a fields object");

                case 6:
                {
                    var own = type == ".none" ? Pick(random, FieldTypes) : type;
                    var other = Pick(random, FieldTypes.Where(t => t != own).ToArray());
                    connector["type"] = own;
                    var fields = ValidFields(random, own);
                    var foreign = ValidFields(random, other);
                    if (random.Next(2) == 0)
                    {
                        connector["fields"] = foreign;
                    }
                    else
                    {
                        while (foreign.Count == 0)
                        {
                            foreign = ValidFields(random, other);
                        }

                        var (key, value) = Pick(random, foreign.Select(p => (p.Key, p.Value)).ToList());
                        fields[key] = value?.DeepClone();
                        connector["fields"] = fields;
                    }

                    return new Generated(body, "fields of another connector type");
                }

                case 7:
                {
                    connector["type"] = ".resilient";
                    var fields = ValidFields(random, ".resilient");
                    connector["fields"] = fields;
                    var numbers = Slots(fields).Where(s => s.Value?.GetValueKind() == JsonValueKind.Number).ToList();
                    var (parent, slot, current) = Pick(random, numbers);
                    Replace(parent, slot, JsonValue.Create(current!.ToJsonString()));
                    return new Generated(body, "number as a string");
                }

                case 8:
                {
                    var strings = Slots(body).Where(s => s.Value?.GetValueKind() == JsonValueKind.String).ToList();
                    var (parent, slot, _) = Pick(random, strings);
                    Replace(parent, slot, Number(random));
                    return new Generated(body, "string as a number");
                }

                case 9:
                {
                    var candidates = Slots(body).Where(s => s.Slot is string name && RequiredNonNullable.Contains(name)).ToList();
                    var (parent, slot, _) = Pick(random, candidates);
                    Replace(parent, slot, null);
                    return new Generated(body, "null for a non-nullable member");
                }

                case 10:
                {
                    var array = random.Next(2) == 0 || type != ".resilient" || connector["fields"] is null
                        ? body["tags"]!.AsArray()
                        : connector["fields"]!["issueTypes"]!.AsArray();
                    var element = ValueOfAnotherKind(random, array == body["tags"] ? JsonValue.Create("s") : JsonValue.Create(1));
                    array.Insert(random.Next(array.Count + 1), element);
                    return new Generated(body, "wrong-kind array element");
                }

                case 11:
                    return new Generated(
                        random.Next(4) switch
                        {
                            0 => new JsonArray(body),
                            1 => body["title"]!.DeepClone(),
                            2 => null,
                            _ => body["connector"]!.DeepClone(),
                        },
                        "root of another shape");

                case 12:
                    connector.Remove("type");
                    if (random.Next(2) == 0 && connector["fields"] is JsonObject typed)
                    {
                        typed["type"] = type;
                    }

                    return new Generated(body, "connector without type");

                case 13:
                    body[Pick(random, ["connector", "settings"])] = new JsonObject();
                    return new Generated(body, "empty object for a member");

                case 14:
                {
                    var target = Pick(random, Objects(body).ToList());
                    if (target.Count > 0)
                    {
                        var key = Pick(random, target.Select(p => p.Key).ToList());
                        var value = target[key];
                        target.Remove(key);
                        target[Pick(random, [key.ToUpperInvariant(), key + " ", "\u200b" + key, key[..^1]])] = value;
                    }

                    return new Generated(body, "misspelt key");
                }

                default:
                {
                    // The nullable members: a value of another kind than string | null (or object | null for fields).
                    if (type == ".none")
                    {
                        connector["type"] = ".servicenow";
                    }

                    var fields = connector["fields"] as JsonObject ?? ValidFields(random, connector["type"]!.GetValue<string>());
                    connector["fields"] = fields;
                    var nullable = connector["type"]!.GetValue<string>() switch
                    {
                        ".jira" => new[] { "priority", "parent" },
                        ".servicenow" => ["urgency", "severity", "impact"],
                        _ => ["issueTypes"],
                    };
                    fields[Pick(random, nullable)] = Pick<JsonNode>(random, [JsonValue.Create(1), JsonValue.Create(false), new JsonArray(), new JsonObject(), new JsonArray(JsonValue.Create("a"))]);
                    return new Generated(body, "wrong kind for a nullable member");
                }
            }
        }

        public static Generated RandomJson(Random random)
        {
            if (random.Next(3) == 0)
            {
                return new Generated(RandomValue(random, random.Next(6), objectBias: true), "random value");
            }

            // A valid body with noise at a per-body rate: every value may be replaced, every object may gain or lose keys.
            var rate = Pick(random, [0.005, 0.01, 0.02, 0.05, 0.1]);
            var body = ValidRequest(random);
            foreach (var (parent, slot, _) in Slots(body).ToList())
            {
                if (random.NextDouble() < rate)
                {
                    Replace(parent, slot, RandomValue(random, random.Next(3)));
                }
            }

            foreach (var target in Objects(body).ToList())
            {
                if (random.NextDouble() < rate && target.Count > 0)
                {
                    target.Remove(Pick(random, target.Select(p => p.Key).ToList()));
                }

                if (random.NextDouble() < rate)
                {
                    target[UnknownKey(random, target)] = RandomValue(random, random.Next(3));
                }
            }

            return new Generated(body, "noisy valid body");
        }

        /// <summary>
        /// Puts into <paramref name="body"/> a value JSON Schema accepts but the C# model cannot hold: a number
        /// beyond <see cref="double"/> (written as its literal) or a string with a lone surrogate (written as a
        /// <c>\uD800</c>-style escape, the only way JSON can carry it). False when the body has no place for one.
        /// </summary>
        public static bool PutValueOutsideModel(JsonNode? body, Random random)
        {
            var slots = Slots(body).ToList();
            var numbers = slots.Where(s => s.Value?.GetValueKind() == JsonValueKind.Number).ToList();
            var strings = slots.Where(s => s.Value?.GetValueKind() == JsonValueKind.String).ToList();
            if (numbers.Count > 0 && (strings.Count == 0 || random.Next(2) == 0))
            {
                var (parent, slot, _) = Pick(random, numbers);
                Replace(parent, slot, JsonNode.Parse(Pick(random, ["1e400", "-1e400", "1.8e308", "-2E+308", "1e99999"])));
                return true;
            }

            if (strings.Count > 0)
            {
                var (parent, slot, value) = Pick(random, strings);
                var text = value!.GetValue<string>();
                var lone = (char)(random.Next(2) == 0 ? random.Next(0xD800, 0xDC00) : random.Next(0xDC00, 0xE000));
                Replace(parent, slot, JsonValue.Create(text.Insert(random.Next(text.Length + 1), lone.ToString())));
                return true;
            }

            return false;
        }

        private static JsonObject ValidConnector(Random random, string type) => Object(
            random,
            ("id", String(random)),
            ("name", String(random)),
            ("type", JsonValue.Create(type)),
            ("fields", type == ".none" || random.Next(4) == 0 ? null : ValidFields(random, type)));

        private static JsonObject ValidFields(Random random, string type) => type switch
        {
            ".jira" => Object(random, [("issueType", String(random)), .. NullableString(random, "priority"), .. NullableString(random, "parent")]),
            ".servicenow" => Object(random, [.. NullableString(random, "urgency"), .. NullableString(random, "severity"), .. NullableString(random, "impact")]),
            ".resilient" => Object(random, ("issueTypes", Array(random.Next(6), () => Number(random))), ("severityCode", Number(random))),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

        /// <summary>An optional <c>string | null</c> member: absent, null or a string, equally often.</summary>
        private static (string, JsonNode?)[] NullableString(Random random, string name) => random.Next(3) switch
        {
            0 => [],
            1 => [(name, null)],
            _ => [(name, String(random))],
        };

        private static JsonObject Object(Random random, params (string Name, JsonNode? Value)[] members)
        {
            var shuffled = members.ToArray();
            random.Shuffle(shuffled);
            var result = new JsonObject();
            foreach (var (name, value) in shuffled)
            {
                result[name] = value;
            }

            return result;
        }

        private static JsonArray Array(int count, Func<JsonNode?> element)
        {
            var array = new JsonArray();
            for (var i = 0; i < count; i++)
            {
                array.Add(element());
            }

            return array;
        }

        /// <summary>Unicode text: ASCII, JSON's escapes, controls, BMP letters, astral-plane characters, discriminator look-alikes.</summary>
        public static JsonValue String(Random random)
        {
            if (random.Next(12) == 0)
            {
                return JsonValue.Create(Pick(random, ["", " ", ".jira", ".none", "null", "true", "0", "title", "\u0000", "\ud83d\ude00", "\\", "\"", "/", "\u2028"]))!;
            }

            var text = new StringBuilder();
            var length = random.Next(17);
            for (var i = 0; i < length; i++)
            {
                var codePoint = random.Next(8) switch
                {
                    0 or 1 => random.Next(0x20, 0x7F),
                    2 => Pick(random, ['"', '\\', '/', '\b', '\f', '\n', '\r', '\t', 0x7F]),
                    3 => random.Next(0x00, 0x20),
                    4 => random.Next(0x80, 0x800),
                    5 => random.Next(2) == 0 ? random.Next(0x800, 0xD800) : random.Next(0xE000, 0x10000),
                    6 => random.Next(2) == 0 ? random.Next(0x1F300, 0x1FAFF) : random.Next(0x10000, 0x110000),
                    _ => Pick(random, [0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFF, 0x0301, 0x200B, 0x1F600, 0x10FFFF, 0xE000]),
                };
                text.Append(char.ConvertFromUtf32(codePoint));
            }

            return JsonValue.Create(text.ToString())!;
        }

        /// <summary>Finite numbers in many spellings; literals keep their exact text (JsonNode.Parse).</summary>
        public static JsonNode Number(Random random) => random.Next(6) switch
        {
            0 => JsonValue.Create(random.Next(-1_000, 1_000)),
            1 => JsonValue.Create(Math.Round((random.NextDouble() * 1e6) - 5e5, random.Next(7))),
            2 => JsonValue.Create((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300))),
            3 => JsonValue.Create(random.NextInt64(long.MinValue, long.MaxValue)),
            _ => JsonNode.Parse(Pick(random, NumberLiterals))!,
        };

        private static JsonNode? RandomValue(Random random, int depth, bool objectBias = false)
        {
            var kind = objectBias && depth > 0 && random.Next(2) == 0 ? 5 : random.Next(depth > 0 ? 6 : 4);
            switch (kind)
            {
                case 0:
                    return null;
                case 1:
                    return JsonValue.Create(random.Next(2) == 0);
                case 2:
                    return Number(random);
                case 3:
                    return String(random);
                case 4:
                    return Array(random.Next(6), () => RandomValue(random, depth - 1));
                default:
                {
                    var result = new JsonObject();
                    var count = random.Next(7);
                    for (var i = 0; i < count; i++)
                    {
                        result[UnknownKey(random, result)] = RandomValue(random, depth - 1, objectBias);
                    }

                    return result;
                }
            }
        }

        private static string UnknownKey(Random random, JsonObject target)
        {
            while (true)
            {
                var key = random.Next(4) == 0 ? String(random).GetValue<string>() : Pick(random, KeyPool);
                if (!target.ContainsKey(key))
                {
                    return key;
                }
            }
        }

        private static JsonNode? ValueOfAnotherKind(Random random, JsonNode? current)
        {
            var kind = current is null ? JsonValueKind.Null : current.GetValueKind();
            while (true)
            {
                var candidate = RandomValue(random, random.Next(3));
                var candidateKind = candidate is null ? JsonValueKind.Null : candidate.GetValueKind();
                var same = candidateKind == kind || (candidateKind is JsonValueKind.True or JsonValueKind.False && kind is JsonValueKind.True or JsonValueKind.False);
                if (!same)
                {
                    return candidate;
                }
            }
        }

        /// <summary>Every object in the tree, the root included.</summary>
        private static IEnumerable<JsonObject> Objects(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    yield return obj;
                    foreach (var (_, value) in obj.ToList())
                    {
                        foreach (var inner in Objects(value))
                        {
                            yield return inner;
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var element in array.ToList())
                    {
                        foreach (var inner in Objects(element))
                        {
                            yield return inner;
                        }
                    }

                    break;
            }
        }

        /// <summary>Every value below the root, as (container, member name or index, value).</summary>
        private static IEnumerable<(JsonNode Parent, object Slot, JsonNode? Value)> Slots(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj.ToList())
                    {
                        yield return (obj, key, value);
                        foreach (var inner in Slots(value))
                        {
                            yield return inner;
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        yield return (array, i, array[i]);
                        foreach (var inner in Slots(array[i]))
                        {
                            yield return inner;
                        }
                    }

                    break;
            }
        }

        private static void Replace(JsonNode parent, object slot, JsonNode? value)
        {
            if (value?.Parent is not null)
            {
                value = value.DeepClone();
            }

            if (parent is JsonObject obj)
            {
                obj[(string)slot] = value;
            }
            else
            {
                parent.AsArray()[(int)slot] = value;
            }
        }

        private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }

    /// <summary>
    /// Writes a body with <see cref="Utf8JsonWriter"/> in varied but strict JSON: either encoder, compact or
    /// indented, and some strings (or whole objects) as validated raw JSON with other escape choices
    /// (<c>\/</c>, <c>\u0074</c>, raw astral-plane UTF-8), so the readers see more than one spelling.
    /// </summary>
    private static class BodyWriter
    {
        /// <summary>Compact, default escaping; strings with a lone surrogate as <c>\uD800</c>-style escapes.</summary>
        public static byte[] Plain(JsonNode? body)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(writer, body, new Random(0), raw: false);
            }

            return buffer.WrittenSpan.ToArray();
        }

        public static byte[] Write(JsonNode? body, Random random)
        {
            var buffer = new ArrayBufferWriter<byte>();
            var options = new JsonWriterOptions
            {
                Indented = random.Next(5) == 0,
                Encoder = random.Next(2) == 0 ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            };
            var raw = random.Next(3) == 0;
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                Write(writer, body, random, raw);
            }

            return buffer.WrittenSpan.ToArray();
        }

        private static void Write(Utf8JsonWriter writer, JsonNode? node, Random random, bool raw)
        {
            switch (node)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case JsonObject when raw && random.Next(8) == 0:
                case JsonArray when raw && random.Next(8) == 0:
                    writer.WriteRawValue(RawText(node, random));
                    break;
                case JsonObject obj:
                    writer.WriteStartObject();
                    foreach (var (key, value) in obj)
                    {
                        writer.WritePropertyName(key);
                        Write(writer, value, random, raw);
                    }

                    writer.WriteEndObject();
                    break;
                case JsonArray array:
                    writer.WriteStartArray();
                    foreach (var element in array)
                    {
                        Write(writer, element, random, raw);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    switch (node.GetValueKind())
                    {
                        case JsonValueKind.String when (raw && random.Next(2) == 0) || HasLoneSurrogate(node.GetValue<string>()):
                            writer.WriteRawValue(RawString(node.GetValue<string>(), random));
                            break;
                        case JsonValueKind.String:
                            writer.WriteStringValue(node.GetValue<string>());
                            break;
                        case JsonValueKind.Number:
                            writer.WriteRawValue(node.ToJsonString());
                            break;
                        default:
                            node.WriteTo(writer);
                            break;
                    }

                    break;
            }
        }

        /// <summary>JSON text of <paramref name="node"/> with random whitespace and escape spellings, keys included.</summary>
        private static string RawText(JsonNode? node, Random random)
        {
            var space = () => random.Next(4) == 0 ? Pick(random, " ", "\n", "\t", "\r\n  ") : string.Empty;
            return node switch
            {
                null => "null",
                JsonObject obj => "{" + space() + string.Join("," + space(), obj.Select(p => RawString(p.Key, random) + space() + ":" + space() + RawText(p.Value, random))) + space() + "}",
                JsonArray array => "[" + space() + string.Join("," + space(), array.Select(e => RawText(e, random))) + space() + "]",
                _ when node.GetValueKind() == JsonValueKind.String => RawString(node.GetValue<string>(), random),
                _ => node.ToJsonString(),
            };
        }

        /// <summary>A JSON string literal: required escapes in either form, optional ones (<c>\/</c>, <c>\uXXXX</c>) at random.</summary>
        private static string RawString(string value, Random random)
        {
            var text = new StringBuilder("\"");
            for (var i = 0; i < value.Length; i++)
            {
                int c = value[i];
                if (char.IsSurrogatePair(value, i))
                {
                    var pair = value.Substring(i, 2);
                    text.Append(random.Next(6) == 0 ? Unicode(pair[0], random) + Unicode(pair[1], random) : pair);
                    i++;
                }
                else if (char.IsSurrogate((char)c))
                {
                    text.Append(Unicode(c, random)); // a lone surrogate exists in JSON text only as an escape
                }
                else if (c == '"' || c == '\\')
                {
                    text.Append(random.Next(4) == 0 ? Unicode(c, random) : "\\" + (char)c);
                }
                else if (c < 0x20)
                {
                    var shortForm = c switch { '\b' => "\\b", '\f' => "\\f", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => null };
                    text.Append(shortForm is not null && random.Next(2) == 0 ? shortForm : Unicode(c, random));
                }
                else if (c == '/' && random.Next(2) == 0)
                {
                    text.Append("\\/");
                }
                else
                {
                    text.Append(random.Next(6) == 0 ? Unicode(c, random) : ((char)c).ToString());
                }
            }

            return text.Append('"').ToString();
        }

        private static bool HasLoneSurrogate(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsSurrogatePair(text, i))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Unicode(int utf16, Random random)
            => "\\u" + utf16.ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture);

        private static string Pick(Random random, params string[] items) => items[random.Next(items.Length)];
    }

    /// <summary>Greedy shrinking of a disagreeing body: drop members and elements, simplify values, while the problem stays.</summary>
    private static class Shrinker
    {
        public static byte[]? Shrink(byte[] bytes, string kind, Oracle oracle, bool outsideModel)
        {
            bool Same(JsonNode? node, out byte[] candidate)
            {
                candidate = BodyWriter.Plain(node);
                var problem = Compare(candidate, oracle, outsideModel).Problem;
                return problem is not null && ProblemKind(problem) == kind;
            }

            byte[]? best = null;
            try
            {
                var current = JsonText.Read(bytes);
                if (!Same(current, out var reproduced))
                {
                    return null;
                }

                best = reproduced;
                var budget = 1_500;
                var progress = true;
                while (progress && budget > 0)
                {
                    progress = false;
                    foreach (var candidate in Candidates(current))
                    {
                        if (--budget < 0)
                        {
                            break;
                        }

                        if (Same(candidate, out var written) && written.Length < best.Length)
                        {
                            current = candidate;
                            best = written;
                            progress = true;
                            break;
                        }
                    }
                }
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException)
            {
                // Not expected (JsonText.Read keeps lone surrogates); keep what was reached.
            }

            return best;
        }

        /// <summary>One-step simplifications of <paramref name="root"/>, each a fresh tree.</summary>
        private static IEnumerable<JsonNode?> Candidates(JsonNode? root)
        {
            var paths = new List<List<object>>();
            Collect(root, [], paths);
            foreach (var path in paths.Where(p => p.Count > 0))
            {
                var copy = root!.DeepClone();
                var (parent, slot) = Locate(copy, path);
                if (parent is JsonObject obj)
                {
                    obj.Remove((string)slot);
                }
                else
                {
                    parent.AsArray().RemoveAt((int)slot);
                }

                yield return copy;
            }

            foreach (var path in paths)
            {
                if (path.Count == 0)
                {
                    continue;
                }

                var (at, name) = Locate(root!, path);
                var value = at is JsonObject owner ? owner[(string)name] : at.AsArray()[(int)name];
                JsonNode? simpler = value switch
                {
                    JsonValue v when v.GetValueKind() == JsonValueKind.String && FirstRune(v.GetValue<string>()) is var first && first.Length < v.GetValue<string>().Length => JsonValue.Create(first),
                    JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.ToJsonString() != "0" => JsonValue.Create(0),
                    _ => value,
                };
                if (ReferenceEquals(simpler, value))
                {
                    continue;
                }

                var copy = root!.DeepClone();
                var (parent, slot) = Locate(copy, path);
                if (parent is JsonObject target)
                {
                    target[(string)slot] = simpler;
                }
                else
                {
                    parent.AsArray()[(int)slot] = simpler;
                }

                yield return copy;
            }
        }

        private static string FirstRune(string text) => text.Length == 0 ? text : text[..(char.IsSurrogatePair(text, 0) ? 2 : 1)];

        private static void Collect(JsonNode? node, List<object> path, List<List<object>> paths)
        {
            paths.Add(path);
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        Collect(value, [.. path, key], paths);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Collect(array[i], [.. path, i], paths);
                    }

                    break;
            }
        }

        private static (JsonNode Parent, object Slot) Locate(JsonNode root, List<object> path)
        {
            var parent = root;
            foreach (var step in path.Take(path.Count - 1))
            {
                parent = step is string key ? parent[key]! : parent[(int)step]!;
            }

            return (parent, path[^1]);
        }
    }

    private static class JsonText
    {
        /// <summary>Same JSON value: objects by member (an absent member equals null), numbers by value, strings ordinally.</summary>
        public static bool Equivalent(JsonNode? a, JsonNode? b)
        {
            var kindA = a is null ? JsonValueKind.Null : a.GetValueKind();
            var kindB = b is null ? JsonValueKind.Null : b.GetValueKind();
            if (kindA != kindB)
            {
                return false;
            }

            switch (kindA)
            {
                case JsonValueKind.Object:
                {
                    var objA = a!.AsObject();
                    var objB = b!.AsObject();
                    return objA.Select(p => p.Key).Union(objB.Select(p => p.Key)).All(key => Equivalent(objA[key], objB[key]));
                }

                case JsonValueKind.Array:
                {
                    var arrA = a!.AsArray();
                    var arrB = b!.AsArray();
                    return arrA.Count == arrB.Count && arrA.Zip(arrB).All(pair => Equivalent(pair.First, pair.Second));
                }

                case JsonValueKind.Number:
                    return double.Parse(a!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) == double.Parse(b!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                case JsonValueKind.String:
                    return string.Equals(a!.GetValue<string>(), b!.GetValue<string>(), StringComparison.Ordinal);
                default:
                    return true;
            }
        }

        /// <summary>
        /// Reads JSON into nodes whose strings are plain C# strings, lone surrogates included (where
        /// <see cref="JsonElement.GetString"/> throws), and whose numbers keep their literal.
        /// </summary>
        public static JsonNode? Read(byte[] utf8Json)
        {
            using var document = JsonDocument.Parse(utf8Json);
            return ToNode(document.RootElement);
        }

        private static JsonNode? ToNode(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => new JsonObject(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, ToNode(p.Value)))),
            JsonValueKind.Array => new JsonArray(element.EnumerateArray().Select(ToNode).ToArray()),
            JsonValueKind.String => JsonValue.Create(StringOf(element)),
            JsonValueKind.Number => JsonNode.Parse(element.GetRawText()),
            JsonValueKind.True => JsonValue.Create(true),
            JsonValueKind.False => JsonValue.Create(false),
            _ => null,
        };

        private static string StringOf(JsonElement element)
        {
            try
            {
                return element.GetString()!;
            }
            catch (InvalidOperationException)
            {
                return Unescape(element.GetRawText());
            }
        }

        /// <summary>The value of a JSON string literal (quotes included), code unit by code unit.</summary>
        private static string Unescape(string literal)
        {
            var text = new StringBuilder();
            for (var i = 1; i < literal.Length - 1; i++)
            {
                if (literal[i] != '\\')
                {
                    text.Append(literal[i]);
                    continue;
                }

                var escape = literal[++i];
                text.Append(escape switch
                {
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'u' => (char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    _ => escape,
                });
                i += escape == 'u' ? 4 : 0;
            }

            return text.ToString();
        }

        public static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
    }
}
