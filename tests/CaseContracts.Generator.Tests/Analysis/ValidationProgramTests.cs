using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CaseContracts.Generator.Analyzers;
using CaseContracts.Generator.Analyzers.Json;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Analysis;

/// <summary>The build-time evaluator on schemas the agreement tests cannot cover: it runs inside the compiler, so it must always end.</summary>
public sealed class ValidationProgramTests
{
    [Fact]
    public void A_schema_that_refers_to_itself_without_end_is_reported_not_followed_forever()
    {
        var model = ContractModel.Create(
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "loop.schema.json", """{ "allOf": [ { "$ref": "#" } ] }""")),
            new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string> { ["build_property.ProjectDir"] = GeneratorHarness.DefaultProjectDir }),
            CancellationToken.None)!;

        var violation = Assert.Single(model.Program.Evaluate(JsonTextParser.Parse("{}").Root!, model.Schemas["loop"].RootMethod));

        Assert.Equal(("$ref", "the schema refers to itself without end"), (violation.Keyword, violation.Message));
    }
}
