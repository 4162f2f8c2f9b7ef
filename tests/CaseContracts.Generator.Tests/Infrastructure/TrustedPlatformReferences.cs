using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Metadata references to every assembly the running test host trusts
/// (<c>TRUSTED_PLATFORM_ASSEMBLIES</c>): the whole shared framework of the running runtime
/// (including System.Text.Json) plus the test's own dependencies. ASP.NET Core is not among them.
/// </summary>
public static class TrustedPlatformReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(Load);

    /// <summary>All trusted platform assemblies, loaded once per test run and ordered by path.</summary>
    public static ImmutableArray<MetadataReference> All => s_all.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        string paths = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The runtime did not provide TRUSTED_PLATFORM_ASSEMBLIES.");

        return paths
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
