using System;
using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// The generator does no work it does not need: the driver's tracked steps prove what was reused.
/// </summary>
public sealed class IncrementalityTests
{
    private const string JiraPath = SchemaFiles.VirtualSchemaDirectory + "connectors/jira.schema.json";

    private static readonly string[] PipelineSteps =
    [
        "Options", "SchemaFolder", "Documents", "IndexParts", "Index", "DocumentInputs", "ResolvedDocuments", "Types",
        "Validators", "RuntimeNamespace", "Capabilities", "Operations", "Endpoints", "DocumentOpenApiComponents", "OpenApiComponents",
    ];

    /// <summary>The steps that run once per schema file (or per type of one file), the cross-file index aside.</summary>
    private static readonly string[] PerFileSteps = ["Documents", "IndexParts", "DocumentInputs", "ResolvedDocuments", "Types", "Validators", "Operations", "DocumentOpenApiComponents"];

    [Fact]
    public void Each_schema_file_is_read_once_into_one_model_that_every_later_step_shares()
    {
        var result = FirstRun(web: true);
        var schemaFiles = result.AdditionalTexts.Select(t => t.Path).Order(StringComparer.Ordinal).ToArray();
        var steps = IncrementalSteps.GetTrackedStepNames(result.RunResult)
            .SelectMany(name => IncrementalSteps.GetTrackedSteps(result.RunResult, name))
            .ToArray();

        // Exactly one step produces schema documents, one per file: no stage parses a schema text a second time.
        var producers = steps.Where(step => step.Outputs.Any(output => output.Value is SchemaDocument)).Select(step => step.Name).Distinct();
        Assert.Equal(["Documents"], producers);
        var documents = steps.Where(step => step.Name == "Documents").SelectMany(step => step.Outputs).Select(output => (SchemaDocument)output.Value).ToArray();
        Assert.Equal(schemaFiles, documents.Select(d => d.FilePath).Order(StringComparer.Ordinal));

        // The per-file stages work on those very documents (the same instances, not equal copies).
        var inputs = steps.Where(step => step.Name == "DocumentInputs").SelectMany(step => step.Outputs)
            .Select(output => (Pipeline.Stages.DocumentInput)output.Value).ToArray();
        Assert.Equal(documents.Length, inputs.Length);
        Assert.All(inputs, input => Assert.Contains(documents, document => ReferenceEquals(document, input.Document)));
    }

    [Fact]
    public void Unrelated_csharp_edit_reuses_every_step()
    {
        var first = FirstRun();

        var second = first.RerunWithAddedSource("namespace Consumer { internal static class Unrelated { } }");

        IncrementalSteps.AssertAllCachedOrUnchanged(second.RunResult, PipelineSteps);
        IncrementalSteps.AssertOutputsCachedOrUnchanged(second.RunResult);
    }

    [Fact]
    public void Editing_one_connector_schema_regenerates_only_that_connectors_types()
    {
        var first = FirstRun();
        var jira = first.AdditionalTexts.Single(t => t.Path == JiraPath).GetText()!.ToString();

        var second = first.RerunWithEditedAdditionalText(JiraPath, jira.Replace(
            "\"description\": \"The priority of the issue.\"", "\"description\": \"The priority of the Jira issue.\""));

        // The union reads its variants' member assertions (SchemaSummary.Members), never their descriptions.
        Assert.Equal(["TestProject.JiraFields.g.cs"], ChangedHintNames(second));
        Assert.Contains("/// <summary>The priority of the Jira issue.</summary>", second.GeneratedSources["TestProject.JiraFields.g.cs"]);
        var documents = IncrementalSteps.GetOutputReasons(second.RunResult, "Documents");
        Assert.Single(documents, d => !d.IsReused);
    }

