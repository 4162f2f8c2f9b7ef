using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CaseContracts.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CaseContracts.Analyzers.Tests.Infrastructure;

/// <summary>Short forms of the common tests: diagnostics in code, a code fix from code to code, the fixes offered.</summary>
internal static class Verify
{
    /// <summary>The analyzer reports exactly <paramref name="expected"/> in <paramref name="source"/> (markup <c>{|#0:...|}</c> marks spans).</summary>
    public static Task Diagnostics(SchemaSet schemas, string source, params DiagnosticResult[] expected)
        => new ContractTest(schemas) { TestCode = source }.Expecting(expected).RunAsync();

    /// <summary>The fixes with <paramref name="equivalenceKey"/> turn <paramref name="source"/> into <paramref name="fixedSource"/> (one by one, and all at once).</summary>
    public static Task Fix(SchemaSet schemas, string source, string fixedSource, string equivalenceKey)
        => new ContractTest(schemas) { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey }.RunAsync();

    /// <summary>The diagnostics marked in <paramref name="source"/> are reported, and no fix is offered for any of them.</summary>
    public static Task NoFix(SchemaSet schemas, string source)
        => new ContractTest(schemas) { TestCode = source, FixedCode = source }.RunAsync();

    /// <summary>
    /// <paramref name="source"/> (no markup) gets exactly one diagnostic, and exactly the fixes titled
    /// <paramref name="titles"/>, in that order, are offered for it.
    /// </summary>
    public static async Task Fixes(SchemaSet schemas, string source, params string[] titles)
    {
        var (document, diagnostics) = await AnalyzerRun.RunAsync(schemas, source);
        var diagnostic = Assert.Single(diagnostics);
        var offered = new List<string>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => offered.Add(action.Title), CancellationToken.None);
        await new ContractCodeFixProvider().RegisterCodeFixesAsync(context);
        Assert.Equal(titles, offered.ToArray());
    }
}
