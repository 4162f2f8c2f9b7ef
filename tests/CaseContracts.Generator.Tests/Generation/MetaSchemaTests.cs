using System;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Every schema file is validated against its own draft's meta-schema (drafts 4, 6, 7, 2019-09 and 2020-12, with their
/// vocabularies), by the generator's own validation (the meta-schemas are embedded and checked like any schema): each
/// violation is a located diagnostic. A <c>$ref</c> to a draft's meta-schema URI names the embedded copy.
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

    [Theory]
    [InlineData("http://json-schema.org/draft-04/schema#", "\"uniqueItems\": \"yes\"", "#/properties/id/uniqueItems", "must be boolean", "draft-04")]
    [InlineData("http://json-schema.org/draft-06/schema#", "\"uniqueItems\": \"yes\"", "#/properties/id/uniqueItems", "must be boolean", "draft-06")]
    [InlineData("http://json-schema.org/draft-07/schema#", "\"readOnly\": \"yes\"", "#/properties/id/readOnly", "must be boolean", "draft-07")]
    [InlineData("https://json-schema.org/draft/2019-09/schema", "\"readOnly\": \"yes\"", "#/properties/id/readOnly", "must be boolean", "2019-09")]
    [InlineData("https://json-schema.org/draft/2020-12/schema", "\"deprecated\": \"yes\"", "#/properties/id/deprecated", "must be boolean", "2020-12")]
    public void A_schema_is_held_to_its_own_drafts_meta_schema_with_a_located_diagnostic(string draft, string broken, string pointer, string rule, string name)
    {
        var text = $$"""
            {
              "$schema": "{{draft}}",
              "title": "Order",
              "type": "object",
              "properties": { "id": { "type": "string", {{broken}} } }
            }
            """;

        var result = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(Path, text)]);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CC0010", diagnostic.Id);
        Assert.Equal($"'{pointer}' {rule} (the {name} meta-schema requires it)", diagnostic.GetMessage());
        Assert.Equal(text.IndexOf(broken, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void What_one_draft_allows_and_another_forbids_is_judged_by_the_files_own_draft()
    {
        // Draft 4's meta-schema requires at least one name in "required"; from draft 6 on an empty list is allowed.
        const string Body = """ "title": "Order", "type": "object", "properties": { "id": { "type": "string" } }, "required": [] }""";

        var draft4 = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(Path, """{ "$schema": "http://json-schema.org/draft-04/schema#",""" + Body)]);
        var draft6 = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(Path, """{ "$schema": "http://json-schema.org/draft-06/schema#",""" + Body)]);

        Assert.Equal("'#/required' must have at least 1 items (the draft-04 meta-schema requires it)", Assert.Single(draft4.GeneratorDiagnostics, d => d.Id == "CC0010").GetMessage());
        Assert.Empty(draft6.GeneratorDiagnostics);
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-04/schema#")]
    [InlineData("http://json-schema.org/draft-06/schema#")]
    [InlineData("http://json-schema.org/draft-07/schema#")]
    [InlineData("https://json-schema.org/draft/2019-09/schema")]
    [InlineData("https://json-schema.org/draft/2020-12/schema")]
    public void A_ref_to_a_drafts_meta_schema_resolves_to_the_embedded_copy_and_validates_schemas(string draft)
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "plugin.schema.json", $$"""
            { "$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": { "settings": { "$ref": "{{draft}}" } } }
            """)]);

        Assert.Empty(result.GeneratorDiagnostics);
        var validators = result.EmitAndLoad().GetType(GeneratorHarness.DefaultRootNamespace + ".SchemaValidators", throwOnError: true)!;
        var entry = validators.GetMethod("ValidateDocument_plugin", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)!
            .CreateDelegate<ValidateDocument>();
        Assert.Null(entry(System.Text.Encoding.UTF8.GetBytes("""{ "settings": { "type": "string", "minLength": 1 } }"""), out _));
        Assert.NotNull(entry(System.Text.Encoding.UTF8.GetBytes("""{ "settings": { "type": 5 } }"""), out _));
        Assert.NotNull(entry(System.Text.Encoding.UTF8.GetBytes("""{ "settings": { "properties": { "a": { "minLength": -1 } } } }"""), out _));
    }

    private delegate object? ValidateDocument(ReadOnlySpan<byte> utf8Json, out string? malformed);

    [Fact]
    public void The_repository_schemas_conform_to_their_meta_schema()
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), SchemaFiles.LoadRepositorySchemas());

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CC0010");
    }
}
