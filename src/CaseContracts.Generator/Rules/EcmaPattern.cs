using System;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// A schema's regular expression (ECMA-262, as JSON Schema specifies) as a .NET pattern with the same meaning
/// where the two differ in ways schemas meet: <c>\d</c> and <c>\w</c> are ASCII in ECMA-262 (.NET: any Unicode
/// digit or letter), <c>$</c> is the end of the input (.NET: also before a final newline), patterns have Unicode
/// semantics (<c>.</c> and a literal character beyond the BMP are one code point, not two UTF-16 units; <c>.</c>
/// stops at every line terminator), and <c>\p{…}</c> takes the long general-category names (<c>Letter</c>).
/// The generated validators and the build-time evaluation both run the translated pattern.
/// </summary>
internal static class EcmaPattern
{
    private const string AnyCodePoint = "(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\n\\r\\u2028\\u2029])";

    /// <summary>ECMA-262's long general-category names (and the suite's <c>digit</c>) as .NET's short ones.</summary>
    private static readonly System.Collections.Generic.Dictionary<string, string> s_categories = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Cased_Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc",
        ["Enclosing_Mark"] = "Me", ["Number"] = "N", ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl",
        ["Other_Number"] = "No", ["Punctuation"] = "P", ["Connector_Punctuation"] = "Pc", ["Dash_Punctuation"] = "Pd",
        ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi", ["Final_Punctuation"] = "Pf",
        ["Other_Punctuation"] = "Po", ["Symbol"] = "S", ["Math_Symbol"] = "Sm", ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk",
        ["Other_Symbol"] = "So", ["Separator"] = "Z", ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl",
        ["Paragraph_Separator"] = "Zp", ["Other"] = "C", ["Control"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs",
        ["Private_Use"] = "Co", ["Unassigned"] = "Cn",
    };

    /// <summary>The .NET pattern for the ECMA-262 <paramref name="pattern"/>.</summary>
    public static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (next is 'p' or 'P' && i + 1 < pattern.Length && pattern[i + 1] == '{' && pattern.IndexOf('}', i + 2) is var close and > 0)
                {
                    var name = pattern.Substring(i + 2, close - i - 2);
                    if (name.StartsWith("General_Category=", StringComparison.Ordinal) || name.StartsWith("gc=", StringComparison.Ordinal))
                    {
                        name = name.Substring(name.IndexOf('=') + 1);
                    }

                    builder.Append('\\').Append(next).Append('{').Append(s_categories.TryGetValue(name, out var category) ? category : name).Append('}');
                    i = close;
                    continue;
                }

                builder.Append(next switch
                {
                    'd' => inClass ? "0-9" : "[0-9]",
                    'D' when !inClass => "[^0-9]",
                    'w' => inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]",
                    'W' when !inClass => "[^a-zA-Z0-9_]",
                    // ECMA-262 white space includes U+FEFF, which .NET's \s does not.
                    's' => inClass ? "\\s\\uFEFF" : "[\\s\\uFEFF]",
                    'S' when !inClass => "[^\\s\\uFEFF]",
                    _ => "\\" + next,
                });
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
                builder.Append(c);
                // A ']' first in a class (or after '^') is a literal in .NET, but ends an empty class in ECMA-262; keep .NET's reading.
                continue;
            }
            else if (c == '$')
            {
                builder.Append("\\z");
                continue;
            }
            else if (c == '.')
            {
                builder.Append(AnyCodePoint);
                continue;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
            {
                // One character to a quantifier after it, as in ECMA-262 with Unicode semantics.
                builder.Append("(?:").Append(c).Append(pattern[++i]).Append(')');
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The generated code's field <paramref name="name"/>: a <c>SchemaPattern</c> holding <paramref name="pattern"/>
    /// translated (compiled to IL the first time a text needs it) and, when it has one, its automaton over ASCII
    /// (<see cref="PatternAutomaton"/>), which matches ASCII text without the regular expression.
    /// </summary>
    public static string Declaration(string name, string pattern)
    {
        var translated = Emit.CSharpLiterals.String(Translate(pattern));
        var automaton = PatternAutomaton.For(pattern) is { } built
            ? $", {Emit.CSharpLiterals.String(built.Transitions)}, {Emit.CSharpLiterals.String(built.Acceptance)}"
            : string.Empty;
        return $"private static readonly global::CaseContracts.Internal.SchemaPattern {name} = new({translated}{automaton});";
    }

    /// <summary>Null when .NET can run the translated pattern, else why not.</summary>
    public static string? Problem(string pattern)
    {
        try
        {
            _ = new Regex(Translate(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
