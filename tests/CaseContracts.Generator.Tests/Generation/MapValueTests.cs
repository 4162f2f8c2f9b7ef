using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.Json;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// An object schema with no <c>properties</c> whose members all have one value shape (<c>additionalProperties</c> with a
/// schema, <c>patternProperties</c> whose schemas read alike with the rest refused) is an
/// <c>IReadOnlyDictionary&lt;string, T&gt;</c>, as a property and as a file's root; the validator still applies every
/// rule of the object (<c>propertyNames</c>, <c>min/maxProperties</c>, the patterns), and the map writes back.
/// </summary>
public sealed class MapValueTests
{
    private const string Config = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Config",
          "type": "object",
          "properties": {
            "env": { "type": "object", "additionalProperties": { "type": "string" }, "maxProperties": 2, "propertyNames": { "pattern": "^[A-Z_]+$" } },
            "services": { "type": "object", "patternProperties": { "^[a-z]+$": { "$ref": "#/definitions/service" } }, "additionalProperties": false },
            "limits": { "type": ["object", "null"], "additionalProperties": { "type": "integer", "minimum": 0 } },
            "mixed": { "type": "object", "patternProperties": { "^a": { "type": "string" } }, "additionalProperties": { "type": "integer" } },
            "open": { "type": "object", "patternProperties": { "^a": { "type": "string" } } }
          },
          "additionalProperties": false,
          "definitions": {
            "service": { "type": "object", "properties": { "image": { "type": "string" } }, "required": ["image"], "additionalProperties": false }
          }
        }
        """;

    private const string Labels = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "minProperties": 1,
          "additionalProperties": { "type": "object", "properties": { "color": { "type": "string" } }, "additionalProperties": false }
        }
        """;

    private const string Consumer = """
        namespace Consumer
        {
            public static class Calls
            {
                private static byte[] Utf8(string json) => global::System.Text.Encoding.UTF8.GetBytes(json);

                public static string Config(string json)
                {
                    var result = global::TestProject.Config.TryParse(Utf8(json));
                    if (!result.IsValid) return "invalid:" + string.Join(",", global::System.Linq.Enumerable.Select(result.Errors, e => e.Path));
                    var config = result.Value;
                    var env = config.Env is null ? "-" : string.Join(",", global::System.Linq.Enumerable.Select(config.Env, m => m.Key + "=" + m.Value));
                    var services = config.Services is null ? "-" : string.Join(",", global::System.Linq.Enumerable.Select(config.Services, m => m.Key + "=" + m.Value.Image));
                    var limits = config.Limits is null ? "-" : string.Join(",", global::System.Linq.Enumerable.Select(config.Limits, m => m.Key + "=" + m.Value));
                    return env + "|" + services + "|" + limits + "|" + config.ToJson();
                }

                public static string Labels(string json)
                {
                    var result = global::TestProject.Labels.TryParse(Utf8(json));
                    if (!result.IsValid) return "invalid:" + result.Errors.Count;
                    return string.Join(",", global::System.Linq.Enumerable.Select(result.Value.Value, m => m.Key + "=" + m.Value.Color)) + "|" + result.Value.ToJson();
                }

                public static string SameConfig(string left, string right)
                    => (global::TestProject.Config.Parse(left) == global::TestProject.Config.Parse(right)) + "|"
                       + (global::TestProject.Config.Parse(left).GetHashCode() == global::TestProject.Config.Parse(right).GetHashCode());
            }
        }
        """;

    private static readonly Lazy<(GeneratorHarnessResult Result, Assembly Assembly)> s_compiled = new(() =>
    {
        var result = GeneratorHarness.Run(new ContractGenerator(),
        [
            new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "config.schema.json", Config),
            new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "labels.schema.json", Labels),
        ], [Consumer]);
        return (result, result.EmitAndLoad());
    });

    [Fact]
    public void Maps_generate_without_diagnostics_and_compile()
    {
        Assert.Empty(s_compiled.Value.Result.GeneratorDiagnostics);
        s_compiled.Value.Result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void Objects_whose_members_share_one_value_shape_are_dictionaries_and_the_others_stay_JSON()
    {
        var config = Type("TestProject.Config");
        Assert.Equal(typeof(IReadOnlyDictionary<string, string>), config.GetProperty("Env")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), Type("TestProject.Service")), config.GetProperty("Services")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyDictionary<string, long>), config.GetProperty("Limits")!.PropertyType);
        // A pattern and the rest of different shapes, or a rest that allows anything: any JSON.
        Assert.Equal(typeof(JsonElement?), config.GetProperty("Mixed")!.PropertyType);
        Assert.Equal(typeof(JsonElement?), config.GetProperty("Open")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), Type("TestProject.LabelsValue")), Type("TestProject.Labels").GetProperty("Value")!.PropertyType);
    }

    [Fact]
    public void A_map_property_is_bound_in_document_order_and_written_back()
        => Assert.Equal(
            """B=2,A=1|web=nginx|cpu=4|{"env":{"B":"2","A":"1"},"services":{"web":{"image":"nginx"}},"limits":{"cpu":4}}""",
            Call("Config", """{ "env": { "B": "2", "A": "1" }, "services": { "web": { "image": "nginx" } }, "limits": { "cpu": 4 } }"""));

    [Fact]
    public void A_nullable_map_binds_null()
        => Assert.Equal("""-|-|-|{"limits":null}""", Call("Config", """{ "limits": null }"""));

    [Theory]
    [InlineData("""{ "env": { "lower": "x" } }""", "invalid:/env/lower")]
    [InlineData("""{ "env": { "A": "1", "B": "2", "C": "3" } }""", "invalid:/env")]
    [InlineData("""{ "env": { "A": 1 } }""", "invalid:/env/A")]
    [InlineData("""{ "services": { "Web": { "image": "x" } } }""", "invalid:/services/Web")]
    [InlineData("""{ "services": { "web": {} } }""", "invalid:/services/web/image")]
    [InlineData("""{ "limits": { "cpu": -1 } }""", "invalid:/limits/cpu")]
    public void The_validator_still_applies_every_rule_of_a_map(string json, string expected)
        => Assert.Equal(expected, Call("Config", json));

    [Theory]
    [InlineData("""{ "bug": { "color": "red" }, "docs": {} }""", """bug=red,docs=|{"bug":{"color":"red"},"docs":{}}""")]
    [InlineData("{}", "invalid:1")]
    [InlineData("""{ "bug": { "size": 1 } }""", "invalid:1")]
    public void A_map_root_is_a_document_record_whose_value_is_the_dictionary(string json, string expected)
        => Assert.Equal(expected, Call("Labels", json));

    [Fact]
    public void Records_compare_maps_by_content_whatever_the_member_order()
        => Assert.Equal("True|True", Call("SameConfig", """{ "env": { "A": "1", "B": "2" } }""", """{ "env": { "B": "2", "A": "1" } }"""));

    private static Type Type(string name) => s_compiled.Value.Assembly.GetType(name, throwOnError: true)!;

    private static string Call(string method, params object[] arguments)
    {
        try
        {
            return (string)Type("Consumer.Calls").GetMethod(method)!.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
