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
