// Emitted by RuntimeFileEmitter into the contract's namespace, as <namespace>.Runtime.KibanaMessages.g.cs, when the contract
// answers in Kibana's words: it declares an x-operation, or an OpenAPI document with "x-error-profile": "kibana". The
// namespace below is only where the repository compiles it. Written as generated code is: global::-qualified names,
// [GeneratedCode] standing for the generator's attribute.

namespace CaseContracts.Runtime;

/// <summary>Renders validation errors the way Kibana's HTTP API words them.</summary>
[GeneratedCode]
public static class KibanaMessages
{
    /// <summary>
    /// One message for all errors, comma-joined as Kibana joins them: <c>Invalid value "5" supplied to "connector,fields,issueType"</c>,
    /// <c>invalid keys "a,b"</c> (unknown properties of one object together), and the limit messages
    /// (<c>The length of the title is too long. The maximum length is 160.</c>…).
    /// </summary>
    public static string Format(global::System.Collections.Generic.IEnumerable<ValidationError> errors)
    {
        var parts = new global::System.Collections.Generic.List<string>();
        var unknownKeys = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<string>>();
        var length = 0;
        foreach (var error in errors)
        {
            // The message is bounded whatever the errors hold (names read from the document can be long).
            if (length > MaxMessageLength)
            {
                parts.Add("…");
                break;
            }

            var keys = Keys(error.Path);
            if (error.Keyword == "additionalProperties" && keys.Count > 0)
            {
                var parent = error.Path.Substring(0, error.Path.LastIndexOf('/'));
                if (!unknownKeys.TryGetValue(parent, out var names))
                {
                    unknownKeys.Add(parent, names = new global::System.Collections.Generic.List<string>());
                    parts.Add("\u0000" + parent);
                }

                var name = global::CaseContracts.Internal.JsonSupport.Truncate(keys[keys.Count - 1]);
                names.Add(name);
                length += name.Length + 1;
                continue;
            }

            var part = Shorten(Format(error, keys), MaxPartLength);
            parts.Add(part);
            length += part.Length + 1;
        }

        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].StartsWith("\u0000", global::System.StringComparison.Ordinal))
            {
                parts[i] = "invalid keys \"" + string.Join(",", unknownKeys[parts[i].Substring(1)]) + "\"";
            }
        }

        return string.Join(",", parts);
    }

    /// <summary>About where <see cref="Format(global::System.Collections.Generic.IEnumerable{ValidationError})"/> stops adding errors to a message (in characters).</summary>
    public const int MaxMessageLength = 4096;

    // One error's part of the message, at most (a path can be as long as the names in the document).
    private const int MaxPartLength = 512;

    /// <summary><paramref name="text"/>, cut to <paramref name="maxLength"/> characters with "…" when longer (never inside a surrogate pair).</summary>
    internal static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text.Substring(0, cut) + "…";
    }

    private static string Format(ValidationError error, global::System.Collections.Generic.List<string> keys)
    {
        var field = keys.Count == 0 ? "value" : keys[keys.Count - 1];
        switch (error.Keyword)
        {
            case "maxLength":
                return "The length of the " + field + " is too long. The maximum length is " + error.Limit + ".";
            case "minLength" when error.Value == "":
                return "The " + field + " field cannot be an empty string.";
            case "maxItems":
                return "The length of the field " + field + " is too long. Array must be of length <= " + error.Limit + ".";
            case "required":
                return "Invalid value \"undefined\" supplied to \"" + string.Join(",", keys) + "\"";
            default:
                // Without a value to show (a string that is not valid Unicode, a schema that refers to itself)
                // Kibana's form would read `Invalid value "" supplied to ""`: the error's own message says more.
                return error.Value is null ? (keys.Count == 0 ? error.Message : "\"" + string.Join(",", keys) + "\" " + error.Message)
                    : "Invalid value \"" + error.Value + "\" supplied to \"" + string.Join(",", keys) + "\"";
        }
    }

    // "/connector/fields/issueType" → connector, fields, issueType ("" is the document itself).
    private static global::System.Collections.Generic.List<string> Keys(string pointer)
    {
        var keys = new global::System.Collections.Generic.List<string>();
        if (pointer.Length > 0)
        {
            foreach (var segment in pointer.Substring(1).Split('/'))
            {
                keys.Add(segment.Replace("~1", "/").Replace("~0", "~"));
            }
        }

        return keys;
    }
}
