using System;
using System.Globalization;
using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Analyzers.Evaluation;

/// <summary>
/// The value semantics of the generated validators' runtime (<c>JsonSupport</c>), over <see cref="JsonNode"/>s:
/// integers, number comparison, equality and string length decided exactly as at run time.
/// </summary>
internal static class JsonValues
{
    /// <summary>JSON Schema's type name of a value (<c>integer</c> for a number with no fraction, <c>1.0</c> included).</summary>
    public static string TypeName(JsonNode value) => value.Kind switch
    {
        JsonNodeKind.Null => "null",
        JsonNodeKind.Boolean => "boolean",
        JsonNodeKind.String => "string",
        JsonNodeKind.Object => "object",
        JsonNodeKind.Array => "array",
        _ => IsInteger(value.Text!) ? "integer" : "number",
    };

    /// <summary>As <c>JsonSupport.KindOf</c>: fits a long, or a decimal with no fraction, or a finite double with no fraction.</summary>
    public static bool IsInteger(string number)
        => long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
           || (TryDecimal(number) is { } d && decimal.Truncate(d) == d)
           || (Double(number) is var f && Math.Floor(f) == f && !double.IsInfinity(f));

    /// <summary>The number as a decimal when it fits (as <c>Utf8JsonReader.TryGetDecimal</c>), else null.</summary>
    public static decimal? TryDecimal(string number)
        => decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// The number as a double; beyond its range, infinity (as on .NET Core; .NET Framework's parser,
    /// which may run this analyzer, fails instead).
    /// </summary>
    public static double Double(string number)
        => double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
            : number.StartsWith("-", StringComparison.Ordinal) ? double.NegativeInfinity : double.PositiveInfinity;

    /// <summary>As <c>JsonSupport.CompareNumber</c>: exactly in decimal when both fit, else in double.</summary>
    public static int Compare(string number, string limit)
        => TryDecimal(limit) is { } exact && TryDecimal(number) is { } value
            ? value.CompareTo(exact)
            : Double(number).CompareTo(Double(limit));

    /// <summary>Length in Unicode code points, as JSON Schema counts (and <c>JsonSupport.CodePointLength</c>).</summary>
    public static long CodePointLength(string text)
    {
        var count = 0L;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i]) || i == 0 || !char.IsHighSurrogate(text[i - 1]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>As <c>JsonSupport.JsonEquals</c>: numbers by value, objects regardless of member order, arrays in order.</summary>
    public static bool JsonEquals(JsonNode left, JsonNode right)
    {
        if (left.Kind != right.Kind)
        {
            return false;
        }

        switch (left.Kind)
        {
            case JsonNodeKind.Number:
                return TryDecimal(left.Text!) is { } l && TryDecimal(right.Text!) is { } r ? l == r : Double(left.Text!) == Double(right.Text!);
            case JsonNodeKind.String:
            case JsonNodeKind.Boolean:
                return string.Equals(left.Text, right.Text, StringComparison.Ordinal);
            case JsonNodeKind.Array:
                if (left.Items.Count != right.Items.Count)
                {
                    return false;
                }

                for (var i = 0; i < left.Items.Count; i++)
                {
                    if (!JsonEquals(left.Items[i], right.Items[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonNodeKind.Object:
                if (left.Members.Count != right.Members.Count)
                {
                    return false;
                }

                foreach (var member in left.Members)
                {
                    if (LastMember(right, member.Name) is not { } other || !JsonEquals(member.Value, other.Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    // JsonElement.TryGetProperty finds the last of duplicate names.
    private static JsonMember? LastMember(JsonNode obj, string name)
    {
        for (var i = obj.Members.Count - 1; i >= 0; i--)
        {
            if (obj.Members[i].Name == name)
            {
                return obj.Members[i];
            }
        }

        return null;
    }
}
