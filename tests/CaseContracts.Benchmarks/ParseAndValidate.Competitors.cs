using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CaseContracts.Benchmarks.Competitors;
using CaseContracts.Benchmarks.Contract;

namespace CaseContracts.Benchmarks;

// P1's competitor columns: what a user would pick instead of generated validators, each validating
// against the same schema/ files and then binding with System.Text.Json's source-generated model
// (StjModel.cs). Kept in their own part of the class so the table stays one table (same baseline,
// same inputs) while other columns are added in ParseAndValidate.cs.
public partial class ParseAndValidate
{
    private NJsonSchemaValidator _njsonSchema = null!;
    private JsonSchemaNetValidator _jsonSchemaNet = null!;

    /// <summary>
    /// Loads both validators, then refuses to measure anything unless every contender gives the same
    /// verdict on each input and on probes of the rules that are easy to get wrong (the discriminator,
    /// <c>.none</c> without fields): a validator that checks less would look faster for the wrong reason.
    /// </summary>
    [GlobalSetup(Targets = [nameof(StjPlusNJsonSchema), nameof(JsonSchemaNetPlusStj)])]
    public void SetupCompetitors()
    {
        Setup();
        _njsonSchema = NJsonSchemaValidator.Load();
        _jsonSchemaNet = JsonSchemaNetValidator.Load();
        VerdictsAgree.Check(_njsonSchema, _jsonSchemaNet);
    }

    [Benchmark(Description = "STJ + NJsonSchema Validate")]
    public object? StjPlusNJsonSchema()
    {
        // NJsonSchema validates text (it parses with Newtonsoft.Json), so the body is decoded first.
        var errors = _njsonSchema.Validate(Encoding.UTF8.GetString(_body));
        return errors.Count > 0 ? errors : JsonSerializer.Deserialize(_body, StjContext.Default.StjRequest);
    }

    [Benchmark(Description = "JsonSchema.Net Evaluate + STJ")]
    public object? JsonSchemaNetPlusStj()
    {
        using var document = JsonDocument.Parse(_body);
        var results = _jsonSchemaNet.Evaluate(document.RootElement);
        return results.IsValid ? document.RootElement.Deserialize(StjContext.Default.StjRequest) : results;
    }

    /// <summary>The same-verdict check behind <see cref="SetupCompetitors"/>.</summary>
    private static class VerdictsAgree
    {
        private const string NoneConnector = """{"title":"t","description":"d","tags":[],"connector":{"id":"i","name":"n","type":".none","fields":null},"settings":{"syncAlerts":true}}""";

        public static void Check(NJsonSchemaValidator njsonSchema, JsonSchemaNetValidator jsonSchemaNet)
        {
            var cases = new List<(string Name, byte[] Body, bool Valid)>
            {
                ("api-page-example", Inputs.ApiPageExample, true),
                ("200-tags", Inputs.TwoHundredTags, true),
                ("10-errors", Inputs.TenErrors, false),
                ("probe: .none connector", Encoding.UTF8.GetBytes(NoneConnector), true),
                ("probe: .none with fields {}", Encoding.UTF8.GetBytes(NoneConnector.Replace("\"fields\":null", "\"fields\":{}", StringComparison.Ordinal)), false),
                ("probe: unknown type with Jira fields", Encoding.UTF8.GetBytes(NoneConnector.Replace("\".none\",\"fields\":null", "\".swimlane\",\"fields\":{\"issueType\":\"1\"}", StringComparison.Ordinal)), false),
                ("probe: .jira with a ServiceNow field", Encoding.UTF8.GetBytes(NoneConnector.Replace("\".none\",\"fields\":null", "\".jira\",\"fields\":{\"issueType\":\"1\",\"urgency\":null}", StringComparison.Ordinal)), false),
                ("probe: missing settings", Encoding.UTF8.GetBytes(NoneConnector.Replace(",\"settings\":{\"syncAlerts\":true}", string.Empty, StringComparison.Ordinal)), false),
            };

            var problems = new List<string>();
            foreach (var (name, body, valid) in cases)
            {
                var ours = CreateCaseRequest.TryParse(body);
                var njsonSchemaErrors = njsonSchema.Validate(Encoding.UTF8.GetString(body)).Count;
                using var document = JsonDocument.Parse(body);
                var jsonSchemaNetValid = jsonSchemaNet.Evaluate(document.RootElement).IsValid;
                Console.WriteLine($"// verdicts on {name}: CaseContracts {Verdict(ours.IsValid)} ({ours.Errors.Count} errors), NJsonSchema {Verdict(njsonSchemaErrors == 0)} ({njsonSchemaErrors} errors), JsonSchema.Net {Verdict(jsonSchemaNetValid)}");
                Expect("CaseContracts", ours.IsValid);
                Expect("NJsonSchema", njsonSchemaErrors == 0);
                Expect("JsonSchema.Net", jsonSchemaNetValid);

                void Expect(string contender, bool actual)
                {
                    if (actual != valid)
                    {
                        problems.Add($"{contender} finds '{name}' {Verdict(actual)}, expected {Verdict(valid)}");
                    }
                }
            }

            if (problems.Count > 0)
            {
                throw new InvalidOperationException("The contenders do not verify the same rules:\n  " + string.Join("\n  ", problems));
            }
        }

        private static string Verdict(bool valid) => valid ? "valid" : "invalid";
    }
}
