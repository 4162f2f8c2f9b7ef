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
    public static TheoryData<string> SuiteFiles() => new(OfficialSuite.Files());

    [Theory]
    [MemberData(nameof(SuiteFiles))]
    public void Every_schema_of_the_suite_file_generates_without_exceptions_and_compiles(string file)
    {
        var groups = OfficialSuite.Groups(file);
        Assert.NotEmpty(groups);

        foreach (var group in groups)
        {
            var schema = group!["schema"]!.ToJsonString();
            var result = GeneratorHarness.Run(new ContractGenerator(), [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "suite.schema.json", schema)]);

            var context = $"{file}: {group["description"]}: {schema}";
            Assert.True(result.GeneratorException is null, context);
            Assert.False(result.GeneratorDiagnostics.Any(d => d.GetMessage().Contains("could not be processed")), context);
            Assert.True(!result.OutputCompilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error), context);
            if (OfficialSuite.UnsupportedFeature(group["schema"]) is { } feature && feature != "$ref (remote)")
            {
                Assert.True(result.GeneratorDiagnostics.Any(d => d.Id == "CC0003"), "CC0003 expected: " + context);
            }
        }
    }
}
