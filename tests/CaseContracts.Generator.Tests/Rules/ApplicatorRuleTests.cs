using System;
using System.Linq;
using System.Reflection;
using CaseContracts.Generator.Analyzers.Evaluation;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Rules;

/// <summary>
/// The applicator keywords (<c>patternProperties</c> beside <c>additionalProperties: false</c>, <c>propertyNames</c>,
/// <c>dependencies</c> in both forms, <c>not</c>, <c>if</c>/<c>then</c>/<c>else</c>, tuple <c>items</c> with
/// <c>additionalItems</c>, <c>contains</c>) and ECMA-262 patterns, each defined as one rule: the generated parser
/// (compiled and run) reports what the schema says, and the build-time evaluation reports the same errors.
/// </summary>
public sealed class ApplicatorRuleTests
{
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Workflow",
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "kind": { "type": "string", "not": { "enum": ["forbidden"] } },
            "jobs": {
              "type": "object",
              "patternProperties": {
                "^[_a-zA-Z][a-zA-Z0-9_-]*$": { "type": "object", "required": ["runs-on"], "properties": { "runs-on": { "type": "string" } } }
              },
              "additionalProperties": false,
              "propertyNames": { "maxLength": 8 }
            },
            "env": { "type": "object", "additionalProperties": { "type": "string" } },
            "pair": { "type": "array", "items": [{ "type": "string" }, { "type": "integer" }], "additionalItems": false },
            "tags": { "type": "array", "contains": { "const": "release" } },
            "digits": { "type": "string", "pattern": "^\\d+$" }
          },
          "required": ["name"],
          "dependencies": {
            "credit": ["billing"],
            "strict": { "properties": { "name": { "minLength": 3 } } }
          },
          "if": { "properties": { "kind": { "const": "deploy" } }, "required": ["kind"] },
          "then": { "required": ["env"] },
          "else": { "not": { "required": ["env"] } }
        }
        """;

    private const string Consumer = """
        using System.Linq;
        namespace Consumer
        {
            public static class Probe
            {
                public static string Check(string json)
                {
                    var result = global::Apply.Workflow.TryParse(System.Text.Encoding.UTF8.GetBytes(json));
                    return result.IsValid ? "valid" : string.Join(" | ", result.Errors!.Select(e => $"{e.Path} {e.Keyword} {e.Message}"));
                }
            }
        }
        """;

    private static readonly Lazy<MethodInfo> s_check = new(() =>
    {
        var result = GeneratorHarness.Run(
            new ContractGenerator(),
            [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "workflow.schema.json", Schema)],
            [Consumer],
            globalOptions: new System.Collections.Generic.Dictionary<string, string> { ["build_property.CaseContractsNamespace"] = "Apply" });
        result.AssertCompilesWithoutWarnings();
        Assert.Empty(result.GeneratorDiagnostics);
        return result.EmitAndLoad().GetType("Consumer.Probe", throwOnError: true)!.GetMethod("Check")!;
    });

    public static TheoryData<string, string> Documents => new()
    {
        // patternProperties admits what additionalProperties: false would reject, and checks it.
        { """{"name":"ci","jobs":{"build":{"runs-on":"ubuntu"},"test_2":{"runs-on":"linux"}}}""", "valid" },
        { """{"name":"ci","jobs":{"build":{}}}""", "/jobs/build/runs-on required is required" },
        { """{"name":"ci","jobs":{"9lives":{"runs-on":"x"}}}""", "/jobs/9lives additionalProperties is not an allowed property" },
        // propertyNames: each name, as a string, against its schema.
        { """{"name":"ci","jobs":{"build_and_test":{"runs-on":"x"}}}""", "/jobs/build_and_test maxLength must be at most 8 characters long" },
        // additionalProperties with a schema (and else: env without kind deploy).
        { """{"name":"ci","env":{"A":"1","B":2}}""", " not must not match the schema in not | /env/B type must be string" },
        // dependencies: array form, then schema form.
        { """{"name":"ci","credit":1}""", "/billing dependencies is required when credit is present" },
        { """{"name":"ci","credit":1,"billing":2}""", "valid" },
        { """{"name":"ci","strict":true}""", "/name minLength must be at least 3 characters long" },
        // not.
        { """{"name":"ci","kind":"forbidden"}""", "/kind not must not match the schema in not" },
        // if/then/else: then when the condition holds, else when it does not.
        { """{"name":"ci","kind":"deploy"}""", "/env required is required" },
        { """{"name":"ci","kind":"deploy","env":{}}""", "valid" },
        { """{"name":"ci","env":{}}""", " not must not match the schema in not" },
        // tuple items and additionalItems.
        { """{"name":"ci","pair":["a",1]}""", "valid" },
        { """{"name":"ci","pair":[1,"a"]}""", "/pair/0 type must be string | /pair/1 type must be integer" },
        { """{"name":"ci","pair":["a",1,true]}""", "/pair/2 false no value is allowed here" },
        // contains.
        { """{"name":"ci","tags":["a","release"]}""", "valid" },
        { """{"name":"ci","tags":["a"]}""", "/tags contains must contain an item that matches the schema in contains" },
        // ECMA-262: \d is ASCII, $ is the end of the input.
        { """{"name":"ci","digits":"0123"}""", "valid" },
        { """{"name":"ci","digits":"١٢"}""", "/digits pattern must match ^\\d+$" },
        { """{"name":"ci","digits":"12\n"}""", "/digits pattern must match ^\\d+$" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Generated_parser_applies_the_sub_schemas(string json, string expected)
    {
        Assert.Equal(expected, Check(json));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Build_time_evaluation_reports_what_the_generated_parser_reports(string json, string expected)
    {
        var document = Generator.Schema.SchemaReader.Read(SchemaFiles.VirtualSchemaDirectory + "workflow.schema.json", Microsoft.CodeAnalysis.Text.SourceText.From(Schema), default);
        var index = Model.SchemaIndex.Create([document]);
        var options = new Model.GeneratorOptions("Apply", "schema", "/project");
        var file = Pipeline.ValidatorPlanner.Plan(document, index, options)!;
        var program = ValidationProgram.Create([file], index);

        var errors = program.Evaluate(JsonTextParser.Parse(json).Root!, file.RootMethod);

        var evaluated = errors.Count == 0 ? "valid" : string.Join(" | ", errors.Select(e => $"{e.Pointer} {e.Keyword} {e.Message}"));
        Assert.Equal(expected, evaluated);
        Assert.Equal(Check(json), evaluated);
    }

    private static string Check(string json)
    {
        try
        {
            return (string)s_check.Value.Invoke(null, [json])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
