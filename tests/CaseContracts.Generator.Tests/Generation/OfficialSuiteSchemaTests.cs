using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Every schema of the official JSON Schema Test Suite (draft 7, vendored under tests/data) goes
/// through the generator: it never throws, what it generates compiles, and a schema that uses a
/// keyword CaseContracts does not support gets the unsupported-keyword diagnostic (CC0003).
/// </summary>
public sealed class OfficialSuiteSchemaTests
{
    private static readonly string SuiteDirectory = Path.Combine(AppContext.BaseDirectory, "JsonSchemaTestSuite", "draft7");

    private static readonly string[] UnsupportedKeywords =
    [
        "not", "if", "then", "else", "dependencies", "propertyNames", "patternProperties", "contains",
        "additionalItems", "minProperties", "maxProperties", "$id",
    ];

    public static TheoryData<string> SuiteFiles()
        => new(Directory.GetFiles(SuiteDirectory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SuiteFiles))]
    public void Every_schema_of_the_suite_file_generates_without_exceptions_and_compiles(string file)
    {
        var groups = JsonNode.Parse(File.ReadAllText(Path.Combine(SuiteDirectory, file)))!.AsArray();
        Assert.NotEmpty(groups);

        foreach (var group in groups)
        {
            var schema = group!["schema"]!.ToJsonString();
            var result = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "suite.schema.json", schema)]);

            var context = $"{file}: {group["description"]}: {schema}";
            Assert.True(result.GeneratorException is null, context);
            Assert.False(result.GeneratorDiagnostics.Any(d => d.GetMessage().Contains("could not be processed")), context);
            Assert.True(!result.OutputCompilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error), context);
            if (UsesAny(group["schema"], UnsupportedKeywords))
            {
                Assert.True(result.GeneratorDiagnostics.Any(d => d.Id == "CC0003"), "CC0003 expected: " + context);
            }
        }
    }

    /// <summary>
    /// Whether one of <paramref name="keywords"/> is used at a schema position: values of const, enum,
    /// default and examples are data, and the keys under properties and definitions are names.
    /// </summary>
    private static bool UsesAny(JsonNode? node, string[] keywords) => node switch
    {
        JsonObject obj => obj.Any(p => keywords.Contains(p.Key)) ||
                          obj.Where(p => p.Key is not ("const" or "enum" or "default" or "examples" or "properties" or "definitions"))
                             .Any(p => UsesAny(p.Value, keywords)) ||
                          obj.Where(p => p.Key is "properties" or "definitions").Select(p => p.Value).OfType<JsonObject>()
                             .SelectMany(map => map.Select(e => e.Value)).Any(v => UsesAny(v, keywords)),
        JsonArray array => array.Any(item => UsesAny(item, keywords)),
        _ => false,
    };
}
