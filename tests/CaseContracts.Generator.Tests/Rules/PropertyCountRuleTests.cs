using System;
using System.Linq;
using System.Reflection;
using CaseContracts.Generator.Analyzers;
using CaseContracts.Generator.Analyzers.Evaluation;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Rules;

/// <summary>
/// <c>minProperties</c> / <c>maxProperties</c>, defined as one rule: the generated validator (compiled and
/// run) and the build-time evaluation report the same errors for the same documents.
/// </summary>
public sealed class PropertyCountRuleTests
{
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Labels",
          "type": "object",
          "properties": {
            "owner": { "type": "string" },
            "extra": { "type": "object", "minProperties": 1, "maxProperties": 2 }
          },
          "minProperties": 1,
          "maxProperties": 2
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
                    var result = global::Counts.Labels.TryParse(System.Text.Encoding.UTF8.GetBytes(json));
                    return result.IsValid ? "valid" : string.Join(" | ", result.Errors!.Select(e => $"{e.Path} {e.Keyword} {e.Message} ({e.Limit})"));
                }
            }
        }
        """;

    private static readonly Lazy<MethodInfo> s_check = new(() =>
    {
        var result = GeneratorHarness.Run(
            new ContractGenerator(),
            [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "labels.schema.json", Schema)],
            [Consumer],
            globalOptions: new System.Collections.Generic.Dictionary<string, string> { ["build_property.CaseContractsNamespace"] = "Counts" });
        result.AssertCompilesWithoutWarnings();
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CC0003");
        return result.EmitAndLoad().GetType("Consumer.Probe", throwOnError: true)!.GetMethod("Check")!;
    });

    [Theory]
    [InlineData("""{"owner":"a"}""", "valid")]
    [InlineData("""{"owner":"a","extra":{"k":1,"l":2}}""", "valid")]
    [InlineData("""{}""", " minProperties must have at least 1 property (1)")]
    [InlineData("""{"owner":"a","extra":{},"more":true}""", "/extra minProperties must have at least 1 property (1) |  maxProperties must have at most 2 properties (2)")]
    [InlineData("""{"extra":{"a":1,"b":2,"c":3}}""", "/extra maxProperties must have at most 2 properties (2)")]
    [InlineData("""[]""", " type must be object")]
    public void Generated_validator_counts_members(string json, string expected)
    {
        Assert.Equal(expected, Check(json).Replace(" ()", string.Empty));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"owner":"a","extra":{},"more":true}""")]
    [InlineData("""{"extra":{"a":1,"b":2,"c":3}}""")]
    [InlineData("""{"owner":"a","extra":{"k":1}}""")]
    public void Build_time_evaluation_reports_what_the_generated_validator_reports(string json)
    {
        var document = Generator.Schema.SchemaReader.Read(SchemaFiles.VirtualSchemaDirectory + "labels.schema.json", Microsoft.CodeAnalysis.Text.SourceText.From(Schema), default);
        var index = Model.SchemaIndex.Create([document]);
        var options = new Model.GeneratorOptions("Counts", "schema", "/project");
        var file = Pipeline.ValidatorPlanner.Plan(document, index, options)!;
        var program = ValidationProgram.Create([file], index);

        var errors = program.Evaluate(JsonTextParser.Parse(json).Root!, file.RootMethod);

        var evaluated = errors.Count == 0 ? "valid" : string.Join(" | ", errors.Select(e => $"{e.Pointer} {e.Keyword} {e.Message} ({e.Limit})"));
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
