using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using System.Text;
using CaseContracts.Contract;
using CaseContracts.Generator.Tests.Generation;
using Xunit;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>What the generated readers and validators must never do: reflect, allocate per valid string beyond the string itself, or show their plumbing.</summary>
public sealed class GeneratedCodeHygieneTests
{
    [Fact]
    public void Generated_code_uses_no_reflection()
    {
        var offending = RepositorySchemaRun.Result.GeneratedSources
            .Where(source => source.Value.Contains("System.Reflection", StringComparison.Ordinal)
                || source.Value.Contains("typeof(", StringComparison.Ordinal)
                || source.Value.Contains(".GetType()", StringComparison.Ordinal)
                || source.Value.Contains("Activator.", StringComparison.Ordinal))
            .Select(source => source.Key)
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void Generated_code_has_no_degenerate_switch_constant_condition_or_unused_reader_copy()
    {
        var sources = RepositorySchemaRun.Result.GeneratedSources
            .Concat(Infrastructure.GeneratorHarness.Run(new ContractGenerator(), [new Infrastructure.InMemoryAdditionalText(
                Infrastructure.SchemaFiles.VirtualSchemaDirectory + "bag.schema.json", """{ "title": "Bag", "type": "object", "additionalProperties": false }""")]).GeneratedSources);
        var findings = sources.SelectMany(source => Degenerate(source.Key, source.Value)).ToList();

        Assert.Empty(findings);
    }

    private static System.Collections.Generic.IEnumerable<string> Degenerate(string file, string source)
    {
        var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source).GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.SwitchStatementSyntax { Sections: [{ Labels: [Microsoft.CodeAnalysis.CSharp.Syntax.DefaultSwitchLabelSyntax] }] }:
                    yield return $"{file}: a switch whose only arm is default, line {node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.IfStatementSyntax { Condition: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal }:
                    yield return $"{file}: if ({literal}), line {node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax { Identifier.Text: "reader" } } copy
                    when !copy.Ancestors().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax>().First().DescendantNodes()
                        .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax>().Any(use => use.Identifier.Text == copy.Identifier.Text):
                    yield return $"{file}: unused copy '{copy.Identifier.Text}' of the reader, line {node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                    break;
            }
        }
    }

    [Fact]
    public void Each_extra_valid_tag_costs_its_string_and_its_list_slot_only()
    {
        var hundred = Body(100);
        var twoHundred = Body(200);
        Warm(hundred);
        Warm(twoHundred);

        var perTag = (Allocated(twoHundred) - Allocated(hundred)) / 100.0;

        // A 10-character tag is a 42-byte string (48 with alignment) plus its 8-byte slot in the list;
        // the list's doubling growth (128 → 256 slots here) adds up to two slots per element. Anything
        // the validator allocated per element would show on top of that.
        Assert.InRange(perTag, 48, 48 + 24);
    }

    private static byte[] Body(int tags)
        => Encoding.UTF8.GetBytes(
            "{\"title\":\"t\",\"description\":\"d\",\"tags\":[" + string.Join(",", Enumerable.Range(0, tags).Select(i => $"\"tag-{i:D6}\""))
            + "],\"connector\":{\"id\":\"none\",\"name\":\"none\",\"type\":\".none\",\"fields\":null},\"settings\":{\"syncAlerts\":true}}");

    private static void Warm(byte[] body)
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.True(CreateCaseRequest.TryParse(body).IsValid);
        }
    }

    private static long Allocated(byte[] body)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = CreateCaseRequest.TryParse(body);
        var after = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(result.IsValid);
        return after - before;
    }

    [Fact]
    public void Plumbing_the_generated_types_share_is_hidden_from_IntelliSense()
    {
        var types = typeof(CreateCaseRequest).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(CreateCaseRequest).Namespace && (type.IsSubclassOf(typeof(Connector)) || type == typeof(Connector) || type == typeof(CreateCaseRequest) || type == typeof(Case)))
            .ToList();
        var internalMembers = types
            .SelectMany(type => type.GetMembers(BindingFlags.DeclaredOnly | BindingFlags.Static | BindingFlags.Instance | BindingFlags.NonPublic))
            .Where(member => member is MethodInfo { IsAssembly: true } || member is Type { IsNestedAssembly: true })
            .ToList();

        var shown = internalMembers
            .Where(member => member.GetCustomAttribute<EditorBrowsableAttribute>()?.State != EditorBrowsableState.Never)
            .Select(member => member.DeclaringType!.Name + "." + member.Name)
            .ToList();

        Assert.Contains(internalMembers, member => member.Name == "ReadOwnMember");
        Assert.Contains(internalMembers, member => member.Name == "OwnMembers");
        Assert.Empty(shown);
    }
}
