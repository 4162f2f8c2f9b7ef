using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace CaseContracts.Package.Tests.Infrastructure;

/// <summary>
/// A temp folder that stands for a new user's machine: outside the repository (so none of its
/// Directory.Build.props, central package versions or global.json apply), with a private global packages
/// folder (NUGET_PACKAGES, so the package under test never comes from a cache an earlier run filled) and a
/// nuget.config that adds the temp feed to the package sources the machine already has.
/// </summary>
internal sealed class ConsumerWorkspace : IDisposable
{
    private ConsumerWorkspace(string root)
    {
        Root = root;
        Directory.CreateDirectory(Feed);
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="casecontracts-under-test" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        Environment = Isolated(new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") });
    }

    public string Root { get; }

    /// <summary>The local feed the package is packed into.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The environment of every command run for the fresh projects.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public static ConsumerWorkspace Create()
        => new(Directory.CreateTempSubdirectory("casecontracts-package-test-").FullName);

    public string PathOf(params string[] relative) => Path.Combine([Root, .. relative]);

    public Task<CommandResult> DotnetAsync(params string[] arguments)
        => Command.RunAsync("dotnet", arguments, Root, Environment);

    /// <summary>
    /// The caller's environment, minus what `dotnet test` puts there for its own MSBuild (which would pin the
    /// child builds to it), with node reuse off so no MSBuild node outlives the test.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Isolated(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["MSBuildExtensionsPath"] = null,
            ["MSBuildSDKsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return environment;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not let go of a file yet; the OS cleans its temp folder.
        }
    }
}
