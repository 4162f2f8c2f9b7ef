using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Metadata references to the assemblies the running test host trusts (<c>TRUSTED_PLATFORM_ASSEMBLIES</c>),
/// in two sets: <see cref="All"/>, the runtime's shared framework (including System.Text.Json) plus the
/// test's own dependencies, which is what a plain library compiles against; and <see cref="AspNetCore"/>,
/// ASP.NET Core's shared framework with Microsoft.AspNetCore.OpenApi, which a web project adds.
/// </summary>
public static class TrustedPlatformReferences
{
    private static readonly Lazy<(ImmutableArray<MetadataReference> Plain, ImmutableArray<MetadataReference> Web)> s_sets = new(Load);

    /// <summary>Everything but ASP.NET Core, loaded once per test run and ordered by path.</summary>
    public static ImmutableArray<MetadataReference> All => s_sets.Value.Plain;

    /// <summary>ASP.NET Core's shared framework and its OpenAPI package: add to <see cref="All"/> to compile a web project.</summary>
    public static ImmutableArray<MetadataReference> AspNetCore => s_sets.Value.Web;

    /// <summary><see cref="AspNetCore"/> without the OpenAPI packages: a web project that documents nothing.</summary>
    public static ImmutableArray<MetadataReference> AspNetCoreWithoutOpenApi =>
        AspNetCore.Where(reference => !IsOpenApi(((PortableExecutableReference)reference).FilePath!)).ToImmutableArray();

    private static (ImmutableArray<MetadataReference>, ImmutableArray<MetadataReference>) Load()
    {
        string paths = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The runtime did not provide TRUSTED_PLATFORM_ASSEMBLIES.");

        var files = paths
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        return (References(files.Where(file => !IsWeb(file))), References(files.Where(IsWeb)));
    }

    private static bool IsWeb(string path)
        => path.Replace('\\', '/').Contains("/Microsoft.AspNetCore.App/", StringComparison.OrdinalIgnoreCase) || IsOpenApi(path);

    private static bool IsOpenApi(string path)
        => Path.GetFileName(path) is "Microsoft.AspNetCore.OpenApi.dll" or "Microsoft.OpenApi.dll";

    private static ImmutableArray<MetadataReference> References(System.Collections.Generic.IEnumerable<string> files)
        => files.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
}
