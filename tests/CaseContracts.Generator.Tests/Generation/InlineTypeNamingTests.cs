using System;
using System.Linq;
using System.Reflection;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Two inline types of one file that want one name (a title repeated under several definitions, two property names
/// that read alike) are both generated: the later is named from its owner's path, numbered when that is taken too,
/// and its values bind to it instead of being left as JSON (no CC0005).
/// </summary>
public sealed class InlineTypeNamingTests
{
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Order",
          "type": "object",
          "properties": {
            "final_stats": { "type": "object", "properties": { "count": { "type": "integer" } }, "additionalProperties": false },
            "final-stats": { "type": "object", "properties": { "label": { "type": "string" } }, "additionalProperties": false },
            "kit": { "$ref": "#/definitions/kit" },
            "box": { "$ref": "#/definitions/box" }
          },
          "definitions": {
            "kit": { "type": "object", "properties": { "quantities": { "title": "Quantities", "type": "object", "properties": { "units": { "type": "integer" } } } } },
            "box": { "type": "object", "properties": { "quantities": { "title": "Quantities", "type": "object", "properties": { "weight": { "type": "number" } } },
                                                       "form": { "title": "Form", "enum": ["solid", "liquid"] } } },
            "Form": { "type": "object", "properties": { "name": { "type": "string" } } }
          }
        }
        """;

    private const string Consumer = """
        namespace Consumer
        {
            public static class Calls
            {
                public static string Read(string json)
                {
                    var result = global::TestProject.Order.TryParse(global::System.Text.Encoding.UTF8.GetBytes(json));
                    if (!result.IsValid) return "invalid:" + result.Errors.Count;
                    var order = result.Value;
                    return order.FinalStats!.Count + "|" + order.FinalStats2!.Label + "|" + order.Kit!.Quantities!.Units + "|" + order.Box!.Quantities!.Weight + "|" + order.Box.Form
                        + "|" + order.ToJson();
                }
            }
        }
        """;

    private static readonly Lazy<(GeneratorHarnessResult Result, Type Calls)> s_compiled = new(() =>
    {
        var result = GeneratorHarness.Run(new ContractGenerator(),
            [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "order.schema.json", Schema)], [Consumer]);
        return (result, result.EmitAndLoad().GetType("Consumer.Calls", throwOnError: true)!);
    });

    [Fact]
    public void Inline_types_that_want_one_name_are_all_generated_the_later_named_from_their_owners_path()
    {
        var result = s_compiled.Value.Result;

        Assert.Empty(result.GeneratorDiagnostics);
        result.AssertCompilesWithoutWarnings();
        var files = result.GeneratedSources.Keys.Where(k => k.StartsWith("TestProject.", StringComparison.Ordinal)).ToList();
        Assert.Contains("TestProject.OrderFinalStats.g.cs", files);
        Assert.Contains("TestProject.OrderFinalStats2.g.cs", files);
        Assert.Contains("TestProject.Quantities.g.cs", files);
        Assert.Contains("TestProject.BoxQuantities.g.cs", files);
        // The definition Form keeps its name; the inline enum titled Form takes its owner's path.
        Assert.Contains("TestProject.Form.g.cs", files);
        Assert.Contains("TestProject.BoxForm.g.cs", files);
    }

    [Fact]
    public void Values_of_the_renamed_inline_types_bind_to_them_and_write_back()
        => Assert.Equal(
            """3|x|4|1.5|Liquid|{"final_stats":{"count":3},"final-stats":{"label":"x"},"kit":{"quantities":{"units":4}},"box":{"quantities":{"weight":1.5},"form":"liquid"}}""",
            Call("""{ "final_stats": { "count": 3 }, "final-stats": { "label": "x" }, "kit": { "quantities": { "units": 4 } }, "box": { "quantities": { "weight": 1.5 }, "form": "liquid" } }"""));

    private static string Call(string json)
    {
        try
        {
            return (string)s_compiled.Value.Calls.GetMethod("Read")!.Invoke(null, [json])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
