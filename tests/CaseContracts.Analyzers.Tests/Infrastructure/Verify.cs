using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace CaseContracts.Analyzers.Tests.Infrastructure;

/// <summary>Short forms of the common tests: diagnostics in code, and a code fix from code to code.</summary>
internal static class Verify
{
    /// <summary>The analyzer reports exactly <paramref name="expected"/> in <paramref name="source"/> (markup <c>{|CC0200:...|}</c> marks spans).</summary>
    public static Task Diagnostics(SchemaSet schemas, string source, params DiagnosticResult[] expected)
    {
        var test = new ContractTest(schemas) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The fix with <paramref name="equivalenceKey"/> turns <paramref name="source"/> into <paramref name="fixedSource"/>.</summary>
    public static Task Fix(SchemaSet schemas, string source, string fixedSource, string equivalenceKey)
        => new ContractTest(schemas) { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey }.RunAsync();

    /// <summary>The diagnostics in <paramref name="source"/> are reported, and no fix is offered for any of them.</summary>
    public static Task NoFix(SchemaSet schemas, string source)
        => new ContractTest(schemas) { TestCode = source, FixedCode = source }.RunAsync();
}
