using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CaseContracts.Generator.Schema;

/// <summary>JSON names to idiomatic C# names (<c>closed_at</c> → <c>ClosedAt</c>, <c>in-progress</c> → <c>InProgress</c>).</summary>
internal static class Naming
{
    public static string ToPascalCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        var startOfWord = true;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        return char.IsDigit(builder[0]) ? "_" + builder : builder.ToString();
    }

    /// <summary>
    /// Whether a <c>title</c> reads as a type name: one word (<c>Case</c>, <c>CreateCaseRequest</c>, <c>tsoa</c>), or up
    /// to four capitalised words (<c>Claude Code Keybindings</c>); not a sentence (<c>JSON schema for NPM package.json
    /// files</c>) nor one that names the format (<c>ABCSupplyPlan JSON Schema</c>). Otherwise the file name or the
    /// property path names the type.
    /// </summary>
    public static bool IsName(string title)
    {
        var words = title.Split(new[] { ' ' }, System.StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > 4)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (word.Equals("JSON", System.StringComparison.OrdinalIgnoreCase) || word.Equals("schema", System.StringComparison.OrdinalIgnoreCase)
                || (words.Length > 1 && !char.IsUpper(word[0]) && !char.IsDigit(word[0])))
            {
                return false;
            }

            foreach (var c in word)
            {
                if (!char.IsLetterOrDigit(c) && c != '_' && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static string ToCamelCase(string pascalCase)
    {
        var camel = pascalCase.Length == 0 ? pascalCase : char.ToLowerInvariant(pascalCase[0]) + pascalCase.Substring(1);
        return EscapeKeyword(camel);
    }

    /// <summary>Prefixes <c>@</c> when the name is a C# keyword (<c>case</c>, <c>object</c>…).</summary>
    public static string EscapeKeyword(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;
}
