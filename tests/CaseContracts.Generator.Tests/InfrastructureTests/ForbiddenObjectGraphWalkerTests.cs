using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using CaseContracts.Generator.Tests.Infrastructure;
using CaseContracts.Generator.Tests.InfrastructureTests.Fakes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CaseContracts.Generator.Tests.InfrastructureTests;

public sealed class ForbiddenObjectGraphWalkerTests
{
    private enum Kind { Plain }

    private sealed record Part(string Name, Location? Where);

    private sealed record Holder(string Name, ImmutableArray<Part> Parts);

    private sealed record CleanSpec(
        string Name,
        int Count,
        decimal? Limit,
        Kind Kind,
        ImmutableArray<string> Tags,
        ImmutableArray<CleanSpec> Children,
        IReadOnlyDictionary<string, int> Lookup);

    private sealed class Node
    {
        public Node? Next { get; set; }

        public object? Payload { get; set; }
    }

    [Fact]
    public void Finds_a_Location_inside_a_record_inside_an_ImmutableArray()
    {
        Location location = Location.Create("/project/schema/a.json", new TextSpan(0, 1), new LinePositionSpan(default, default));
        Holder holder = new("h", ImmutableArray.Create(new Part("clean", null), new Part("dirty", location)));

        ImmutableArray<string> found = ForbiddenObjectGraphWalker.FindForbidden(holder);

        string path = Assert.Single(found);
        Assert.StartsWith("root.Parts[1].Where (", path);
    }

    [Fact]
    public void Finds_the_objects_a_caller_forbids()
    {
        Holder holder = new("h", ImmutableArray.Create(new Part("first", null), new Part("second", null)));

        ImmutableArray<string> found = ForbiddenObjectGraphWalker.FindForbidden(holder, type => type == typeof(Part));

        Assert.Equal(["root.Parts[0] (", "root.Parts[1] ("], found.Select(path => path[..(path.IndexOf('(') + 1)]));
    }

    [Fact]
    public void Location_None_is_forbidden_too()
    {
        Assert.Single(ForbiddenObjectGraphWalker.FindForbidden(new Part("none", Location.None)));
    }

    [Fact]
    public void A_graph_of_strings_primitives_enums_and_collections_is_clean()
    {
        CleanSpec leaf = new("leaf", 1, 2.5m, Kind.Plain, ImmutableArray.Create("a", "b"), ImmutableArray<CleanSpec>.Empty, new Dictionary<string, int>());
        CleanSpec root = new("root", 2, null, Kind.Plain, default, ImmutableArray.Create(leaf), new Dictionary<string, int> { ["x"] = 1 });

        Assert.Empty(ForbiddenObjectGraphWalker.FindForbidden(root));
    }

    [Fact]
    public void Cycles_are_walked_once()
    {
        Node first = new();
        Node second = new() { Next = first, Payload = CSharpSyntaxTree.ParseText("class C { }").GetRoot() };
        first.Next = second;

        string path = Assert.Single(ForbiddenObjectGraphWalker.FindForbidden(first));
        Assert.StartsWith("root.Next.Payload (", path);
    }

    [Fact]
    public void Finds_symbols_compilations_and_parser_objects_in_collections()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class C { }" });
        using JsonDocument document = JsonDocument.Parse("{\"a\":1}");
        List<object> values = new()
        {
            compilation,
            compilation.GetTypeByMetadataName("C")!,
            document.RootElement,
            CaseContracts.Generator.Schema.SchemaNode.Root("/schema/a.json", CaseContracts.Generator.Json.JsonTextParser.Parse("{}").Root!),
            CaseContracts.Generator.Json.JsonTextParser.Parse("[1]").Root!,
        };

        ImmutableArray<string> found = ForbiddenObjectGraphWalker.FindForbidden(values);

        Assert.Equal(5, found.Length);
        Assert.Contains(found, path => path.StartsWith("root[0] (") && path.Contains("Compilation"));
        Assert.Contains(found, path => path.StartsWith("root[1] ("));
        Assert.Contains(found, path => path.StartsWith("root[2] (System.Text.Json.JsonElement"));
        Assert.Contains(found, path => path.StartsWith("root[3] (CaseContracts.Generator.Schema.SchemaNode"));
        Assert.Contains(found, path => path.StartsWith("root[4] (CaseContracts.Generator.Json.JsonNode"));
    }

    [Fact]
    public void Tracked_steps_of_a_leaky_generator_are_reported_with_step_paths()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(
            new LeakyGenerator(),
            new[] { new InMemoryAdditionalText("/project/schema/a.json", "{}") });

        ImmutableArray<string> found = ForbiddenObjectGraphWalker.FindForbiddenInTrackedSteps(result.RunResult);

        Assert.Contains(found, path => path.StartsWith($"{LeakyGenerator.LeakStep}[0].Outputs[0].Parts[1].Where ("));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ForbiddenObjectGraphWalker.AssertNoForbiddenObjectsInTrackedSteps(result.RunResult));
    }

    [Fact]
    public void Tracked_steps_of_a_clean_generator_pass()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(
            new EchoGenerator(),
            SchemaFiles.LoadTestSchemas("HarnessSample"),
            new[] { "class Consumer { }" });

        ForbiddenObjectGraphWalker.AssertNoForbiddenObjectsInTrackedSteps(result.RunResult);
    }

    [Fact]
    public void Diagnostics_reported_by_output_steps_are_not_pipeline_values()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(
            new ReportingGenerator(),
            new[] { new InMemoryAdditionalText("/project/schema/a.json", "{}") });

        Diagnostic reported = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("/project/schema/a.json", reported.Location.GetLineSpan().Path);
        Assert.Empty(ForbiddenObjectGraphWalker.FindForbiddenInTrackedSteps(result.RunResult));
    }

    [Fact]
    public void The_drivers_own_Compilation_step_is_skipped_unless_asked_for()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(new FixedSourceGenerator("public class G { }"));

        Assert.Contains(WellKnownGeneratorInputs.Compilation, IncrementalSteps.GetTrackedStepNames(result.RunResult));
        Assert.Empty(ForbiddenObjectGraphWalker.FindForbiddenInTrackedSteps(result.RunResult));
        Assert.Contains(
            ForbiddenObjectGraphWalker.FindForbiddenInTrackedSteps(result.RunResult, includeStep: _ => true),
            path => path.StartsWith($"{WellKnownGeneratorInputs.Compilation}[0].Outputs[0] ("));
    }
}
