using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.Json;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> whose members each take one JSON kind, all different (a string or an array of strings, an
/// integer or a string, a string or an object), is a record with one accessor per kind (<c>AsString</c>, <c>AsArray</c>…):
/// the accessor of the value's kind is set, the value writes back as it was read, and the union's validator still decides
/// validity. Several members of one kind share its accessor; members all of one kind are that kind's value (two strings
/// a string); a type list (<c>["string", "array"]</c>) is a union of its types.
/// </summary>
public sealed class KindUnionTests
{
    private const string Tool = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Tool",
          "type": "object",
          "properties": {
            "extends": { "oneOf": [ { "type": "string" }, { "type": "array", "items": { "type": "string" } } ] },
            "port": { "anyOf": [ { "type": "integer", "minimum": 1 }, { "type": "string", "pattern": "^\\$" }, { "type": "null" } ] },
            "plugin": { "oneOf": [ { "type": "string" }, { "$ref": "#/definitions/plugin" } ] },
            "same": { "oneOf": [ { "type": "string" }, { "type": "string", "maxLength": 1 } ] },
            "mode": { "oneOf": [ { "enum": ["fast", "slow"] }, { "type": "string", "pattern": "^x-" } ] },
            "ratio": { "anyOf": [ { "type": "integer" }, { "type": "number", "maximum": 1 } ] },
            "rule": { "oneOf": [
              { "enum": ["on", "off"] },
              { "type": "array", "items": [ { "enum": ["on", "off"] }, { "type": "object" } ], "minItems": 2, "additionalItems": false },
              { "type": "array", "items": [ { "enum": ["on", "off"] }, { "type": "string" } ], "minItems": 2, "additionalItems": false }
            ] },
            "script": { "type": ["string", "array"], "items": { "type": "string" } }
          },
          "additionalProperties": false,
          "definitions": {
            "plugin": { "type": "object", "properties": { "name": { "type": "string" } }, "required": ["name"], "additionalProperties": false }
          }
        }
        """;

    private const string Setting = """
        { "$schema": "http://json-schema.org/draft-07/schema#", "oneOf": [ { "type": "boolean" }, { "type": "object", "additionalProperties": { "type": "number" } } ] }
        """;

    private const string Quota = """
        { "$schema": "http://json-schema.org/draft-07/schema#", "title": "Quota", "type": "object", "properties": { "limit": { "type": ["integer", "boolean", "null"] }, "version": { "enum": [1, "1"] } } }
        """;

    private const string Consumer = """
        namespace Consumer
        {
            public static class Calls
            {
                private static byte[] Utf8(string json) => global::System.Text.Encoding.UTF8.GetBytes(json);

                public static string Tool(string json)
                {
                    var result = global::TestProject.Tool.TryParse(Utf8(json));
                    if (!result.IsValid) return "invalid:" + string.Join(",", global::System.Linq.Enumerable.Select(result.Errors, e => e.Path));
                    var tool = result.Value;
                    var extends = tool.Extends is null ? "-" : tool.Extends.AsString ?? string.Join("+", tool.Extends.AsArray!);
                    var port = tool.Port is null ? "-" : tool.Port.AsInteger?.ToString() ?? tool.Port.AsString;
                    var plugin = tool.Plugin is null ? "-" : tool.Plugin.AsString ?? "{" + tool.Plugin.AsObject!.Name + "}";
                    return extends + "|" + port + "|" + plugin + "|" + tool.ToJson();
                }

                public static string Setting(string json)
                {
                    var result = global::TestProject.Setting.TryParse(Utf8(json));
                    if (!result.IsValid) return "invalid:" + result.Errors.Count;
                    var setting = result.Value;
                    return (setting.AsBoolean?.ToString() ?? string.Join(",", global::System.Linq.Enumerable.Select(setting.AsObject!, m => m.Key + "=" + m.Value))) + "|" + setting.ToJson();
                }

                public static string Kinds(string json)
                {
                    var result = global::TestProject.Tool.TryParse(Utf8(json));
                    if (!result.IsValid) return "invalid:" + string.Join(",", global::System.Linq.Enumerable.Select(result.Errors, e => e.Path));
                    var tool = result.Value;
                    var rule = tool.Rule is null ? "-" : tool.Rule.AsString?.ToString() ?? "[" + tool.Rule.AsArray!.Count + "]";
                    var script = tool.Script is null ? "-" : tool.Script.AsString ?? string.Join("+", tool.Script.AsArray!);
                    return (tool.Same ?? "-") + "|" + (tool.Mode ?? "-") + "|" + (tool.Ratio?.ToString(global::System.Globalization.CultureInfo.InvariantCulture) ?? "-")
                        + "|" + rule + "|" + script + "|" + tool.ToJson();
                }

                public static string Quota(string json)
                {
                    var result = global::TestProject.Quota.TryParse(Utf8(json));
                    if (!result.IsValid) return "invalid:" + string.Join(",", global::System.Linq.Enumerable.Select(result.Errors, e => e.Path));
                    var limit = result.Value.Limit;
                    var version = result.Value.Version;
                    return (limit is null ? "-" : limit.AsInteger?.ToString() ?? limit.AsBoolean.ToString()) + "|"
                        + (version is null ? "-" : version.AsInteger is { } number ? "#" + number : version.AsString) + "|" + result.Value.ToJson();
                }

                public static string SameTool(string left, string right)
                    => (global::TestProject.Tool.Parse(left) == global::TestProject.Tool.Parse(right)).ToString();
            }
        }
        """;

    private static readonly Lazy<(GeneratorHarnessResult Result, Assembly Assembly)> s_compiled = new(() =>
    {
        var result = GeneratorHarness.Run(new ContractGenerator(),
        [
            new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "tool.schema.json", Tool),
            new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "setting.schema.json", Setting),
            new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "quota.schema.json", Quota),
        ], [Consumer]);
        return (result, result.EmitAndLoad());
    });

    [Fact]
    public void Kind_unions_generate_without_diagnostics_and_compile()
    {
        Assert.Empty(s_compiled.Value.Result.GeneratorDiagnostics);
        s_compiled.Value.Result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void A_union_of_kinds_is_a_record_with_one_accessor_per_kind_and_members_of_one_kind_stay_JSON()
    {
        var tool = Type("TestProject.Tool");
        var extends = Type("TestProject.ToolExtends");
        Assert.Equal(extends, tool.GetProperty("Extends")!.PropertyType);
        Assert.Equal(typeof(string), extends.GetProperty("AsString")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<string>), extends.GetProperty("AsArray")!.PropertyType);
        Assert.Equal(typeof(long?), Type("TestProject.ToolPort").GetProperty("AsInteger")!.PropertyType);
        Assert.Equal(Type("TestProject.Plugin"), Type("TestProject.ToolPlugin").GetProperty("AsObject")!.PropertyType);
        // Members of one kind: a value of that kind, as wide as the widest member (a string, a number).
        Assert.Equal(typeof(string), tool.GetProperty("Same")!.PropertyType);
        Assert.Equal(typeof(string), tool.GetProperty("Mode")!.PropertyType);
        Assert.Equal(typeof(double?), tool.GetProperty("Ratio")!.PropertyType);
        // Several members of one kind beside another kind: one accessor per kind, holding every member of its kind.
        var rule = Type("TestProject.ToolRule");
        Assert.Equal(rule, tool.GetProperty("Rule")!.PropertyType);
        Assert.Equal(typeof(Nullable<>).MakeGenericType(Type("TestProject.ToolRuleString")), rule.GetProperty("AsString")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<JsonElement>), rule.GetProperty("AsArray")!.PropertyType);
        // A type list: one accessor per type, the schema's items typing the array.
        var script = Type("TestProject.ToolScript");
        Assert.Equal(script, tool.GetProperty("Script")!.PropertyType);
        Assert.Equal(typeof(string), script.GetProperty("AsString")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<string>), script.GetProperty("AsArray")!.PropertyType);
        // With "null" among the types, the property is nullable (the union has no accessor for it).
        Assert.Equal(Type("TestProject.QuotaLimit"), Type("TestProject.Quota").GetProperty("Limit")!.PropertyType);
        Assert.Equal(typeof(long?), Type("TestProject.QuotaLimit").GetProperty("AsInteger")!.PropertyType);
        Assert.Equal(typeof(bool?), Type("TestProject.QuotaLimit").GetProperty("AsBoolean")!.PropertyType);
        // An enum of values of several kinds: one accessor per kind.
        Assert.Equal(Type("TestProject.QuotaVersion"), Type("TestProject.Quota").GetProperty("Version")!.PropertyType);
        Assert.Equal(typeof(long?), Type("TestProject.QuotaVersion").GetProperty("AsInteger")!.PropertyType);
        Assert.Equal(typeof(string), Type("TestProject.QuotaVersion").GetProperty("AsString")!.PropertyType);
        // A root union of kinds is its own entry point: no document record around it.
        Assert.Equal(typeof(bool?), Type("TestProject.Setting").GetProperty("AsBoolean")!.PropertyType);
    }

    [Theory]
    [InlineData("""{ "extends": "base", "port": 8080, "plugin": { "name": "x" } }""", """base|8080|{x}|{"extends":"base","port":8080,"plugin":{"name":"x"}}""")]
    [InlineData("""{ "extends": ["a", "b"], "port": "$PORT", "plugin": "x" }""", """a+b|$PORT|x|{"extends":["a","b"],"port":"$PORT","plugin":"x"}""")]
    [InlineData("""{ "port": null }""", """-|-|-|{"port":null}""")]
    public void The_accessor_of_the_values_kind_is_set_and_the_value_writes_back(string json, string expected)
        => Assert.Equal(expected, Call("Tool", json));

    [Theory]
    [InlineData("""{ "extends": 5 }""", "invalid:/extends")]
    [InlineData("""{ "port": 0 }""", "invalid:/port")]
    [InlineData("""{ "plugin": {} }""", "invalid:/plugin")]
    public void The_unions_validator_still_decides(string json, string expected)
        => Assert.Equal(expected, Call("Tool", json));

    [Theory]
    [InlineData("true", "True|true")]
    [InlineData("""{ "a": 1.5 }""", """a=1.5|{"a":1.5}""")]
    [InlineData("\"x\"", "invalid:1")]
    public void A_root_union_of_kinds_parses_through_its_own_record(string json, string expected)
        => Assert.Equal(expected, Call("Setting", json));

    [Theory]
    [InlineData("""{ "same": "ab", "mode": "x-1", "ratio": 3, "rule": "on", "script": "make" }""",
        """ab|x-1|3|On|make|{"port":null,"same":"ab","mode":"x-1","ratio":3,"rule":"on","script":"make"}""")]
    [InlineData("""{ "mode": "fast", "ratio": 0.5, "rule": ["off", { "a": 1 }], "script": ["a", "b"] }""",
        """-|fast|0.5|[2]|a+b|{"port":null,"mode":"fast","ratio":0.5,"rule":["off",{"a":1}],"script":["a","b"]}""")]
    public void Members_of_one_kind_and_type_lists_bind_typed_and_write_back(string json, string expected)
        => Assert.Equal(expected, Call("Kinds", json));

    [Theory]
    [InlineData("""{ "limit": 5 }""", """5|-|{"limit":5}""")]
    [InlineData("""{ "limit": false, "version": 1 }""", """False|#1|{"limit":false,"version":1}""")]
    [InlineData("""{ "limit": null, "version": "1" }""", """-|1|{"limit":null,"version":"1"}""")]
    [InlineData("""{ "limit": "5" }""", "invalid:/limit")]
    [InlineData("""{ "version": 2 }""", "invalid:/version")]
    [InlineData("""{ "version": "2" }""", "invalid:/version")]
    public void Type_lists_and_enums_of_several_kinds_are_unions_of_kinds(string json, string expected)
        => Assert.Equal(expected, Call("Quota", json));

    [Theory]
    [InlineData("""{ "same": "a" }""", "invalid:/same")]
    [InlineData("""{ "mode": "medium" }""", "invalid:/mode")]
    [InlineData("""{ "ratio": 1.5 }""", "invalid:/ratio")]
    [InlineData("""{ "rule": ["on", 1] }""", "invalid:/rule")]
    [InlineData("""{ "script": [1] }""", "invalid:/script/0")]
    public void Members_of_one_kind_and_type_lists_are_still_validated_whole(string json, string expected)
        => Assert.Equal(expected, Call("Kinds", json));

    [Fact]
    public void Kind_unions_holding_lists_compare_by_content()
        => Assert.Equal("True", Call("SameTool", """{ "extends": ["a"] }""", """{ "extends": ["a"] }"""));

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
