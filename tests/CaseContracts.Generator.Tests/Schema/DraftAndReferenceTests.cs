using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CaseContracts.Generator.Tests.Schema;

/// <summary>
/// Drafts by <c>$schema</c> (and the default for files without one), each draft's own meaning where drafts
/// differ, references resolved against base URIs, and which keywords are said nothing about.
/// </summary>
public sealed class DraftAndReferenceTests
{
    private const string Path = "/project/schema/order.schema.json";

    private static SchemaDocument Read(string json, SchemaDraft defaultDraft = SchemaDrafts.Default)
        => SchemaReader.Read(Path, SourceText.From(json), default, defaultDraft: defaultDraft);

    [Theory]
    [InlineData("http://json-schema.org/draft-04/schema#", SchemaDraft.Draft4)]
    [InlineData("http://json-schema.org/draft-06/schema#", SchemaDraft.Draft6)]
    [InlineData("http://json-schema.org/draft-07/schema", SchemaDraft.Draft7)]
    [InlineData("https://json-schema.org/draft/2019-09/schema", SchemaDraft.Draft201909)]
    [InlineData("https://json-schema.org/draft/2020-12/schema", SchemaDraft.Draft202012)]
    [InlineData("http://example.com/not-a-draft", null)]
    public void A_schema_URI_names_its_draft(string uri, object? draft) => Assert.Equal((SchemaDraft?)draft, SchemaDrafts.FromUri(uri));

    [Theory]
    [InlineData("4", SchemaDraft.Draft4)]
    [InlineData("draft-04", SchemaDraft.Draft4)]
    [InlineData("6", SchemaDraft.Draft6)]
    [InlineData("Draft7", SchemaDraft.Draft7)]
    [InlineData("2019-09", SchemaDraft.Draft201909)]
    [InlineData("draft2020-12", SchemaDraft.Draft202012)]
    [InlineData("https://json-schema.org/draft/2020-12/schema", SchemaDraft.Draft202012)]
    [InlineData("8", null)]
    [InlineData("", null)]
    public void The_default_draft_option_accepts_numbers_names_and_URIs(string value, object? draft) => Assert.Equal((SchemaDraft?)draft, SchemaDrafts.FromOption(value));

    [Fact]
    public void Draft_4_boolean_exclusiveMaximum_makes_maximum_exclusive_in_a_file_read_as_draft_4()
    {
        const string Schema = """{ "type": "number", "maximum": 3, "exclusiveMaximum": true, "minimum": 1, "exclusiveMinimum": false }""";

        var root = Read(Schema, SchemaDraft.Draft4).ValidationNodes.Single(n => n.Key == Path + "#");

        Assert.Null(Bound(root, "maximum"));
        Assert.Equal("3", Bound(root, "exclusiveMaximum"));
        Assert.Equal("1", Bound(root, "minimum"));
        Assert.Null(Bound(root, "exclusiveMinimum"));
    }

    [Fact]
    public void A_file_naming_draft_4_is_read_as_draft_4_whatever_the_default()
    {
        const string Schema = """{ "$schema": "http://json-schema.org/draft-04/schema#", "maximum": 3, "exclusiveMaximum": true }""";

        var root = Read(Schema, SchemaDraft.Draft202012).ValidationNodes.Single(n => n.Key == Path + "#");

        Assert.Equal("3", Bound(root, "exclusiveMaximum"));
        Assert.Empty(Read(Schema).Diagnostics);
    }

