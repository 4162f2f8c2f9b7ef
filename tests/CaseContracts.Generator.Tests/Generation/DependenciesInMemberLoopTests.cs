using System;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// The array form of <c>dependencies</c> asks only which names an object has: the object's own member loop notes them, as
/// it does <c>required</c> names, and reports after them, instead of looking each name up by reading the object again.
/// An <c>if</c> that tests a member's presence with an empty schema (<c>"properties": {"x": {}}</c>) does not read the member.
/// </summary>
public sealed class DependenciesInMemberLoopTests
{
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Order",
          "type": "object",
          "properties": { "card": { "type": "string" }, "items": { "type": "array" } },
          "required": ["items"],
          "dependencies": { "card": ["billing", "holder"], "billing": ["card"] },
          "allOf": [ { "if": { "properties": { "items": {} }, "required": ["items"] }, "then": { "properties": { "card": { "maxLength": 4 } } } } ]
        }
        """;

    private static readonly Lazy<DocumentValidator> s_generated = new(() => DocumentValidator.Compile("order", Schema));

    [Fact]
    public void No_dependency_looks_a_name_up_by_reading_the_object_again()
    {
        var source = s_generated.Value.Source;

        Assert.DoesNotContain("SeekProperty", source, StringComparison.Ordinal);
        Assert.Contains("\"is required when card is present\"", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"items": []}""", "")]
    [InlineData("""{"items": [], "card": "visa"}""", "/billing dependencies, /holder dependencies")]
    [InlineData("""{"card": "visa", "billing": {}, "holder": "x"}""", "/items required")]
    [InlineData("""{"billing": {}, "holder": "x"}""", "/items required, /card dependencies")]
    [InlineData("""{"items": [], "card": "mastercard", "billing": {}, "holder": "x"}""", "/card maxLength")]
    [InlineData("""{"items": [], "c\u0061rd": "visa", "billing": 1}""", "/holder dependencies")]
    [InlineData("""["card"]""", " type")]
    public void Short_and_long_documents_get_the_same_errors(string json, string expected)
    {
        // Past the skip index's threshold, the condition looks members up in the member table.
        var indexed = json + new string(' ', 2_000);

        Assert.Equal(expected, Errors(json));
        Assert.Equal(expected, Errors(indexed));
    }

    private static string Errors(string json) => s_generated.Value.Errors(json);
}
