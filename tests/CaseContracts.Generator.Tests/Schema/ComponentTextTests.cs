using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Pipeline;
using CaseContracts.Generator.Schema;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CaseContracts.Generator.Tests.Schema;

/// <summary>
/// OpenAPI component texts are written once, by the reader, with a slot per <c>$ref</c>: the resolver fills
/// each slot with the component it names, or leaves it empty, and the text stays valid JSON either way.
/// </summary>
public sealed class ComponentTextTests
{
    private const string Dir = "/project/schema/";

    [Fact]
    public void Resolved_references_point_at_components_and_unresolved_ones_leave_valid_json()
    {
        var order = SchemaReader.Read(Dir + "order.schema.json", SourceText.From("""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "Order",
              "type": "object",
              "properties": {
                "customer": { "description": "who", "$ref": "customer.schema.json", "minLength": 3 },
                "first": { "$ref": "nowhere.schema.json", "title": "t" },
                "middle": { "title": "a", "$ref": "nowhere.schema.json", "$comment": "b" },
                "only": { "$ref": "nowhere.schema.json" },
                "$ref": { "type": "string" }
              }
            }
            """), default);
        var customer = SchemaReader.Read(Dir + "customer.schema.json", SourceText.From("""{ "title": "Customer", "type": "object", "properties": { "id": { "type": "string" } } }"""), default);
        var index = SchemaIndex.Create([order, customer]);

        var component = Assert.Single(OpenApiComponentResolver.Resolve(order, index));

        Assert.Equal(
            """{"title":"Order","type":"object","properties":{"customer":{"description":"who","$ref":"#/components/schemas/Customer"},"first":{"title":"t"},"middle":{"title":"a","$comment":"b"},"only":{},"$ref":{"type":"string"}}}""",
            component.Json);
        Assert.Equal(["Customer"], component.References.ToArray());
        Assert.Equal(4, order.Components[0].References.Count);
    }
}
