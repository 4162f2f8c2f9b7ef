using System.Linq;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Schema;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CaseContracts.Generator.Tests.Schema;

/// <summary>
/// The one located schema model: a schema file parsed once into a node per schema position, each with its
/// JSON pointer, its key and its place in the text; keyword values kept as the JSON they were written as.
/// </summary>
public sealed class SchemaModelTests
{
    private const string Path = "/project/schema/order.schema.json";

    private const string Order = """
        {
          "title": "Order",
          "type": "object",
          "properties": {
            "a/b": { "type": "string", "minLength": 1 },
            "lines": { "type": "array", "items": { "$ref": "#/definitions/line" } }
          },
          "definitions": {
            "line": { "anyOf": [ { "type": "integer" }, true ] }
          }
        }
        """;

    [Fact]
    public void Every_schema_position_is_a_node_with_its_pointer_and_key()
    {
        var root = Read(Order);

        var pointers = Descendants(root).Select(n => n.Pointer).ToArray();

        Assert.Equal(
            [
                "#", "#/properties/a~1b", "#/properties/lines", "#/properties/lines/items",
                "#/definitions/line", "#/definitions/line/anyOf/0", "#/definitions/line/anyOf/1",
            ],
            pointers);
        Assert.Equal(Path + "#/properties/lines/items", root.Entry("properties", "lines")!.Child("items")!.Key);
        Assert.True(root.Entry("definitions", "line")!.Children("anyOf")[1].IsBoolean);
    }

    [Fact]
    public void Keyword_values_are_located_raw_json_with_typed_accessors()
    {
        var text = SourceText.From(Order);
        var root = Read(Order);
        var title = root.Entry("properties", "a/b")!;
        var minLength = title.Keyword("minLength")!;

        var location = new SchemaLocator(Path, text).NameOf(minLength);

        Assert.Equal(JsonNodeKind.Number, minLength.Value.Kind);
        Assert.Equal("1", minLength.Value.Text);
        Assert.Equal("string", title.String("type"));
        Assert.Null(title.Boolean("type"));
        Assert.Equal((4, 31), (location.Line, location.Column));
        Assert.Equal("\"minLength\"", Order.Substring(location.Start, location.Length));
    }

    [Fact]
    public void Numbers_keep_the_text_they_were_written_with()
    {
        var root = Read("""{ "const": 1e400, "enum": [0.10, 2.0, -0] }""");

        Assert.Equal("1e400", root.Value("const")!.ToJson());
        Assert.False(root.Value("const")!.TryGetDouble(out _));
        Assert.Equal("[0.10,2.0,-0]", root.Value("enum")!.ToJson());
        Assert.True(root.Array("enum")![1].IsIntegral);
    }

    [Fact]
    public void A_schema_file_is_read_with_its_comments_and_a_duplicate_name_is_a_located_CC0001()
    {
        var commented = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(Path, """
            {
              // the order a customer places
              "title": "Order", /* its C# name */
              "type": "object",
              "properties": { "id": { "type": "string" } }
            }
            """)]);
        var duplicated = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(Path, """
            {
              "title": "Order",
              "properties": { "id": { "type": "string" }, "id": { "type": "integer" } }
            }
            """)]);

        Assert.Empty(commented.GeneratorDiagnostics);
        Assert.Contains("TestProject.Order.g.cs", commented.GeneratedSources.Keys);
        var diagnostic = Assert.Single(duplicated.GeneratorDiagnostics);
        Assert.Equal("CC0001", diagnostic.Id);
        Assert.Contains("'id' appears twice", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal((2, 46), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
    }

    private static SchemaNode Read(string json) => SchemaNode.Root(Path, JsonTextParser.Parse(json, allowComments: true).Root!);

    private static System.Collections.Generic.IEnumerable<SchemaNode> Descendants(SchemaNode node)
        => new[] { node }.Concat(node.AllChildren().SelectMany(Descendants));
}
