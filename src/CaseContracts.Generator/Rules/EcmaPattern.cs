using System;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// A schema's regular expression (ECMA-262, as JSON Schema specifies) as a .NET pattern with the same meaning
/// where the two differ in ways schemas meet: <c>\d</c> and <c>\w</c> are ASCII in ECMA-262 (.NET: any Unicode
/// digit or letter), and <c>$</c> is the end of the input (.NET: also before a final newline). The generated
/// validators and the build-time evaluation both run the translated pattern.
/// </summary>
internal static class EcmaPattern
{
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
                builder.Append(next switch
                {
                    'd' => inClass ? "0-9" : "[0-9]",
                    'D' when !inClass => "[^0-9]",
                    'w' => inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]",
                    'W' when !inClass => "[^a-zA-Z0-9_]",
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

            builder.Append(c);
        }

        return builder.ToString();
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
