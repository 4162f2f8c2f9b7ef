using System;
using System.IO;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>The descriptor catalogue, the release-tracking file and the docs pages tell the same story.</summary>
public sealed class DiagnosticCatalogueTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string> Ids() => new(DiagnosticDescriptors.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_has_a_docs_page_with_invalid_and_fixed_examples(string id)
    {
        var page = Path.Combine(RepositoryRoot, "docs", "diagnostics", id + ".md");

        Assert.True(File.Exists(page), $"missing {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id, text);
        Assert.Contains("## Invalid", text);
        Assert.Contains("## Fixed", text);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_is_release_tracked_with_its_severity_and_links_to_its_page(string id)
    {
        var descriptor = DiagnosticDescriptors.ById(id);
        var tracking = File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "CaseContracts.Generator", "Diagnostics", "AnalyzerReleases.Unshipped.md"));

        var row = Assert.Single(tracking, line => line.StartsWith(id + " ", StringComparison.Ordinal));
        var cells = row.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
        Assert.EndsWith("docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
    }

    [Fact]
    public void Diagnostic_ids_are_unique()
    {
        Assert.Equal(DiagnosticDescriptors.All.Count, DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Count());
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CaseContracts.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CaseContracts.sln not found above " + AppContext.BaseDirectory);
    }
}
