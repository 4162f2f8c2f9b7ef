using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.Json;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// An <c>allOf</c> with one member that asserts anything (the others <c>{}</c>, <c>true</c> or annotations), and nothing
/// beside it but a <c>type</c> that member takes anyway, is typed as that member: the list or record it names, not
/// JSON. The owner's validator still checks the whole <c>allOf</c>. Several asserting members stay JSON.
/// </summary>
public sealed class AllOfValueTests
{
    private const string Host = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Host",
          "type": "object",
          "properties": {
            "binaries": { "description": "paths", "allOf": [ { "$ref": "#/definitions/paths" }, {}, true ] },
            "css": { "type": "object", "allOf": [ { "$ref": "#/definitions/css" } ] },
            "both": { "allOf": [ { "$ref": "#/definitions/css" }, { "required": ["name"] } ] }
          },
          "additionalProperties": false,
          "definitions": {
            "paths": { "type": "array", "items": { "type": "string", "minLength": 1 } },
            "css": { "type": "object", "properties": { "name": { "type": "string" } }, "additionalProperties": false }
          }
        }
        """;

    private const string Consumer = """
        namespace Consumer
        {
            public static class Calls
            {
                public static string Host(string json)
                {
                    var result = global::TestProject.Host.TryParse(global::System.Text.Encoding.UTF8.GetBytes(json));
                    if (!result.IsValid) return "invalid:" + string.Join(",", global::System.Linq.Enumerable.Select(result.Errors, e => e.Path));
                    var host = result.Value;
                    return (host.Binaries is null ? "-" : string.Join("+", host.Binaries)) + "|" + (host.Css?.Name ?? "-") + "|" + host.ToJson();
                }
            }
        }
        """;

    private static readonly Lazy<(GeneratorHarnessResult Result, Assembly Assembly)> s_compiled = new(() =>
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "host.schema.json", Host)], [Consumer]);
        return (result, result.EmitAndLoad());
    });

    [Fact]
    public void The_schema_generates_without_diagnostics_and_compiles()
    {
        Assert.Empty(s_compiled.Value.Result.GeneratorDiagnostics);
        s_compiled.Value.Result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void An_allOf_with_one_asserting_member_is_typed_as_that_member()
    {
        var host = Type("TestProject.Host");
        Assert.Equal(typeof(IReadOnlyList<string>), host.GetProperty("Binaries")!.PropertyType);
        Assert.Equal(Type("TestProject.Css"), host.GetProperty("Css")!.PropertyType);
        Assert.Equal(typeof(JsonElement?), host.GetProperty("Both")!.PropertyType);
    }

    [Theory]
    [InlineData("""{ "binaries": ["a", "b"], "css": { "name": "x" } }""", """a+b|x|{"binaries":["a","b"],"css":{"name":"x"}}""")]
    [InlineData("""{ "css": {} }""", """-|-|{"css":{}}""")]
    [InlineData("""{ "binaries": [""] }""", "invalid:/binaries/0")]
    [InlineData("""{ "css": { "size": 1 } }""", "invalid:/css/size")]
    [InlineData("""{ "both": {} }""", "invalid:/both/name")]
    public void The_value_binds_typed_and_the_allOf_is_still_validated(string json, string expected)
    {
        try
        {
            Assert.Equal(expected, (string)Type("Consumer.Calls").GetMethod("Host")!.Invoke(null, [json])!);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static Type Type(string name) => s_compiled.Value.Assembly.GetType(name, throwOnError: true)!;
}