    [Fact]
    public void A_numeric_exclusiveMaximum_in_draft_4_is_reported_at_the_keyword()
    {
        var document = Read("""{ "maximum": 3, "exclusiveMaximum": 2 }""", SchemaDraft.Draft4);

        var diagnostic = Assert.Single(document.Diagnostics, d => d.DescriptorId == "CC0007");
        Assert.Equal(0, diagnostic.Location.Line); // zero-based, as Roslyn counts
        Assert.Contains("boolean in draft 4", diagnostic.MessageArgs.Single(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Annotations_identifiers_and_editor_extensions_are_known_silently()
    {
        const string Schema = """
            {
              "$id": "https://example.com/order.schema.json", "$comment": "c", "title": "Order", "deprecated": true,
              "markdownDescription": "**order**", "x-internal": 1, "readOnly": false, "contentMediaType": "text/plain",
              "type": "object",
              "$defs": { "id": { "$anchor": "id", "type": "string", "examples": ["a"] } },
              "properties": { "id": { "$ref": "#id" } }
            }
            """;

        Assert.Empty(Read(Schema, SchemaDraft.Draft202012).Diagnostics);
    }

    [Fact]
    public void An_unknown_keyword_that_looks_misspelt_is_a_warning_at_its_name_naming_the_keyword_meant()
    {
        var document = Read("""{ "type": "object", "requird": ["a"], "colour": "blue" }""");

        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal("CC0011", diagnostic.DescriptorId);
        Assert.Equal(["requird", "required"], diagnostic.MessageArgs.ToArray());
        Assert.Equal(20, diagnostic.Location.Column); // zero-based: the name's opening quote
    }

    [Fact]
    public void A_keyword_that_constrains_values_and_is_not_enforced_is_still_reported()
    {
        var document = Read("""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "disallow": "string" }""");

        Assert.Equal("disallow", Assert.Single(document.Diagnostics, d => d.DescriptorId == "CC0003").MessageArgs.Single());
    }

    [Fact]
    public void A_nested_id_changes_the_base_a_reference_is_resolved_against()
    {
        const string Schema = """
            {
              "$id": "http://example.com/root.json",
              "properties": { "a": { "$ref": "item.json" }, "b": { "$ref": "urn:example:thing#/$defs/x" } },
              "$defs": {
                "item": { "$id": "item.json", "type": "integer" },
                "thing": { "$id": "urn:example:thing", "$defs": { "x": { "type": "string" } } }
              }
            }
            """;

        var references = Read(Schema, SchemaDraft.Draft202012).References.ToDictionary(r => r.Written, r => r.TargetKey);

        Assert.Equal(Path + "#/$defs/item", references["item.json"]);
        Assert.Equal(Path + "#/$defs/thing/$defs/x", references["urn:example:thing#/$defs/x"]);
    }

    [Fact]
    public void A_reference_to_a_URI_no_file_defines_is_unresolved_and_never_fetched()
    {
        var references = Read("""{ "properties": { "a": { "$ref": "https://example.com/elsewhere.json#/x" } } }""").References;

        Assert.Equal("https://example.com/elsewhere.json#/x", Assert.Single(references).TargetKey);
    }

    [Fact]
    public void Deep_and_escaped_pointers_and_relative_files_resolve_without_any_id()
    {
        var references = Read("""
            { "properties": {
                "a": { "$ref": "#/definitions/update/properties/allow/items/properties/dependency-name" },
                "b": { "$ref": "#/definitions/a~1b/properties/c%25d" },
                "c": { "$ref": "../common/x.json#/a" } } }
            """).References.ToDictionary(r => r.Written, r => r.TargetKey);

        Assert.Equal(Path + "#/definitions/update/properties/allow/items/properties/dependency-name", references["#/definitions/update/properties/allow/items/properties/dependency-name"]);
        Assert.Equal(Path + "#/definitions/a~1b/properties/c%d", references["#/definitions/a~1b/properties/c%25d"]);
        Assert.Equal("/project/common/x.json#/a", references["../common/x.json#/a"]);
    }

    [Fact]
    public void Up_to_draft_7_a_ref_beside_other_keywords_is_the_whole_schema_and_from_2019_09_it_applies_with_them()
    {
        const string Schema = """{ "$defs": { "n": { "type": "integer" } }, "$ref": "#/$defs/n", "maximum": 3 }""";

        var draft7 = Read(Schema).ValidationNodes.Single(n => n.Key == Path + "#");
        var draft2019 = Read(Schema, SchemaDraft.Draft201909).ValidationNodes.Single(n => n.Key == Path + "#");

        Assert.Equal(Path + "#/$defs/n", draft7.RefKey);
        Assert.Null(Bound(draft7, "maximum"));
        Assert.Null(draft2019.RefKey);
        Assert.Equal("3", Bound(draft2019, "maximum"));
        Assert.Equal([Path + "#/$ref"], draft2019.AllOf.ToArray());
    }

    [Fact]
    public void A_file_read_as_draft_4_by_the_default_is_not_held_to_the_draft_7_meta_schema()
    {
        const string Schema = """{ "type": "number", "maximum": 3, "exclusiveMaximum": true }""";

        Assert.Empty(Read(Schema, SchemaDraft.Draft4).Diagnostics);
        Assert.Contains(Read(Schema).Diagnostics, d => d.DescriptorId is "CC0010" or "CC0007");
    }

    /// <summary>The argument of a bound keyword's assertion at <paramref name="node"/>, or null.</summary>
    private static string? Bound(ValidationNode node, string keyword)
        => node.Assertions.FirstOrDefault(a => a.Keyword == keyword)?.Argument;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_custom_meta_schema_without_the_validation_vocabulary_leaves_validation_keywords_unapplied_and_applicators_applied(bool listsValidation)
    {
        var vocabularies = """ "https://json-schema.org/draft/2020-12/vocab/core": true, "https://json-schema.org/draft/2020-12/vocab/applicator": true """
            + (listsValidation ? """, "https://json-schema.org/draft/2020-12/vocab/validation": true """ : string.Empty);
        var meta = SchemaReader.Read("/project/schema/dialect.schema.json", SourceText.From(
            """{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/dialect", "$vocabulary": { """ + vocabularies + " } }"), default);
        var schema = Read("""{ "$schema": "https://example.com/dialect", "properties": { "n": { "type": "integer", "minimum": 10 }, "no": false }, "required": ["n"] }""", SchemaDraft.Draft202012);
        var index = SchemaIndex.Create(new[] { meta, schema });

        var nodes = Pipeline.ValidatorPlanner.Plan(schema, index, new GeneratorOptions("Test", "schema", "/project"))!.Nodes;

        var number = nodes.Single(n => n.Key == Path + "#/properties/n");
        Assert.Equal(listsValidation, !number.Types.IsEmpty);
        Assert.Equal(listsValidation, !number.Assertions.IsEmpty);
        Assert.Equal(listsValidation, !nodes.Single(n => n.Key == Path + "#").Required.IsEmpty);
        Assert.True(nodes.Single(n => n.Key == Path + "#/properties/no").AlwaysFails);
    }
}
