using System;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// The C# that reads or writes one value of a given <see cref="ValueSpec"/>. Shared by the record and
/// union emitters so every type reads and writes values the same way.
/// </summary>
internal static class ValueCode
{
    private const string Support = JsonSupportEmitter.TypeName;

    /// <summary>An expression reading the value at <c>reader</c> (positioned on its first token).</summary>
    public static string Read(ValueSpec value, string reader, string owner, string property)
    {
        var context = ", " + CSharpLiterals.String(owner) + ", " + CSharpLiterals.String(property) + ")";
        var nullable = value.Nullable ? "Nullable" : string.Empty;
        return value.Kind switch
        {
            ValueKind.String => $"{Support}.Read{nullable}String(ref {reader}{context}",
            ValueKind.Integer => $"{Support}.Read{nullable}Int64(ref {reader}{context}",
            ValueKind.Number => $"{Support}.Read{nullable}Double(ref {reader}{context}",
            ValueKind.Boolean => $"{Support}.Read{nullable}Boolean(ref {reader}{context}",
            ValueKind.Json => $"{Support}.ReadElement(ref {reader})",
            ValueKind.Record => NullOr(value, reader, $"{value.TypeName}.ReadFrom(ref {reader})"),
            ValueKind.Enum => NullOr(value, reader, $"{value.TypeName}Json.ReadFrom(ref {reader})"),
            ValueKind.Array => NullOr(value, reader,
                $"{Support}.ReadArray(ref {reader}{context.Substring(0, context.Length - 1)}, static (ref global::System.Text.Json.Utf8JsonReader element) => {Read(value.Element!, "element", owner, property + "[]")})"),
            // The member type is explicit: a map's value type is not covariant (Dictionary<string, List<T>> is no IReadOnlyDictionary<string, IReadOnlyList<T>>).
            ValueKind.Map => NullOr(value, reader,
                $"{Support}.ReadMap<{value.Element!.DeclaredType}>(ref {reader}{context.Substring(0, context.Length - 1)}, static (ref global::System.Text.Json.Utf8JsonReader member) => {Read(value.Element!, "member", owner, property + "{}")})"),
            _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "Unknown value kind."),
        };
    }

    /// <summary>A statement writing <paramref name="expression"/> as a JSON value (<c>null</c> when null).</summary>
    public static string Write(ValueSpec value, string expression, string writer)
    {
        var nonNull = WriteNonNull(value, value.Nullable && value.IsValueType ? expression + ".Value" : expression, writer);
        if (!value.Nullable || value.Kind == ValueKind.String)
        {
            // Utf8JsonWriter.WriteStringValue writes null for a null string.
            return nonNull;
        }

        return $"if ({expression} is null) {{ {writer}.WriteNullValue(); }} else {{ {nonNull} }}";
    }

    /// <summary>
    /// A statement writing a value known to be present, held in a nullable C# member
    /// (an optional property): value types are unwrapped with <c>.Value</c>.
    /// </summary>
    public static string WritePresent(ValueSpec value, string expression, string writer)
        => WriteNonNull(value, value.IsValueType ? expression + ".Value" : expression, writer);

    private static string WriteNonNull(ValueSpec value, string expression, string writer) => value.Kind switch
    {
        ValueKind.String => $"{writer}.WriteStringValue({expression});",
        ValueKind.Integer or ValueKind.Number => $"{writer}.WriteNumberValue({expression});",
        ValueKind.Boolean => $"{writer}.WriteBooleanValue({expression});",
        ValueKind.Json or ValueKind.Record => $"{expression}.WriteTo({writer});",
        ValueKind.Enum => $"{value.TypeName}Json.WriteTo({writer}, {expression});",
        ValueKind.Array => $"{Support}.WriteArray({writer}, {expression}, static (w, element) => {{ {Write(value.Element!, "element", "w")} }});",
        ValueKind.Map => $"{Support}.WriteMap({writer}, {expression}, static (w, member) => {{ {Write(value.Element!, "member", "w")} }});",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "Unknown value kind."),
    };

    private static string NullOr(ValueSpec value, string reader, string read)
        => value.Nullable ? $"{reader}.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : {read}" : read;

    /// <summary>The expression that compares two values for record equality.</summary>
    public static string Equal(ValueSpec value, string left, string right)
        => value.Kind == ValueKind.Array ? $"{Support}.SequenceEqual({left}, {right})"
            : value.Kind == ValueKind.Map ? $"{Support}.MapEqual({left}, {right})"
            : $"global::System.Collections.Generic.EqualityComparer<{value.DeclaredType}>.Default.Equals({left}, {right})";

    /// <summary>The expression that adds a value to a hash code consistently with <see cref="Equal"/>.</summary>
    public static string Hash(ValueSpec value, string expression)
        => value.Kind == ValueKind.Array ? $"{Support}.SequenceHashCode({expression})"
            : value.Kind == ValueKind.Map ? $"{Support}.MapHashCode({expression})"
            : expression;
}
