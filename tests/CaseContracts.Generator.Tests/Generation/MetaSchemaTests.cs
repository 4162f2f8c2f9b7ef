using System;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Every draft-07 schema file is validated against the draft-07 meta-schema, by the generator's own validation
/// (the meta-schema is embedded and checked like any schema): each violation is a located diagnostic.
/// </summary>
public sealed class MetaSchemaTests
{
    private const string Path = SchemaFiles.VirtualSchemaDirectory + "broken.schema.json";

    // Eleven ways to break the meta-schema, one per line; the marker after each is where its diagnostic must be.
    private const string ElevenWays = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": 5,
          "description": ["not", "a", "string"],
          "type": "object",
          "required": ["id", "id"],
          "additionalProperties": "no",
          "properties": {
            "id": { "type": "string", "readOnly": "yes" },
            "tags": { "type": "array", "items": 5, "uniqueItems": "sometimes" },
            "kind": { "enum": [] },
            "either": { "anyOf": [] },
            "size": { "type": "integer", "minimum": "0" },
            "more": { "properties": [] }
          }
        }
        """;

    private static readonly string[] s_brokenKeywords =
    [
        "\"title\"", "\"description\"", "\"required\"", "\"additionalProperties\"", "\"readOnly\"", "\"items\"", "\"uniqueItems\"",
        "\"enum\"", "\"anyOf\"", "\"minimum\"", "\"properties\": []",
    ];

    [Fact]
    public void A_schema_breaking_its_meta_schema_in_eleven_ways_gets_a_located_diagnostic_for_each()
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(Path, ElevenWays)]);

        Assert.Null(result.GeneratorException);
        var expected = s_brokenKeywords.Select(keyword => ElevenWays.IndexOf(keyword, StringComparison.Ordinal)).Order().ToArray();
        Assert.DoesNotContain(-1, expected);
        var found = result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.All(found, d => Assert.Equal(Path, d.Location.GetLineSpan().Path));
        Assert.Equal(expected, found.Select(d => d.Location.SourceSpan.Start).Order());
        Assert.All(found, d => Assert.Contains(d.Id, new[] { "CC0007", "CC0010" }));
        Assert.DoesNotContain(found, d => d.GetMessage().Contains("Exception", StringComparison.Ordinal));
        Assert.Empty(result.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_meta_schema_violation_names_the_position_and_the_rule_it_breaks()
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(Path, """
            {
              "title": "Order",
              "type": "object",
              "properties": { "lines": { "type": "array", "uniqueItems": "sometimes" } }
            }
            """)]);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CC0010", diagnostic.Id);
        Assert.Equal("'#/properties/lines/uniqueItems' must be boolean (the draft-07 meta-schema requires it)", diagnostic.GetMessage());
    }

    [Fact]
    public void A_schema_of_another_draft_is_not_held_to_draft_07()
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(Path, """
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Order", "type": "object", "properties": { "id": { "type": "string", "readOnly": "yes" } } }
            """)]);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CC0010");
    }

    [Fact]
    public void The_repository_schemas_conform_to_their_meta_schema()
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), SchemaFiles.LoadRepositorySchemas());

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CC0010");
    }
}
