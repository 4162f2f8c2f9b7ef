using System;
using System.IO;
using System.Linq;
using CaseContracts.CodeFixes;
using CaseContracts.Generator.Analyzers;
using CaseContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using CaseContracts.Analyzers.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Analyzers.Tests.Catalogue;

/// <summary>
/// The analyzer reports exactly the catalogue's CC02xx descriptors, as warnings with constant
/// messages and help links; the code fix fixes only those, and the docs say which have fixes.
/// (The catalogue, release tracking and docs pages agree: DiagnosticCatalogueTests in the generator tests.)
/// </summary>
public sealed class AnalyzerCatalogueTests
{
    [Fact]
    public void The_analyzer_supports_exactly_the_contract_descriptors_of_the_catalogue()
    {
        var supported = new ContractAnalyzer().SupportedDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal);
        var catalogue = DiagnosticDescriptors.All.Where(d => d.Id.StartsWith("CC02", StringComparison.Ordinal)).Select(d => d.Id).Order(StringComparer.Ordinal);

        Assert.Equal(catalogue, supported);
    }

    [Fact]
    public void Every_contract_diagnostic_is_a_warning_by_default_with_a_help_link_to_its_page()
    {
        foreach (var descriptor in new ContractAnalyzer().SupportedDiagnostics)
        {
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.EndsWith("docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.Equal("CaseContracts.Contract", descriptor.Category);
        }
    }

    [Fact]
    public void The_code_fix_fixes_only_contract_diagnostics_and_their_pages_describe_the_fix()
    {
        var supported = new ContractAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var fixable = new ContractCodeFixProvider().FixableDiagnosticIds;

        Assert.NotEmpty(fixable);
        foreach (var id in supported)
        {
            var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics", id + ".md"));
            var firstLine = page[page.IndexOf("## Code fixes", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
            Assert.True(fixable.Contains(id) == !firstLine.StartsWith("None", StringComparison.Ordinal), $"{id}: fixable {fixable.Contains(id)}, docs say: {firstLine}");
        }

        Assert.DoesNotContain(fixable, id => !supported.Contains(id));
    }
}