    [Fact]
    public void Lengthening_one_connectors_description_runs_only_that_connectors_steps_again()
    {
        var first = FirstRun(web: true);
        var jira = first.AdditionalTexts.Single(t => t.Path == JiraPath).GetText()!.ToString();

        // The root's description comes first: every position after it in jira.schema.json moves.
        var second = first.RerunWithEditedAdditionalText(JiraPath, jira.Replace(
            "\"Configuration of a Jira connector (type .jira).\"", "\"Configuration of a Jira connector (type .jira), as Kibana stores it.\""));

        // The file's index part holds no locations, so it compares equal: the index is not rebuilt, and the other
        // files' steps do not run at all (Cached, where a rebuilt index would have run them to find them Unchanged).
        Assert.All(IncrementalSteps.GetOutputReasons(second.RunResult, "Index"), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason.Reason));
        Assert.Equal(
            ["Documents: " + JiraPath, "IndexParts: " + JiraPath, "DocumentInputs: " + JiraPath, "ResolvedDocuments: " + JiraPath, "Types: " + JiraPath, "Validators: " + JiraPath, "DocumentOpenApiComponents: " + JiraPath],
            PerFileSteps.SelectMany(step => SchemaFilesRunAgain(second, step).Select(file => step + ": " + file)));
        Assert.Contains("as Kibana stores it.", second.GeneratedSources["TestProject.Connector.Jira.g.cs"]);
    }

    [Fact]
    public void The_index_and_its_parts_hold_no_source_location()
    {
        var run = FirstRun().RunResult;
        var index = Assert.Single(Assert.Single(IncrementalSteps.GetTrackedSteps(run, "Index")).Outputs).Value;
        var parts = IncrementalSteps.GetTrackedSteps(run, "IndexParts").SelectMany(step => step.Outputs).Select(output => output.Value).ToArray();

        Assert.IsType<SchemaIndex>(index);
        Assert.All(parts, part => Assert.IsType<SchemaIndexPart>(part));
        Assert.Empty(ForbiddenObjectGraphWalker.FindForbidden(index, type => type == typeof(SourceLocation), "Index"));
        Assert.Empty(ForbiddenObjectGraphWalker.FindForbidden(parts, type => type == typeof(SourceLocation), "IndexParts"));
    }

    [Fact]
    public void Diagnostics_decided_across_files_move_with_their_file_when_its_text_shifts()
    {
        var first = GeneratorHarness.Run(new ContractGenerator(),
        [
            new InMemoryAdditionalText(PetPath, Pet),
            new InMemoryAdditionalText(CollisionPath + "cat.schema.json", Variant("Cat", "cat")),
            new InMemoryAdditionalText(CollisionPath + "lion.schema.json", Variant("Lion", "cat")),
            new InMemoryAdditionalText(CollisionPath + "a.schema.json", Item),
            new InMemoryAdditionalText(ItemPath, Item),
        ]);
        Assert.Equal([("CC0004", PetPath, 4), ("CC0005", ItemPath, 0)], DiagnosticLines(first));

        // Two lines more before everything in both files: the index stays as it was, the places move.
        var second = first.RerunWithEditedAdditionalText(PetPath, "\n\n" + Pet).RerunWithEditedAdditionalText(ItemPath, "\n\n" + Item);

        Assert.Equal([("CC0004", PetPath, 6), ("CC0005", ItemPath, 2)], DiagnosticLines(second));
        Assert.All(IncrementalSteps.GetOutputReasons(second.RunResult, "Index"), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason.Reason));
    }

    [Fact]
    public void Editing_a_member_every_connector_declares_alike_regenerates_the_union_and_its_variants()
    {
        var first = FirstRun();
        var jira = first.AdditionalTexts.Single(t => t.Path == JiraPath).GetText()!.ToString();

        // Jira's "name" stops being declared alike by every variant: the union's reader no longer reads it itself.
        var second = first.RerunWithEditedAdditionalText(JiraPath, jira.Replace(
            "\"name\": {\n      \"type\": \"string\",", "\"name\": {\n      \"type\": \"string\",\n      \"minLength\": 1,"));

        Assert.Equal(
            ["TestProject.Connector.Jira.g.cs", "TestProject.Connector.None.g.cs", "TestProject.Connector.Resilient.g.cs", "TestProject.Connector.ServiceNow.g.cs", "TestProject.Connector.g.cs"],
            ChangedHintNames(second).Order(StringComparer.Ordinal));
        Assert.Contains("__name", first.GeneratedSources["TestProject.Connector.g.cs"]);
        Assert.DoesNotContain("__name", second.GeneratedSources["TestProject.Connector.g.cs"]);
    }

    [Fact]
    public void Unrelated_csharp_edit_in_a_web_project_reuses_every_step_and_the_endpoint()
    {
        var first = FirstRun(web: true);

        var second = first.RerunWithAddedSource("namespace Consumer { internal static class Unrelated { } }");

        IncrementalSteps.AssertAllCachedOrUnchanged(second.RunResult, PipelineSteps);
        IncrementalSteps.AssertOutputsCachedOrUnchanged(second.RunResult);
    }

    [Fact]
    public void Editing_a_connector_schema_in_a_web_project_changes_its_openapi_schema_and_leaves_the_endpoint_alone()
    {
        var first = FirstRun(web: true);
        var jira = first.AdditionalTexts.Single(t => t.Path == JiraPath).GetText()!.ToString();

        var second = first.RerunWithEditedAdditionalText(JiraPath, jira.Replace(
            "\"description\": \"The priority of the issue.\"", "\"description\": \"The priority of the Jira issue.\""));

        IncrementalSteps.AssertAllCachedOrUnchanged(second.RunResult, "Operations", "Endpoints");
        Assert.Contains(IncrementalSteps.GetOutputReasons(second.RunResult, "OpenApiComponents"), reason => !reason.IsReused);
        Assert.Contains("The priority of the Jira issue.", second.GeneratedSources["TestProject.OpenApi.g.cs"]);
        Assert.Equal(first.GeneratedSources["TestProject.CreateCaseEndpoint.g.cs"], second.GeneratedSources["TestProject.CreateCaseEndpoint.g.cs"]);
    }

    [Fact]
    public void Editing_the_operation_declaration_regenerates_the_endpoint()
    {
        var first = FirstRun(web: true);
        const string RequestPath = SchemaFiles.VirtualSchemaDirectory + "create-case-request.schema.json";
        var request = first.AdditionalTexts.Single(t => t.Path == RequestPath).GetText()!.ToString();

        var second = first.RerunWithEditedAdditionalText(RequestPath, request.Replace("\"route\": \"/api/cases\"", "\"route\": \"/api/v2/cases\""));

        Assert.Contains(IncrementalSteps.GetOutputReasons(second.RunResult, "Endpoints"), reason => !reason.IsReused);
        Assert.Contains("public const string Route = \"/api/v2/cases\";", second.GeneratedSources["TestProject.CreateCaseEndpoint.g.cs"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_step_holds_symbols_syntax_locations_or_compilations(bool web)
    {
        var first = FirstRun(web);
        var second = first.RerunWithEditedAdditionalText(JiraPath, first.AdditionalTexts.Single(t => t.Path == JiraPath).GetText()!.ToString() + "\n");

        ForbiddenObjectGraphWalker.AssertNoForbiddenObjectsInTrackedSteps(first.RunResult);
        ForbiddenObjectGraphWalker.AssertNoForbiddenObjectsInTrackedSteps(second.RunResult);
    }

    [Fact]
    public void Editing_a_schema_outside_a_reference_cycle_reuses_the_index_and_keeps_the_cycle_reported()
    {
        var first = CycleRun();
        var order = first.AdditionalTexts.Single(t => t.Path == OrderPath).GetText()!.ToString();

        var second = first.RerunWithEditedAdditionalText(OrderPath, order.Replace("An order.", "An order, as placed."));

        IncrementalSteps.AssertAllCachedOrUnchanged(second.RunResult, "Index");
        Assert.Single(IncrementalSteps.GetOutputReasons(second.RunResult, "ResolvedDocuments"), d => !d.IsReused);
        IncrementalSteps.AssertAllCachedOrUnchanged(second.RunResult, "Validators");
        Assert.Equal(CycleDiagnostics(first), CycleDiagnostics(second));
        Assert.Single(CycleDiagnostics(second));
    }

    [Fact]
    public void Breaking_a_reference_cycle_in_one_file_clears_the_diagnostic_reported_in_the_other()
    {
        var first = CycleRun();
        Assert.Equal([CyclePath + "b.schema.json"], CycleDiagnostics(first));

        var second = first.RerunWithEditedAdditionalText(CyclePath + "a.schema.json", CycleA.Replace("\"b.schema.json\"", "\"order.schema.json\""));

        Assert.Empty(CycleDiagnostics(second));
        Assert.Contains(IncrementalSteps.GetOutputReasons(second.RunResult, "Index"), reason => !reason.IsReused);
    }

    private const string CollisionPath = SchemaFiles.VirtualSchemaDirectory + "collisions/";
    private const string PetPath = CollisionPath + "pet.schema.json";
    private const string ItemPath = CollisionPath + "b.schema.json";

    /// <summary>A union whose second member repeats the first one's discriminator value (CC0004 where it lists that member: zero-based line 4).</summary>
    private const string Pet = """
        {
          "title": "Pet",
          "oneOf": [
            { "$ref": "cat.schema.json" },
            { "$ref": "lion.schema.json" }
          ]
        }
        """;

    /// <summary>An object named <c>Item</c>: two files holding it collide (CC0005 at the later file's declaration).</summary>
    private const string Item = """{ "title": "Item", "type": "object", "properties": { "id": { "type": "string" } } }""";

    private static string Variant(string title, string kind)
        => $$"""{ "title": "{{title}}", "type": "object", "required": ["kind"], "properties": { "kind": { "const": "{{kind}}" } } }""";

    /// <summary>The cross-file diagnostics (CC0004, CC0005) by file and zero-based line.</summary>
    private static (string Id, string Path, int Line)[] DiagnosticLines(GeneratorHarnessResult result)
        => result.GeneratorDiagnostics.Where(d => d.Id is "CC0004" or "CC0005")
            .Select(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();

    private const string CyclePath = SchemaFiles.VirtualSchemaDirectory + "cycle/";
    private const string OrderPath = CyclePath + "order.schema.json";
    private const string CycleA = """{ "title": "A", "allOf": [ { "$ref": "b.schema.json" } ] }""";

    /// <summary>a.schema.json and b.schema.json apply each other to the same value (CC0008 in b); order.schema.json is unrelated.</summary>
    private static GeneratorHarnessResult CycleRun()
        => GeneratorHarness.Run(new ContractGenerator(),
        [
            new InMemoryAdditionalText(CyclePath + "a.schema.json", CycleA),
            new InMemoryAdditionalText(CyclePath + "b.schema.json", """{ "title": "B", "$ref": "a.schema.json" }"""),
            new InMemoryAdditionalText(OrderPath, """{ "title": "Order", "description": "An order.", "type": "object", "properties": { "id": { "type": "string" } } }"""),
        ]);

    private static string[] CycleDiagnostics(GeneratorHarnessResult result)
        => result.GeneratorDiagnostics.Where(d => d.Id == "CC0008").Select(d => d.Location.GetLineSpan().Path).ToArray();

    private static GeneratorHarnessResult FirstRun(bool web = false)
        => GeneratorHarness.Run(new ContractGenerator(), SchemaFiles.LoadXOperationContract(), ["namespace Consumer { internal static class Program { } }"],
            additionalReferences: web ? TrustedPlatformReferences.AspNetCore : null);

    /// <summary>The schema files for which the step ran in the last run (any output not Cached), in the order the step ran.</summary>
    private static string[] SchemaFilesRunAgain(GeneratorHarnessResult result, string stepName)
        => IncrementalSteps.GetTrackedSteps(result.RunResult, stepName)
            .Where(step => step.Outputs.Any(output => output.Reason != IncrementalStepRunReason.Cached))
            .Select(SchemaFileOf)
            .Distinct()
            .ToArray();

    // A per-file step's first input is its file's side (of each Combine, too): following it leads to the file's document.
    private static string SchemaFileOf(IncrementalGeneratorRunStep step)
    {
        var outputIndex = 0;
        while (step.Name != "Documents")
        {
            (step, outputIndex) = step.Inputs[0];
        }

        return ((SchemaDocument)step.Outputs[outputIndex].Value).FilePath;
    }

    /// <summary>Hint names of the types whose spec changed (new or modified) in the last run.</summary>
    private static string[] ChangedHintNames(GeneratorHarnessResult result)
        => IncrementalSteps.GetTrackedSteps(result.RunResult, "Types")
            .SelectMany(step => step.Outputs)
            .Where(output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            .Select(output => (string)output.Value.GetType().GetProperty("HintName")!.GetValue(output.Value)!)
            .Distinct()
            .ToArray();
}
