using System.Linq;
using System.Threading;
using CaseContracts.Generator.Schema;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>A damaged OpenAPI document never throws: whatever is wrong with it is located diagnostics.</summary>
public sealed class OpenApiRobustnessTests
{
    [Fact]
    public void Every_member_of_the_ticket_document_replaced_by_a_value_of_another_kind_is_a_diagnostic_never_an_exception()
    {
        // Each string, number, boolean, object and array in turn (a few hundred), replaced by each other kind.
        var document = TicketApi.Document;
        var values = ValueSpans(document).ToArray();
        Assert.True(values.Length > 100, "the walk found the document's values");
        string[] replacements = ["null", "17", "\"x\"", "[]", "{}", "true"];

        var damaged = 0;
        foreach (var (start, length) in values)
        {
            foreach (var replacement in replacements)
            {
                var text = document.Substring(0, start) + replacement + document.Substring(start + length);
                var read = SchemaReader.Read(TicketApi.DocumentPath, SourceText.From(text), CancellationToken.None);
                Assert.All(read.Diagnostics, d => Assert.True(d.Location.Start >= 0 && d.Location.Start <= text.Length));
                damaged += read.Diagnostics.IsEmpty ? 0 : 1;
            }
        }

        // Most replacements break something the reader must say (a few are harmless: "x" for a description).
        Assert.True(damaged > values.Length * 3, $"only {damaged} damaged documents were reported");
    }

    [Fact]
    public void The_ticket_document_cut_anywhere_is_a_diagnostic_never_an_exception()
    {
        var document = TicketApi.Document;
        for (var length = 0; length < document.Length; length += 7)
        {
            var read = SchemaReader.Read(TicketApi.DocumentPath, SourceText.From(document.Substring(0, length)), CancellationToken.None);
            Assert.NotEmpty(read.Diagnostics);
        }
    }

    /// <summary>The spans of the scalar and container values after each ':' or '[' or ',' in the text (strings, numbers, booleans, objects, arrays).</summary>
    private static System.Collections.Generic.IEnumerable<(int Start, int Length)> ValueSpans(string text)
    {
        var parsed = Json.JsonTextParser.Parse(text, allowComments: false, maxDepth: 64);
        var stack = new System.Collections.Generic.Stack<Json.JsonNode>();
        stack.Push(parsed.Root!);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node != parsed.Root)
            {
                yield return (node.Start, node.Length);
            }

            foreach (var member in node.Members)
            {
                stack.Push(member.Value);
            }

            foreach (var item in node.Items)
            {
                stack.Push(item);
            }
        }
    }
}
