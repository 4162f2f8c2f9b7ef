using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace CaseContracts.Package.Tests.Infrastructure;

/// <summary>
/// Everything the package tests look at, done once: build/pack.sh packs the package with a unique version
/// into a temp feed; `dotnet new` makes a fresh console project, a fresh web project and a class library
/// that references the console project; the first two get `dotnet add package CaseContracts` and the
/// repository's schemas, and are built twice, with the compiler server and without it.
/// </summary>
public sealed class FreshConsumers : IAsyncLifetime
{
    public const string ConsoleProject = "ConsoleConsumer";
    public const string WebProject = "WebConsumer";
    public const string DownstreamProject = "DownstreamLibrary";

    /// <summary>The web project keeps its schemas in a folder of its own choosing, named by CaseContractsSchemaDirectory.</summary>
    public const string WebSchemaFolder = "contract";

    /// <summary>MSBuild property that adds Consumers/Fixtures/wrong-connector-field.json to the console project's AdditionalFiles.</summary>
    public const string WrongConnectorFixtureSwitch = "IncludeWrongConnectorFixture";

    private ConsumerWorkspace? _workspace;
    private PackedPackage? _package;
    private CommandResult? _buildWithCompilerServer;
    private CommandResult? _buildWithoutCompilerServer;
    private CommandResult? _downstreamRestore;

    internal ConsumerWorkspace Workspace => _workspace ?? throw NotInitialized();

    internal PackedPackage Package => _package ?? throw NotInitialized();

    /// <summary>Both projects, one `dotnet build` (in parallel), VBCSCompiler on; detailed enough to show the compiler mode.</summary>
    internal CommandResult BuildWithCompilerServer => _buildWithCompilerServer ?? throw NotInitialized();

    /// <summary>The same, rebuilt from scratch with the command-line compiler (no server).</summary>
    internal CommandResult BuildWithoutCompilerServer => _buildWithoutCompilerServer ?? throw NotInitialized();

    /// <summary>Restore of the class library that references the console project.</summary>
    internal CommandResult DownstreamRestore => _downstreamRestore ?? throw NotInitialized();

    public string ProjectPath(string project, params string[] relative) => Workspace.PathOf([project, .. relative]);

    /// <summary>The built assembly of a fresh project (after both builds, the one without the compiler server).</summary>
    public string OutputAssembly(string project) => ProjectPath(project, "bin", "Debug", "net10.0", project + ".dll");

    public async Task InitializeAsync()
    {
        _workspace = ConsumerWorkspace.Create();
        _package = await PackedPackage.PackAsync(Workspace.Feed);

        await Require(Workspace.DotnetAsync("new", "console", "-n", ConsoleProject, "-o", ConsoleProject, "--no-restore", "--no-update-check"));
        await Require(Workspace.DotnetAsync("new", "web", "-n", WebProject, "-o", WebProject, "--no-restore", "--no-update-check", "--no-https"));
        await Require(Workspace.DotnetAsync("new", "classlib", "-n", DownstreamProject, "-o", DownstreamProject, "--no-restore", "--no-update-check"));

        UseConsumerSource(ConsoleProject, "Console");
        CopyDirectory(Repository.PathOf("schema"), ProjectPath(ConsoleProject, "schema"));
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Consumers", "Fixtures"), ProjectPath(ConsoleProject, "fixtures"));
        EditProject(ConsoleProject, project => project.Add(new XElement(
            "ItemGroup",
            new XAttribute("Condition", $"'$({WrongConnectorFixtureSwitch})' == 'true'"),
            new XElement("AdditionalFiles", new XAttribute("Include", "fixtures/wrong-connector-field.json"), new XAttribute("CaseContractsSchema", "connector")))));

        UseConsumerSource(WebProject, "Web");
        // The contract with its operation declared by the x-operation shorthand, as the package README shows it.
        CopyDirectory(Repository.PathOf("tests", "data", "x-operation-contract"), ProjectPath(WebProject, WebSchemaFolder));
        EditProject(WebProject, project => project.Add(new XElement(
            "PropertyGroup",
            new XElement("CaseContractsSchemaDirectory", WebSchemaFolder))));

        // What the README tells a user to do.
        await Require(Workspace.DotnetAsync("add", ConsoleProject, "package", "CaseContracts", "--version", Package.Version));
        await Require(Workspace.DotnetAsync("add", WebProject, "package", "CaseContracts", "--version", Package.Version));

        await Require(Workspace.DotnetAsync("add", DownstreamProject, "reference", Path.Combine(ConsoleProject, ConsoleProject + ".csproj")));
        _downstreamRestore = await Workspace.DotnetAsync("restore", DownstreamProject);

        await Require(Workspace.DotnetAsync("new", "sln", "-n", "Consumers"));
        var solution = Directory.GetFiles(Workspace.Root, "Consumers.sln*").Single();
        await Require(Workspace.DotnetAsync("sln", solution, "add", ConsoleProject, WebProject));

        _buildWithCompilerServer = await Workspace.DotnetAsync("build", solution, "--no-restore", "-v:n", "-p:UseSharedCompilation=true");
        _buildWithoutCompilerServer = await Workspace.DotnetAsync("build", solution, "--no-restore", "-v:n", "--no-incremental", "-p:UseSharedCompilation=false");
    }

    /// <summary>Builds the console project with the wrong-connector fixture added, into folders of its own.</summary>
    internal Task<CommandResult> BuildConsoleWithWrongConnectorFixtureAsync()
        => Workspace.DotnetAsync(
            "build", ConsoleProject, "--no-restore", "-p:UseSharedCompilation=true",
            $"-p:{WrongConnectorFixtureSwitch}=true", "-p:IntermediateOutputPath=obj/wrong-fixture/", "-p:OutDir=bin/wrong-fixture/");

    public Task DisposeAsync()
    {
        _workspace?.Dispose();
        return Task.CompletedTask;
    }

    private static async Task Require(Task<CommandResult> command)
    {
        var result = await command;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Setting up the fresh projects failed: " + result);
        }
    }

    /// <summary>Replaces the template's Program.cs with this test's Consumers/{name}/Program.cs.</summary>
    private void UseConsumerSource(string project, string name)
        => File.Copy(Path.Combine(AppContext.BaseDirectory, "Consumers", name, "Program.cs"), ProjectPath(project, "Program.cs"), overwrite: true);

    private void EditProject(string project, Action<XElement> edit)
    {
        var path = ProjectPath(project, project + ".csproj");
        var document = XDocument.Load(path);
        edit(document.Root!);
        document.Save(path);
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static InvalidOperationException NotInitialized() => new("The fresh projects are not set up yet.");
}
