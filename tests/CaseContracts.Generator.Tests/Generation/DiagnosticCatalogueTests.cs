using System;
using System.IO;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>The descriptor catalogue, the release-tracking file and the docs pages tell the same story.</summary>
public sealed class DiagnosticCatalogueTests
{
    public static TheoryData<string> Ids() => new(DiagnosticDescriptors.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_has_a_docs_page_with_invalid_and_fixed_examples(string id)
    {
        var page = Repository.PathOf("docs", "diagnostics", id + ".md");

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
        var tracking = File.ReadAllLines(Repository.PathOf("src", "CaseContracts.Generator", "Diagnostics", "AnalyzerReleases.Unshipped.md"));

        var row = Assert.Single(tracking, line => line.StartsWith(id + " ", StringComparison.Ordinal));
        var cells = row.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
        Assert.EndsWith("docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
    }

    [Fact]
    public void Every_release_tracked_rule_and_every_docs_page_is_in_the_catalogue()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var tracked = File.ReadAllLines(Repository.PathOf("src", "CaseContracts.Generator", "Diagnostics", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("CC", StringComparison.Ordinal))
            .Select(line => line.Split('|')[0].Trim());
        var pages = Directory.GetFiles(Repository.PathOf("docs", "diagnostics"), "CC*.md").Select(Path.GetFileNameWithoutExtension);

        Assert.DoesNotContain(tracked, id => !ids.Contains(id));
        Assert.DoesNotContain(pages, id => !ids.Contains(id!));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_docs_index_lists_every_diagnostic_with_its_title_and_severity(string id)
    {
        var descriptor = DiagnosticDescriptors.ById(id);
        var index = File.ReadAllLines(Repository.PathOf("docs", "diagnostics", "README.md"));

        var row = Assert.Single(index, line => line.StartsWith($"| [{id}]({id}.md) |", StringComparison.Ordinal));
        Assert.Equal(new[] { descriptor.Title.ToString(), descriptor.DefaultSeverity.ToString() }, row.Split('|').Skip(2).Take(2).Select(c => c.Trim()));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_docs_page_states_the_default_severity_and_category(string id)
    {
        var descriptor = DiagnosticDescriptors.ById(id);
        var text = File.ReadAllText(Repository.PathOf("docs", "diagnostics", id + ".md"));

        Assert.StartsWith($"# {id}: {descriptor.Title}", text);
        Assert.Contains($"Default severity: **{descriptor.DefaultSeverity}** · Category: `{descriptor.Category}`", text);
    }

    [Fact]
    public void Diagnostic_ids_are_unique()
    {
        Assert.Equal(DiagnosticDescriptors.All.Count, DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Count());
    }
}
