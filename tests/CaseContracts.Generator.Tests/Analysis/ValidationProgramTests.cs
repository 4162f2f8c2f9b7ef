using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CaseContracts.Generator.Analyzers;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Analysis;

/// <summary>The build-time evaluator on schemas the agreement tests cannot cover: it runs inside the compiler, so it must always end.</summary>
public sealed class ValidationProgramTests
{
    [Theory]
    [InlineData("""{ "allOf": [ { "$ref": "#" } ] }""", "")]
    [InlineData("""{ "$ref": "#" }""", "")]
    [InlineData("""{ "definitions": { "a": { "$ref": "#/definitions/b" }, "b": { "$ref": "#/definitions/a" } }, "properties": { "x": { "allOf": [ { "$ref": "#/definitions/a" } ] } } }""", "/x")]
    public void A_schema_that_refers_to_itself_without_end_is_reported_where_the_cycle_closes_as_at_run_time(string schema, string pointer)
    {
        var model = ContractModel.Create(
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "loop.schema.json", schema)),
            new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string> { ["build_property.ProjectDir"] = GeneratorHarness.DefaultProjectDir }),
            CancellationToken.None)!;

        var violation = Assert.Single(model.Program.Evaluate(JsonTextParser.Parse("""{ "x": {} }""").Root!, model.Schemas["loop"].RootMethod));

        // The generated validator's words (ReferenceCycleTests runs it).
        Assert.Equal((pointer, "$ref", "the schema refers to itself without end (see diagnostic CC0008)"), (violation.Pointer, violation.Keyword, violation.Message));
    }
}
