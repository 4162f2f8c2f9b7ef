using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace CaseContracts.Package.Tests.Infrastructure;

/// <summary>The package as build/pack.sh makes it, opened for inspection.</summary>
internal sealed class PackedPackage
{
    private PackedPackage(string path, string versionSuffix)
    {
        FilePath = path;
        VersionSuffix = versionSuffix;
        using var archive = ZipFile.OpenRead(path);
        Entries = archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray();
        var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var nuspecStream = nuspecEntry.Open();
        Nuspec = XDocument.Load(nuspecStream);
        Version = Metadata("version") ?? throw new InvalidOperationException("The nuspec has no version.");
    }

    public string FilePath { get; }

    public string VersionSuffix { get; }

    public string Version { get; }

    /// <summary>Every file in the package (forward slashes, as the zip stores them).</summary>
    public IReadOnlyList<string> Entries { get; }

    public XDocument Nuspec { get; }

    /// <summary>Runs build/pack.sh with a version suffix no NuGet cache has seen, into <paramref name="feed"/>.</summary>
    public static async Task<PackedPackage> PackAsync(string feed)
    {
        var versionSuffix = "packagetest-" + Guid.NewGuid().ToString("N")[..12];
        var pack = await Command.RunAsync(
            "bash",
            [Repository.PathOf("build", "pack.sh"), "--output", feed, "--version-suffix", versionSuffix],
            Repository.Root,
            ConsumerWorkspace.Isolated());
        if (!pack.Succeeded)
        {
            throw new InvalidOperationException("build/pack.sh failed: " + pack);
        }

        return new PackedPackage(pack.Lines[^1], versionSuffix);
    }

    /// <summary>A metadata element of the nuspec (whatever nuspec schema version it declares).</summary>
    public string? Metadata(string name) => MetadataElement(name)?.Value;

    public XElement? MetadataElement(string name)
        => Nuspec.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>The file names directly under a package folder, e.g. <c>analyzers/dotnet/cs</c>.</summary>
    public IReadOnlyList<string> FilesUnder(string folder)
        => Entries.Where(e => e.StartsWith(folder + "/", StringComparison.Ordinal)).Select(e => e[(folder.Length + 1)..]).ToArray();

    public byte[] Read(string entry)
    {
        using var archive = ZipFile.OpenRead(FilePath);
        using var stream = archive.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"No {entry} in the package.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public string ReadText(string entry) => System.Text.Encoding.UTF8.GetString(Read(entry));
}
