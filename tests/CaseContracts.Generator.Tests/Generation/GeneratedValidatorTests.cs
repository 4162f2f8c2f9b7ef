using System;
using System.Reflection;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Generated validators on a small schema with limits, compiled and run in memory: lengths count
/// Unicode code points (escaped or not), and limit errors carry their limit into Kibana's messages.
/// </summary>
public sealed class GeneratedValidatorTests
{
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Item",
          "type": "object",
          "additionalProperties": false,
          "required": ["title"],
          "properties": {
            "title": { "type": "string", "minLength": 1, "maxLength": 3 },
            "emoji": { "type": "string", "maxLength": 2 },
            "tags": { "type": "array", "maxItems": 2, "items": { "type": "string" } }
          }
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
                    var result = global::Limits.Item.TryParse(System.Text.Encoding.UTF8.GetBytes(json));
                    return result.IsValid ? "valid" : result.IsMalformed ? "malformed" : global::Limits.KibanaMessages.Format(result.Errors);
                }
            }
        }
        """;

    private static readonly Lazy<MethodInfo> s_check = new(() =>
    {
        var result = GeneratorHarness.Run(
            new ContractGenerator(),
            [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "item.schema.json", Schema)],
            [Consumer],
            globalOptions: new System.Collections.Generic.Dictionary<string, string>
            {
                ["build_property.CaseContractsNamespace"] = "Limits",
                // No operation here: the option is what asks for Kibana's wording of the errors.
                ["build_property.CaseContractsErrorProfile"] = "kibana",
            });
        result.AssertCompilesWithoutWarnings();
        return result.EmitAndLoad().GetType("Consumer.Probe", throwOnError: true)!.GetMethod("Check")!;
    });

    [Theory]
    [InlineData("""{"title":"abc","emoji":"😀😀"}""")]
    [InlineData("""{"title":"abc","emoji":"\ud83d\ude00\ud83d\ude00"}""")]
    [InlineData("""{"title":"é€😀"}""")]
    public void Lengths_count_code_points_not_utf16_units_or_bytes(string json)
    {
        Assert.Equal("valid", Check(json));
    }

    [Fact]
    public void Three_astral_characters_exceed_a_maximum_of_two()
    {
        Assert.Equal("The length of the emoji is too long. The maximum length is 2.", Check("""{"title":"a","emoji":"😀😀😀"}"""));
    }

    [Fact]
    public void Empty_title_gets_kibanas_empty_string_message()
    {
        Assert.Equal("The title field cannot be an empty string.", Check("""{"title":""}"""));
    }

    [Fact]
    public void Too_many_tags_get_kibanas_array_length_message()
    {
        Assert.Equal("The length of the field tags is too long. Array must be of length <= 2.", Check("""{"title":"a","tags":["x","y","z"]}"""));
    }

    [Fact]
    public void Comments_make_the_input_malformed()
    {
        Assert.Equal("malformed", Check("""{"title":"a" /* no */}"""));
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
