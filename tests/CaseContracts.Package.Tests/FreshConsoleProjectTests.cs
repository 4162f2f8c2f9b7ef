using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CaseContracts.Package.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Package.Tests;

/// <summary>
/// The fresh console project (Consumers/Console/Program.cs) runs on the types the package generated:
/// records, the connector union, validation and JSON reading and writing.
/// </summary>
[Collection(PackageTestCollection.Name)]
public sealed class FreshConsoleProjectTests(FreshConsumers consumers)
{
    [Fact]
    public async Task Console_project_round_trips_the_api_page_example_through_the_generated_types()
    {
        Assert.True(consumers.BuildWithoutCompilerServer.Succeeded, consumers.BuildWithoutCompilerServer.ToString());
        var example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumers", "Requests", "api-page-example.json"));

        var run = await Command.RunAsync("dotnet", [consumers.OutputAssembly(FreshConsumers.ConsoleProject)], consumers.Workspace.Root, consumers.Workspace.Environment, standardInput: example);

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(3, run.Lines.Length);
        Assert.Equal("jira: issue type 10006, priority High", run.Lines[0]);

        var expected = JsonNode.Parse(example, documentOptions: new() { AllowTrailingCommas = true })!;
        expected["connector"]!["fields"]!["parent"] = null; // documented as string | null: always written
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(run.Lines[1])), run.Lines[1]);

        var rebuilt = JsonNode.Parse(run.Lines[2])!;
        Assert.Equal(".none", (string?)rebuilt["connector"]!["type"]);
        Assert.Null(rebuilt["connector"]!["fields"]);
        Assert.False((bool)rebuilt["settings"]!["syncAlerts"]!);
        Assert.Equal((string?)expected["title"], (string?)rebuilt["title"]);
    }
}
