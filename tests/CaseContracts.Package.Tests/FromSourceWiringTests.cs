using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CaseContracts.Package.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Package.Tests;

/// <summary>
/// The repository's own projects use the sources through build/CaseContracts.FromSource.props/.targets
/// instead of the package; they must load what the package ships, so what the samples and tests prove
/// holds for the package too.
/// </summary>
[Collection(PackageTestCollection.Name)]
public sealed class FromSourceWiringTests(FreshConsumers consumers)
{
    [Fact]
    public async Task The_sample_loads_exactly_the_analyzer_assemblies_the_package_ships()
    {
        var resolve = await Command.RunAsync(
            "dotnet",
            ["msbuild", Repository.PathOf("samples", "QuickStart", "QuickStart.csproj"), "-nologo", "-t:ResolveProjectReferences", "-getItem:Analyzer", "-p:UseSharedCompilation=true"],
            Repository.Root,
            ConsumerWorkspace.Isolated());
        Assert.True(resolve.Succeeded, resolve.ToString());

        using var items = JsonDocument.Parse(resolve.Output[resolve.Output.IndexOf('{')..]);
        var loaded = items.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!)
            .Where(path => !path.StartsWith(DotnetRoot, StringComparison.Ordinal)) // the SDK's and the framework's own analyzers
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(consumers.Package.FilesUnder("analyzers/dotnet/cs").Order(StringComparer.Ordinal), loaded);
    }

    /// <summary>The .NET installation running this test (…/shared/Microsoft.NETCore.App/&lt;version&gt;/ → …/).</summary>
    private static string DotnetRoot { get; } =
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
}
