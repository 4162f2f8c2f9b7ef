using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CaseContracts.Package.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Package.Tests;

/// <summary>
/// What is inside the nupkg build/pack.sh makes: a missing dependency or a stray file fails here, not in a
/// user's build.
/// </summary>
[Collection(PackageTestCollection.Name)]
public sealed partial class PackageContentTests(FreshConsumers consumers)
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs";

    private PackedPackage Package => consumers.Package;

    [Fact]
    public void Analyzer_folder_holds_the_generator_and_the_code_fixes_and_nothing_else()
    {
        string[] expected =
        [
            "CaseContracts.CodeFixes.dll",
            "CaseContracts.Generator.dll",
        ];

        Assert.Equal(expected, Package.FilesUnder(AnalyzerFolder).Order(StringComparer.Ordinal));
        Assert.All(Package.Entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)), e => Assert.StartsWith(AnalyzerFolder + "/", e));
    }

    [Fact]
    public void Every_assembly_the_analyzers_reference_is_in_the_package_or_comes_with_the_compiler()
    {
        var packaged = Package.FilesUnder(AnalyzerFolder).ToDictionary(
            file => Path.GetFileNameWithoutExtension(file),
            file => ReadIdentity(Package.Read($"{AnalyzerFolder}/{file}")).Version);
        var problems = new List<string>();

        foreach (var file in Package.FilesUnder(AnalyzerFolder))
        {
            foreach (var reference in ReadReferences(Package.Read($"{AnalyzerFolder}/{file}")))
            {
                if (packaged.TryGetValue(reference.Name!, out var version))
                {
                    if (version < reference.Version)
                    {
                        problems.Add($"{file} needs {reference.Name} {reference.Version}, the package has {version}");
                    }
                }
                else if (!ComesWithTheCompiler(reference.Name!) && !(file == CodeFixAssembly && ComesWithTheIdeHost(reference.Name!)))
                {
                    problems.Add($"{file} needs {reference.Name} {reference.Version}, which is neither in the package nor part of the compiler or the runtime");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Build_assets_are_the_transitive_props_and_targets_named_after_the_package()
    {
        Assert.Equal(["CaseContracts.props", "CaseContracts.targets"], Package.FilesUnder("buildTransitive").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nothing_becomes_a_reference_of_the_consuming_project()
    {
        string[] referenceFolders = ["lib/", "ref/", "runtimes/", "content/", "contentFiles/"];

        Assert.DoesNotContain(Package.Entries, entry => referenceFolders.Any(folder => entry.StartsWith(folder, StringComparison.Ordinal)));
        Assert.Null(Package.MetadataElement("dependencies"));
    }

    [Fact]
    public void Package_holds_its_assets_and_documents_and_nothing_else()
    {
        var others = Package.Entries
            .Where(e => !e.StartsWith(AnalyzerFolder + "/", StringComparison.Ordinal) && !e.StartsWith("buildTransitive/", StringComparison.Ordinal))
            .Where(e => !e.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal)) // NuGet's own .psmdcp
            .ToArray();

        Assert.Equal(["CaseContracts.nuspec", "LICENSE", "README.md", "[Content_Types].xml", "_rels/.rels"], others);
        Assert.DoesNotContain(Package.Entries, e => TestOrSampleName().IsMatch(e));
    }

    [Fact]
    public void Nuspec_declares_a_development_dependency_with_licence_readme_and_repository()
    {
        Assert.Equal("CaseContracts", Package.Metadata("id"));
        Assert.Equal("true", Package.Metadata("developmentDependency"));
        var license = Package.MetadataElement("license");
        Assert.Equal("MIT", license?.Value);
        Assert.Equal("expression", license?.Attribute("type")?.Value);
        Assert.Equal("README.md", Package.Metadata("readme"));
        var repository = Package.MetadataElement("repository");
        Assert.Equal("git", repository?.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository?.Attribute("url")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Package.Metadata("description")));
        Assert.Contains(Package.Entries, e => e == "README.md");
    }

    [Fact]
    public void Version_is_the_version_prefix_of_Directory_Build_props_with_the_requested_suffix()
    {
        var prefix = XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

        Assert.Equal($"{prefix}-{Package.VersionSuffix}", Package.Version);
        Assert.EndsWith($"CaseContracts.{Package.Version}.nupkg", Package.FilePath);
    }

    [Fact]
    public void Every_option_the_package_declares_is_documented_in_the_package_readme_and_the_options_reference()
    {
        var options = Package.FilesUnder("buildTransitive")
            .SelectMany(file => OptionName().Matches(Package.ReadText($"buildTransitive/{file}")))
            .Select(match => match.Value)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        var packageReadme = Package.ReadText("README.md");
        var optionsReference = File.ReadAllText(Repository.PathOf("docs", "options.md"));

        Assert.Contains("CaseContractsSchemaDirectory", options);
        Assert.All(options, option => Assert.Contains($"`{option}`", packageReadme));
        Assert.All(options, option => Assert.Contains($"`{option}`", optionsReference));
    }

    // Code fixes run only in a Workspaces host (the IDE, dotnet format), which composes them with MEF:
    // [ExportCodeFixProvider] comes from System.Composition, loaded by that host, never by the compiler.
    private const string CodeFixAssembly = "CaseContracts.CodeFixes.dll";

    private static bool ComesWithTheIdeHost(string assemblyName)
        => assemblyName.StartsWith("System.Composition", StringComparison.Ordinal);

    private static bool ComesWithTheCompiler(string assemblyName)
        => assemblyName.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) // the compiler (Workspaces: the IDE, for code fixes)
           || assemblyName is "netstandard" or "mscorlib"
           || RuntimeAssemblyNames.Value.Contains(assemblyName);

    /// <summary>The assemblies of the .NET runtime the compiler runs on (the one running this test).</summary>
    private static readonly Lazy<HashSet<string>> RuntimeAssemblyNames = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetDirectoryName(path) == Path.GetDirectoryName(typeof(object).Assembly.Location))
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.Ordinal)!);

    private static System.Reflection.AssemblyName ReadIdentity(byte[] assembly)
    {
        using var reader = new PEReader(new MemoryStream(assembly));
        return reader.GetMetadataReader().GetAssemblyDefinition().GetAssemblyName();
    }

    private static IEnumerable<System.Reflection.AssemblyName> ReadReferences(byte[] assembly)
    {
        using var reader = new PEReader(new MemoryStream(assembly));
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle).GetAssemblyName()).ToArray();
    }

    [GeneratedRegex(@"(?<![_\w])CaseContracts[A-Z]\w*")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"test|sample|quickstart|benchmark", RegexOptions.IgnoreCase)]
    private static partial Regex TestOrSampleName();
}
