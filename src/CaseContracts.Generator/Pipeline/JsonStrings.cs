using Newtonsoft.Json.Linq;

namespace CaseContracts.Generator.Pipeline;

/// <summary>Conversions between JSON string literals and their values.</summary>
internal static class JsonStrings
{
    /// <summary><c>"\u002ejira"</c> → <c>.jira</c>.</summary>
    public static string Decode(string jsonStringLiteral) => (string)JToken.Parse(jsonStringLiteral)!;
}
