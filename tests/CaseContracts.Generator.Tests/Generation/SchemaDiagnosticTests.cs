using System.Collections.Immutable;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Each schema problem is reported at its line and column inside the .json file, and the other
/// schema files keep generating. Lines and columns below are one-based, as an editor shows them.
/// </summary>
public sealed class SchemaDiagnosticTests
{
    private const string Dir = SchemaFiles.VirtualSchemaDirectory;

    // A healthy schema beside every broken one: it must still generate.
    private static readonly AdditionalText Healthy = new InMemoryAdditionalText(Dir + "healthy.schema.json", """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Healthy",
          "type": "object",
          "properties": { "name": { "type": "string" } }
        }
        """);

    [Fact]
    public void CC0001_invalid_json_is_reported_where_the_parser_stopped()
    {
        var result = Run("broken.schema.json", """
            {
              "title": "Broken",
              "type": "object",,
              "properties": {}
            }
            """);

        // At the second comma itself: the character no JSON parser can accept there.
        var diagnostic = AssertSingle(result, "CC0001", "broken.schema.json", line: 3, column: 20);
        Assert.Contains("',' where a property name was expected", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void CC0002_unresolvable_reference_is_reported_at_the_ref_value()
    {
        var result = Run("order.schema.json", """
            {
              "title": "Order",
              "type": "object",
              "properties": {
                "customer": { "$ref": "customer.schema.json" }
              }
            }
            """);

        var diagnostic = AssertSingle(result, "CC0002", "order.schema.json", line: 5, column: 27);
        Assert.Contains("customer.schema.json", diagnostic.GetMessage());
    }

    [Fact]
    public void CC0002_reference_to_a_missing_definition_is_reported()
    {
        var result = Run("order.schema.json", """
            {
              "title": "Order",
              "type": "object",
              "properties": {
                "customer": { "$ref": "#/definitions/customer" }
              }
            }
            """);

        AssertSingle(result, "CC0002", "order.schema.json", line: 5, column: 27);
    }

    [Fact]
    public void CC0002_every_reference_is_checked_once_wherever_it_stands()
    {
        var result = Run("order.schema.json", """
            {
              "title": "Order",
              "type": "object",
              "properties": {
                "payer": { "oneOf": [ { "$ref": "a.schema.json" }, { "$ref": "b.schema.json" }, { "type": "null" } ] }
              },
              "additionalProperties": { "$ref": "c.schema.json" }
            }
            """);

        var unresolved = result.GeneratorDiagnostics.Where(d => d.Id == "CC0002").Select(d => d.GetMessage()).ToArray();
        Assert.Equal(3, unresolved.Length);
        Assert.Contains(unresolved, m => m.Contains("'c.schema.json'"));
    }

    [Fact]
    public void CC0007_misspelt_type_name_is_reported_at_the_value()
    {
        var result = Run("order.schema.json", """
            {
              "title": "Order",
              "type": "object",
              "properties": { "code": { "type": "strng" } }
            }
            """);

        var diagnostic = result.GeneratorDiagnostics.First(d => d.Id == "CC0007");
        Assert.Equal((4, 37), (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1));
        Assert.Contains("strng", diagnostic.GetMessage());
    }

    [Fact]
    public void CC0003_unsupported_keyword_is_reported_at_the_keyword_at_any_depth()
    {
        var result = Run("order.schema.json", """
            {
              "title": "Order",
              "type": "object",
              "properties": {
                "code": { "type": "string", "disallow": "null" },
                "x-owner": { "type": "string" }
              },
              "x-team": "payments"
            }
            """);

        var diagnostic = AssertSingle(result, "CC0003", "order.schema.json", line: 5, column: 33);
        Assert.Contains("'disallow'", diagnostic.GetMessage());
        Assert.Contains("TestProject.Order.g.cs", result.GeneratedSources.Keys);
    }

    [Fact]
    public void CC0007_a_patternProperties_pattern_that_cannot_run_is_reported_at_the_pattern()
    {
        var result = Run("labels.schema.json", """
            {
              "title": "Labels",
              "type": "object",
              "patternProperties": { "^ok$": true, "([a-z]": { "type": "string" } },
              "additionalProperties": false
            }
            """);

        var diagnostic = result.GeneratorDiagnostics.Single(d => d.Id == "CC0007");
        Assert.Equal((4, 40), (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1));
        Assert.Contains("([a-z]", diagnostic.GetMessage());
    }

    [Fact]
    public void CC0004_duplicate_discriminator_value_is_reported_at_the_second_member()
    {
        var result = Run(
            ("pet.schema.json", """
                {
                  "title": "Pet",
                  "oneOf": [
                    { "$ref": "cat.schema.json" },
                    { "$ref": "lion.schema.json" }
                  ]
                }
                """),
            ("cat.schema.json", Variant("Cat", "cat")),
            ("lion.schema.json", Variant("Lion", "cat")));

        var diagnostic = AssertSingle(result, "CC0004", "pet.schema.json", line: 5, column: 15);
        Assert.Contains("'cat'", diagnostic.GetMessage());
        Assert.Contains("TestProject.Pet.Cat.g.cs", result.GeneratedSources.Keys);
        Assert.DoesNotContain("TestProject.Pet.Lion.g.cs", result.GeneratedSources.Keys);
    }

    [Fact]
    public void CC0005_two_schemas_with_the_same_type_name_are_reported_at_the_second()
    {
        var result = Run(
            ("a.schema.json", """{ "title": "Item", "type": "object", "properties": { "a": { "type": "string" } } }"""),
            ("b.schema.json", """
                {
                  "title": "Item",
                  "type": "object",
                  "properties": { "b": { "type": "string" } }
                }
                """));

        var diagnostic = AssertSingle(result, "CC0005", "b.schema.json", line: 1, column: 1);
        Assert.Contains("'Item'", diagnostic.GetMessage());
        Assert.Contains("TestProject.Item.g.cs", result.GeneratedSources.Keys);
    }

    [Fact]
    public void Two_properties_with_the_same_csharp_name_are_both_bound_the_second_numbered_without_a_diagnostic()
    {
        var result = Run("event.schema.json", """
            {
              "title": "Event",
              "type": "object",
              "properties": {
                "closed_at": { "type": "string" },
                "closedAt": { "type": "string" }
              }
            }
            """);

        Assert.Empty(result.GeneratorDiagnostics);
        var record = result.GeneratedSources["TestProject.Event.g.cs"];
        Assert.Contains(" ClosedAt { get; init; }", record);
        Assert.Contains(" ClosedAt2 { get; init; }", record);
    }

    [Fact]
    public void CC0006_json_that_is_not_a_schema_is_skipped_with_a_warning()
    {
        var result = Run("example-request.json", """{ "title": "A case", "tags": [] }""");

        var diagnostic = AssertSingle(result, "CC0006", "example-request.json", line: 1, column: 1);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.DoesNotContain(result.GeneratedSources.Keys, k => k.Contains("ExampleRequest"));
    }

    [Fact]
    public void CC0007_structurally_invalid_schema_is_reported()
    {
        var result = Run("list.schema.json", """
            [
              { "type": "string" }
            ]
            """);

        AssertSingle(result, "CC0007", "list.schema.json", line: 1, column: 1);
    }

    private static string Variant(string title, string kind) => $$"""
        {
          "title": "{{title}}",
          "type": "object",
          "additionalProperties": false,
          "required": ["kind"],
          "properties": { "kind": { "const": "{{kind}}" } }
        }
        """;

    private static GeneratorHarnessResult Run(string file, string content) => Run((file, content));

    private static GeneratorHarnessResult Run(params (string File, string Content)[] files)
    {
        var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(Dir + f.File, f.Content)).Append(Healthy);
        return GeneratorHarness.Run(new ContractGenerator(), texts);
    }

    /// <summary>Exactly one diagnostic with <paramref name="id"/>, at that place; and the healthy schema still generated.</summary>
    private static Diagnostic AssertSingle(GeneratorHarnessResult result, string id, string file, int line, int column)
    {
        Assert.Null(result.GeneratorException);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Dir + file, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Contains("TestProject.Healthy.g.cs", result.GeneratedSources.Keys);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CC0007" && id != "CC0007");
        return diagnostic;
    }
}
