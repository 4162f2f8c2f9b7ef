using System.Collections.Generic;

namespace CaseContracts.Generator.Json;

/// <summary>The JSON types a value can have, as JSON Schema's <c>type</c> names them (integers are told apart later).</summary>
internal enum JsonNodeKind
{
    Null,
    Boolean,
    Number,
    String,
    Object,
    Array,
}

/// <summary>
/// A JSON value read for checking at build time, with where it is: <see cref="Start"/> and
/// <see cref="Length"/> are offsets in whatever text it came from (a JSON file, the value of a C#
/// string literal, or C# source for constants), so a diagnostic can point at exactly this value.
/// </summary>
internal sealed class JsonNode
{
    private JsonNode(JsonNodeKind kind, int start, int length, string? text, IReadOnlyList<JsonMember>? members, IReadOnlyList<JsonNode>? items, bool hasInvalidUnicode)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Text = text;
        Members = members ?? System.Array.Empty<JsonMember>();
        Items = items ?? System.Array.Empty<JsonNode>();
        HasInvalidUnicode = hasInvalidUnicode;
    }

    public JsonNodeKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    /// <summary>A string's decoded value, a number's JSON text, <c>true</c>/<c>false</c>; null otherwise.</summary>
    public string? Text { get; }

    /// <summary>An object's members in document order (duplicates kept, as the validators see them).</summary>
    public IReadOnlyList<JsonMember> Members { get; }

    /// <summary>An array's elements.</summary>
    public IReadOnlyList<JsonNode> Items { get; }

    /// <summary>A string holding an unpaired surrogate escape (<c>\ud800</c>): well-formed JSON that no .NET string can hold.</summary>
    public bool HasInvalidUnicode { get; }

    public static JsonNode Null(int start, int length) => new(JsonNodeKind.Null, start, length, null, null, null, false);

    public static JsonNode Boolean(bool value, int start, int length) => new(JsonNodeKind.Boolean, start, length, value ? "true" : "false", null, null, false);

    /// <summary>A number; <paramref name="jsonText"/> must follow the JSON number grammar.</summary>
    public static JsonNode Number(string jsonText, int start, int length) => new(JsonNodeKind.Number, start, length, jsonText, null, null, false);

    public static JsonNode String(string value, int start, int length, bool hasInvalidUnicode = false) => new(JsonNodeKind.String, start, length, value, null, null, hasInvalidUnicode);

    public static JsonNode Object(IReadOnlyList<JsonMember> members, int start, int length) => new(JsonNodeKind.Object, start, length, null, members, null, false);

    public static JsonNode Array(IReadOnlyList<JsonNode> items, int start, int length) => new(JsonNodeKind.Array, start, length, null, null, items, false);

    /// <summary>This value as compact JSON text: strings re-escaped minimally, numbers exactly as written.</summary>
    public string ToJson() => JsonText.Write(this);

    /// <summary>A number's value as a <see cref="double"/>; false for other kinds and for numbers beyond its range (<c>1e400</c>).</summary>
    public bool TryGetDouble(out double value)
    {
        value = 0;
        return Kind == JsonNodeKind.Number
               && double.TryParse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value)
               && !double.IsInfinity(value) && !double.IsNaN(value);
    }

    /// <summary>The first number in this value (itself, or inside it) that no <see cref="double"/> can hold (<c>1e400</c>), or null.</summary>
    public JsonNode? FirstNumberBeyondDouble()
    {
        if (Kind == JsonNodeKind.Number)
        {
            return TryGetDouble(out _) ? null : this;
        }

        foreach (var item in Items)
        {
            if (item.FirstNumberBeyondDouble() is { } found)
            {
                return found;
            }
        }

        foreach (var member in Members)
        {
            if (member.Value.FirstNumberBeyondDouble() is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>A number with no fractional part (<c>2</c>, <c>2.0</c>, <c>2e1</c>), as JSON Schema counts integers.</summary>
    public bool IsIntegral => TryGetDouble(out var value) && System.Math.Floor(value) == value;

    /// <summary>The first member named <paramref name="name"/> (as the validators' look-ahead finds it), or null.</summary>
    public JsonMember? FirstMember(string name)
    {
        foreach (var member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }
}

/// <summary>A member of a JSON object: its name (decoded), where the quoted name is, and its value.</summary>
internal sealed class JsonMember
{
    public JsonMember(string name, int nameStart, int nameLength, JsonNode value, bool nameHasInvalidUnicode = false)
    {
        Name = name;
        NameStart = nameStart;
        NameLength = nameLength;
        Value = value;
        NameHasInvalidUnicode = nameHasInvalidUnicode;
    }

    public string Name { get; }

    /// <summary>Offset of the opening quote of the name.</summary>
    public int NameStart { get; }

    /// <summary>Length of the quoted name, quotes included.</summary>
    public int NameLength { get; }

    public JsonNode Value { get; }

    public bool NameHasInvalidUnicode { get; }

    /// <summary>From the name's opening quote to the end of the value.</summary>
    public int End => Value.End;
}
