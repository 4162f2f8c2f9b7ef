using System;
using System.Linq;
using System.Reflection;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Errors' JSON Pointers, built from the generated code's constants, from names read in the document and from
/// element indices: escaped as RFC 6901 says, at any depth, and the same on every run (joined pointers are kept).
/// </summary>
public sealed class ErrorPointerTests
{
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Doc",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "a/b": { "type": "object", "additionalProperties": false, "properties": { "m~n": { "type": "integer" } } },
            "list": { "type": "array", "items": { "type": "object", "additionalProperties": false, "properties": { "x": { "type": "string" } } } },
            "map": { "type": "object", "additionalProperties": { "type": "object", "properties": { "v": { "type": "string" } } } }
          }
        }
        """;

    private const string Consumer = """
        using System.Linq;
        namespace Consumer
        {
            public static class Probe
            {
                // Past the default limit of reported errors: these tests look at the pointers of hundreds.
                public static string Paths(string json)
                    => string.Join(" ", global::Pointers.Doc.TryParse(System.Text.Encoding.UTF8.GetBytes(json), maxErrors: 1000).Errors.Select(e => e.Path + ":" + e.Keyword));
            }
        }
        """;

    private static readonly Lazy<MethodInfo> s_paths = new(() =>
    {
        var result = GeneratorHarness.Run(
            new ContractGenerator(),
            [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "doc.schema.json", Schema)],
            [Consumer],
            globalOptions: new System.Collections.Generic.Dictionary<string, string> { ["build_property.CaseContractsNamespace"] = "Pointers" });
        result.AssertCompilesWithoutWarnings();
        return result.EmitAndLoad().GetType("Consumer.Probe", throwOnError: true)!.GetMethod("Paths")!;
    });

    [Fact]
    public void Names_with_a_slash_or_a_tilde_are_escaped_whether_the_schema_or_the_document_names_them()
    {
        Assert.Equal(
            "/a~1b/m~0n:type /a~1b/q~1r:additionalProperties /map/k~01/v:type /extra~0:additionalProperties",
            Paths("""{"a/b":{"m~n":"x","q/r":1},"map":{"k~1":{"v":3}},"extra~":true}"""));
    }

    [Fact]
    public void Elements_are_numbered_below_and_beyond_the_kept_indices()
    {
        var items = Enumerable.Range(0, 301).Select(i => i is 0 or 7 or 300 ? """{"x":1}""" : """{"x":"ok"}""");

        Assert.Equal("/list/0/x:type /list/7/x:type /list/300/x:type", Paths("""{"list":[""" + string.Join(",", items) + "]}"));
    }

    [Fact]
    public void Hundreds_of_errors_each_get_their_own_pointer()
    {
        var items = Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? """{"x":1}""" : """{"y":2}""");

        var paths = Paths("""{"list":[""" + string.Join(",", items) + "]}").Split(' ');

        Assert.Equal(Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? $"/list/{i}/x:type" : $"/list/{i}/y:additionalProperties"), paths);
    }

    [Fact]
    public void The_same_errors_get_the_same_pointers_on_every_run_and_different_places_never_mix()
    {
        const string First = """{"a/b":{"m~n":"x"},"list":[{"x":1},{"y":2}]}""";
        const string Second = """{"list":[{"y":2},{"x":1}],"a/b":{"z":0}}""";

        var expectedFirst = "/a~1b/m~0n:type /list/0/x:type /list/1/y:additionalProperties";
        var expectedSecond = "/list/0/y:additionalProperties /list/1/x:type /a~1b/z:additionalProperties";
        for (var run = 0; run < 3; run++)
        {
            Assert.Equal(expectedFirst, Paths(First));
            Assert.Equal(expectedSecond, Paths(Second));
        }
    }

    private static string Paths(string json) => (string)s_paths.Value.Invoke(null, [json])!;
}
