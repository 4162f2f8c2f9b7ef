using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Analyzers.Tests.Infrastructure;

/// <summary>
/// Reference assemblies from the .NET SDK on this machine (its <c>packs/Microsoft.NETCore.App.Ref</c>),
/// so tests compile offline: the testing library's built-in sets download packs the package mirror lacks.
/// </summary>
internal static class LocalReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_net = new(Load);

    /// <summary>The reference assemblies of the running .NET version.</summary>
    public static ImmutableArray<MetadataReference> Net => s_net.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        // The running runtime is <dotnet>/shared/Microsoft.NETCore.App/<version>/: its SDK's packs are beside "shared".
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var major = Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var version = Directory.GetDirectories(packs)
            .Select(Path.GetFileName)
            .Where(v => v!.StartsWith(major + ".", StringComparison.Ordinal))
            .OrderBy(v => Version.TryParse(v, out var parsed) ? parsed : new Version(0, 0))
            .LastOrDefault()
            ?? throw new InvalidOperationException($"No Microsoft.NETCore.App.Ref pack for .NET {major} under {packs}");
        var folder = Path.Combine(packs, version, "ref", "net" + major + ".0");
        return Directory.GetFiles(folder, "*.dll")
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
