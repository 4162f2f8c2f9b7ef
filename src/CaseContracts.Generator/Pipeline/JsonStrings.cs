using System.Globalization;
using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Pipeline;

/// <summary>Conversions between JSON string literals and their values.</summary>
internal static class JsonStrings
{
    /// <summary><c>"\u002ejira"</c> → <c>.jira</c>.</summary>
    public static string Decode(string jsonStringLiteral) => JsonTextParser.Parse(jsonStringLiteral).Root?.Text ?? string.Empty;

    /// <summary>
    /// <paramref name="c"/> as written inside a JSON string literal: quote, backslash and control characters
    /// escaped. The same text is a valid C# regular string literal's content, which the code fixes rely on.
    /// </summary>
    public static string Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ when c < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };
}
