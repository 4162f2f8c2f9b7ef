using System.Globalization;
using System.Text;

namespace CaseContracts.Generator.Json;

/// <summary>
/// Writes <see cref="JsonNode"/>s back as compact JSON text. Numbers keep the text they were written with
/// (no detour through <see cref="double"/>: <c>1e400</c> stays <c>1e400</c>, <c>0.1</c> stays exact); strings
/// escape only what JSON requires, plus the line separators JavaScript would choke on.
/// </summary>
internal static class JsonText
{
    public static string Write(JsonNode node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    public static void Write(JsonNode node, StringBuilder builder)
    {
        switch (node.Kind)
        {
            case JsonNodeKind.Null:
                builder.Append("null");
                break;
            case JsonNodeKind.Boolean:
            case JsonNodeKind.Number:
                builder.Append(node.Text);
                break;
            case JsonNodeKind.String:
                WriteString(node.Text!, builder);
                break;
            case JsonNodeKind.Array:
                builder.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(node.Items[i], builder);
                }

                builder.Append(']');
                break;
            case JsonNodeKind.Object:
                builder.Append('{');
                for (var i = 0; i < node.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteString(node.Members[i].Name, builder);
                    builder.Append(':');
                    Write(node.Members[i].Value, builder);
                }

                builder.Append('}');
                break;
        }
    }

    /// <summary>A string as a quoted JSON string literal.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        WriteString(value, builder);
        return builder.ToString();
    }

    public static void WriteString(string value, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ' || c is '\u0085' or '\u2028' or '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
