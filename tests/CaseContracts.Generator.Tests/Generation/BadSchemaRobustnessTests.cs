using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Whatever a schema file holds, the generator reports diagnostics and never throws (an exception
/// would drop all generated output, CS8785), and what it does generate compiles.
/// </summary>
public sealed class BadSchemaRobustnessTests
{
    [Theory]
    [InlineData("""{ "title": "T", "properties": 5 }""")]
    [InlineData("""{ "title": "T", "type": "strin" }""")]
    [InlineData("""{ "title": "T", "type": "object", "properties": { "a": { "$ref": 5 } } }""")]
    [InlineData("""{ "title": "T", "oneOf": [ { "$ref": "nowhere.schema.json" } ] }""")]
    [InlineData("""{ "title": "T", "oneOf": [ { "$ref": "#/definitions/a" }, { "$ref": "#/definitions/b" } ], "definitions": { "a": { "type": "string" }, "b": { "type": "integer" } } }""")]
    [InlineData("""{ "title": "T", "definitions": { "a": { "$ref": "#/definitions/b" }, "b": { "$ref": "#/definitions/a" } }, "type": "object", "properties": { "x": { "$ref": "#/definitions/a" } } }""")]
    [InlineData("""{ "title": "Node", "type": "object", "properties": { "children": { "type": "array", "items": { "$ref": "#" } } } }""")]
    [InlineData("""{ "title": "T", "type": "object", "properties": { "": { "type": "string" }, "1st": { "type": "string" }, "class": { "type": "string" }, "T": { "type": "string" }, "ToJson": { "type": "string" } } }""")]
    [InlineData("""{ "title": "T", "type": "object", "properties": { "s": { "enum": ["", "a b", "A-B", "a_b", "1"] } } }""")]
    [InlineData("""{ "title": "T", "type": "object", "properties": { "nested": { "type": "array", "items": { "type": "array", "items": { "type": ["integer", "null"] } } } } }""")]
    [InlineData("""{ "title": "T", "type": "object", "required": ["gone"], "additionalProperties": false, "properties": {} }""")]
    [InlineData("""{ "allOf": [ { "$ref": "#foo" } ], "definitions": { "A": { "$id": "#foo", "type": "integer" } } }""")]
    [InlineData("""{ "title": "T", "type": "object", "properties": { "$ref": { "type": "string" } } }""")]
    [InlineData("""true""")]
    [InlineData("")]
    public void Malformed_or_unusual_schema_never_throws_and_what_is_generated_compiles(string schema)
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "t.schema.json", schema)]);

        Assert.Null(result.GeneratorException);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.GetMessage().Contains("could not be processed"));
        Assert.Empty(result.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
