using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using CaseContracts.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CaseContracts.Analyzers.Tests.Build;

/// <summary>
/// A real project, built with <c>dotnet build</c> the way a consumer builds: the generator as an analyzer
/// (ProjectReference, as samples/QuickStart uses it), the repository's schemas, a JSON fixture listed with
/// <c>CaseContractsSchema</c> and a JSON literal in code. The project lists CC0200–CC0209 in
/// <c>WarningsAsErrors</c> (they are warnings by default), so an invalid fixture or literal fails its
/// build with the right IDs at the right places; fixing both makes it pass.
/// </summary>
public sealed class RealBuildTests(ITestOutputHelper output) : IDisposable
{
    private const string InvalidProgram = """"
        using Consumer.Contract;

        var connector = Connector.Parse("""
            { "id": "1", "name": "Jira", "type": ".jira", "fields": { "issueType": "Task", "urgency": "High" } }
            """);
        System.Console.WriteLine(connector.Type);
        """";

    private const string InvalidFixture = """
        {
          "title": "Port scan",
          "description": "An internal host probed the database subnet.",
          "tags": [],
          "connector": { "id": "none", "name": "none", "type": ".none", "fields": {} },
          "settings": { "syncAlerts": true }
        }
        """;

    private readonly string _project = Directory.CreateTempSubdirectory("casecontracts-build-").FullName;

    [Fact]
    public void An_invalid_json_fixture_and_literal_fail_the_build_at_their_places_and_fixing_them_makes_it_pass()
    {
        WriteProject(InvalidProgram, InvalidFixture);

        var (failedExit, failedOutput) = Build();

        Assert.NotEqual(0, failedExit);
        var (programLine, programColumn) = Position(InvalidProgram, "\"urgency\"");
        var (fixtureLine, fixtureColumn) = Position(InvalidFixture, "{}");
        Assert.Contains($"Program.cs({programLine},{programColumn}): error CC0200: 'urgency' is not a field of connector '.jira' (fields: issueType, priority, parent)", failedOutput);
        Assert.Contains($"request.json({fixtureLine},{fixtureColumn}): error CC0206: connector '.none' takes no 'fields': it must be null", failedOutput);
        Assert.Equal(2, ErrorIds(failedOutput).Length);

        WriteProject(InvalidProgram.Replace("\"urgency\"", "\"priority\"", StringComparison.Ordinal), InvalidFixture.Replace("{}", "null", StringComparison.Ordinal));

        var (fixedExit, fixedOutput) = Build();

        Assert.True(fixedExit == 0, fixedOutput);
        Assert.Empty(ErrorIds(fixedOutput));
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private void WriteProject(string program, string fixture)
    {
        var repository = Repository.Root;
        CopyDirectory(Path.Combine(repository, "schema"), Path.Combine(_project, "schema"));
        Directory.CreateDirectory(Path.Combine(_project, "fixtures"));
        File.WriteAllText(Path.Combine(_project, "fixtures", "request.json"), fixture);
        File.WriteAllText(Path.Combine(_project, "Program.cs"), program);
        // Wired as every project in the repository is: what the package would bring, from the sources.
        var build = Path.Combine(repository, "build");
        File.WriteAllText(Path.Combine(_project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{build}/CaseContracts.FromSource.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <CaseContractsNamespace>Consumer.Contract</CaseContractsNamespace>
                <WarningsAsErrors>$(WarningsAsErrors);CC0200;CC0201;CC0202;CC0203;CC0204;CC0205;CC0206;CC0207;CC0208;CC0209</WarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="fixtures/*.json" CaseContractsSchema="create-case-request" />
              </ItemGroup>
              <Import Project="{build}/CaseContracts.FromSource.targets" />
            </Project>
            """);
    }

    private (int ExitCode, string Output) Build()
    {
        // The generator is already built with the solution: build only this project, restore only it.
        var start = new ProcessStartInfo("dotnet", ["build", Path.Combine(_project, "Consumer.csproj"), "-nologo", "-p:BuildProjectReferences=false", "-p:RestoreRecursive=false", "-p:UseSharedCompilation=true"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _project,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish in 5 minutes");
        }

        var text = stdout.Result + stderr.Result;
        output.WriteLine(text);
        return (process.ExitCode, text);
    }

    /// <summary>The distinct "file(line,col): error CCxxxx" entries (MSBuild repeats each in its summary).</summary>
    private static string[] ErrorIds(string buildOutput)
        => buildOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error CC", StringComparison.Ordinal)).Select(l => l.Split(" [")[0]).Distinct().ToArray();

    /// <summary>One-based line and column of the first <paramref name="text"/> in <paramref name="source"/>.</summary>
    private static (int Line, int Column) Position(string source, string text)
    {
        var index = source.IndexOf(text, StringComparison.Ordinal);
        var lineStart = source.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return (source[..index].Count(c => c == '\n') + 1, index - lineStart + 1);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
