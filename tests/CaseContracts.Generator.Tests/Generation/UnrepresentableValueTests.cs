using System;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// The schema fuzz's silent-wrong-code findings: a schema value C# cannot represent, or a keyword no draft
/// allows in that form, is a located diagnostic at the keyword; the generated code still compiles, and no
/// message carries an exception's text.
/// </summary>
public sealed class UnrepresentableValueTests
{
    private const string Path = SchemaFiles.VirtualSchemaDirectory + "t.schema.json";

    [Theory]
    [InlineData("""{ "title": "T", "type": "object", "properties": { "flag": { "type": "boolean", "const": 1e400 } } }""", "const")]
    [InlineData("""{ "title": "T", "type": "object", "properties": { "level": { "enum": [1, 1e400] } } }""", "enum")]
    [InlineData("""{ "title": "T", "type": "object", "properties": { "count": { "type": "integer", "minimum": 1e400 } } }""", "minimum")]
    [InlineData("""{ "title": "T", "type": "object", "properties": { "count": { "type": "integer", "exclusiveMaximum": -1e400 } } }""", "exclusiveMaximum")]
    [InlineData("""{ "title": "T", "type": "object", "properties": { "any": { "type": [] } } }""", "type")]
    public void Is_a_located_diagnostic_at_the_keyword_with_no_error_in_generated_code(string schema, string keyword)
    {
        var text = Format(schema);
        var result = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(Path, text)]);

        Assert.Null(result.GeneratorException);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id is "CC0007" or "CC0010");
        Assert.Contains($"'{keyword}'", diagnostic.GetMessage(), StringComparison.Ordinal);
        // At the (last, innermost) keyword's name.
        Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(text.LastIndexOf($"\"{keyword}\"", StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.GetMessage().Contains("Exception", StringComparison.Ordinal) || d.GetMessage().Contains("Infinity", StringComparison.Ordinal));
        Assert.Empty(result.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        // The fuzz's finding: a constant "Infinity" written into every document.
        Assert.DoesNotContain(result.GeneratedSources.Values, source => source.Contains("\"Infinity\"", StringComparison.Ordinal));
    }

    /// <summary>The root's members on lines of their own, as a schema file has them.</summary>
    private static string Format(string schema) => schema.Replace("{ \"title\": \"T\", ", "{\n  \"title\": \"T\",\n  ").Replace(", \"properties\"", ",\n  \"properties\"");
}
