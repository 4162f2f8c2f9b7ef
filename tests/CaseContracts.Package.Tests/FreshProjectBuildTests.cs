using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseContracts.Package.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Package.Tests;

/// <summary>
/// A fresh console project and a fresh web project, after `dotnet add package CaseContracts`, build cleanly
/// with and without the compiler server (which loads analyzers differently), and the package stays a
/// build-time tool: nothing of it reaches their output or the projects that reference them.
/// </summary>
[Collection(PackageTestCollection.Name)]
public sealed partial class FreshProjectBuildTests(FreshConsumers consumers)
{
    [Fact]
    public void Fresh_projects_build_with_the_compiler_server_without_warnings()
    {
        var build = consumers.BuildWithCompilerServer;

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(WarningLines(build.Output));
        Assert.Contains($"CompilerServer: server - server processed compilation - {FreshConsumers.ConsoleProject}", build.Output);
        Assert.Contains($"CompilerServer: server - server processed compilation - {FreshConsumers.WebProject}", build.Output);
    }

    [Fact]
    public void Fresh_projects_build_with_the_command_line_compiler_without_warnings()
    {
        var build = consumers.BuildWithoutCompilerServer;

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(WarningLines(build.Output));
        Assert.Contains($"CompilerServer: tool - using command line tool by design '", build.Output);
        Assert.DoesNotContain("server processed compilation", build.Output);
    }

    [Fact]
    public void Schemas_are_found_in_schema_by_default_and_in_the_folder_CaseContractsSchemaDirectory_names()
    {
        var build = consumers.BuildWithoutCompilerServer;

        Assert.Contains("/additionalfile:schema/connectors/jira.schema.json", CompilerCommandLine(build.Output, FreshConsumers.ConsoleProject));
        Assert.Contains($"/additionalfile:{FreshConsumers.WebSchemaFolder}/connectors/jira.schema.json", CompilerCommandLine(build.Output, FreshConsumers.WebProject));
    }

    [Fact]
    public void Generator_and_its_dependencies_stay_out_of_the_consuming_projects_output()
    {
        Assert.True(consumers.BuildWithoutCompilerServer.Succeeded, consumers.BuildWithoutCompilerServer.ToString());
        var output = Path.GetDirectoryName(consumers.OutputAssembly(FreshConsumers.ConsoleProject))!;

        var files = Directory.GetFiles(output).Select(Path.GetFileName).ToArray();

        Assert.Contains($"{FreshConsumers.ConsoleProject}.dll", files);
        Assert.DoesNotContain(files, f => f!.StartsWith("CaseContracts") || f.StartsWith("NJsonSchema") || f.StartsWith("Namotion") || f.StartsWith("Newtonsoft"));
        Assert.DoesNotContain("CaseContracts", File.ReadAllText(Path.Combine(output, $"{FreshConsumers.ConsoleProject}.deps.json")));
    }

    [Fact]
    public void Dotnet_add_package_makes_it_a_private_development_dependency()
    {
        var project = File.ReadAllText(consumers.ProjectPath(FreshConsumers.ConsoleProject, $"{FreshConsumers.ConsoleProject}.csproj"));

        Assert.Matches(@"<PackageReference Include=""CaseContracts""[^>]*>\s*<IncludeAssets>[^<]*analyzers[^<]*</IncludeAssets>\s*<PrivateAssets>all</PrivateAssets>", project);
    }

    [Fact]
    public void A_project_that_references_a_consumer_does_not_get_the_package()
    {
        Assert.True(consumers.DownstreamRestore.Succeeded, consumers.DownstreamRestore.ToString());
        using var assets = JsonDocument.Parse(File.ReadAllText(consumers.ProjectPath(FreshConsumers.DownstreamProject, "obj", "project.assets.json")));

        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name).ToArray();

        Assert.Contains(libraries, name => name.StartsWith(FreshConsumers.ConsoleProject + "/"));
        Assert.DoesNotContain(libraries, name => name.StartsWith("CaseContracts/"));
    }

    /// <summary>Compiler warnings and errors as MSBuild prints them: <c>file(line,col): warning CS8785: ...</c>.</summary>
    private static string[] WarningLines(string output) => output.Split('\n').Where(line => WarningLine().IsMatch(line)).ToArray();

    /// <summary>The csc invocation of one project, as logged at normal verbosity.</summary>
    private static string CompilerCommandLine(string output, string project)
        => output.Split('\n').Single(line => line.Contains("/additionalfile:") && line.Contains($"/out:obj/Debug/net10.0/{project}.dll"));

    [GeneratedRegex(@":\s*warning\s+[A-Z]+\d+\s*:")]
    private static partial Regex WarningLine();
}
