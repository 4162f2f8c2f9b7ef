using System;
using System.Collections.Generic;
using System.Text;
using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Writes a schema position back as compact JSON with each <c>$ref</c> rewritten: only at schema
/// positions, since a property <em>named</em> "$ref" inside "properties" is data, not a reference.
/// Draft 7 ignores every sibling of <c>$ref</c>; a reader that would apply them (OpenAPI 3.1) must not
/// see them, so only annotations stay beside a reference.
/// </summary>
internal static class SchemaJsonWriter
{
    private static readonly HashSet<string> s_referenceSiblings = new(StringComparer.Ordinal) { "$ref", "description", "title", "$comment" };

    /// <param name="rewriteReference">The new value of a <c>$ref</c>, or null to leave the reference out.</param>
    /// <param name="leftOut">Keywords of the position itself (not of those below) to leave out.</param>
    public static string Write(SchemaNode schema, Func<string, string?> rewriteReference, ICollection<string>? leftOut = null)
    {
        var text = new StringBuilder();
        Write(schema, rewriteReference, leftOut, text);
        return text.ToString();
    }

    private static void Write(SchemaNode schema, Func<string, string?> rewriteReference, ICollection<string>? leftOut, StringBuilder text)
    {
        if (!schema.IsObject)
        {
            JsonText.Write(schema.Json, text);
            return;
        }

        var reference = schema.String("$ref");
        var rewritten = reference is null ? null : rewriteReference(reference);
        text.Append('{');
        var first = true;
        foreach (var keyword in schema.Keywords)
        {
            if (leftOut?.Contains(keyword.Name) == true
                || (reference is not null && (!s_referenceSiblings.Contains(keyword.Name) || (keyword.Name == "$ref" && rewritten is null))))
            {
                continue;
            }

            text.Append(first ? string.Empty : ",");
            first = false;
            JsonText.WriteString(keyword.Name, text);
            text.Append(':');
            if (reference is not null && keyword.Name == "$ref")
            {
                JsonText.WriteString(rewritten!, text);
            }
            else if (reference is null && SchemaKeywords.ShapeOf(keyword.Name) != SubSchemaShape.None && schema.Children(keyword.Name).Count > 0)
            {
                WriteSubSchemas(schema, keyword.Name, rewriteReference, text);
            }
            else
            {
                JsonText.Write(keyword.Value, text);
            }
        }

        text.Append('}');
    }

    private static void WriteSubSchemas(SchemaNode schema, string keyword, Func<string, string?> rewriteReference, StringBuilder text)
    {
        var children = schema.Children(keyword);
        switch (SchemaKeywords.ShapeOf(keyword))
        {
            case SubSchemaShape.Single:
                Write(children[0], rewriteReference, null, text);
                return;
            case SubSchemaShape.Array:
                text.Append('[');
                for (var i = 0; i < children.Count; i++)
                {
                    text.Append(i > 0 ? "," : string.Empty);
                    Write(children[i], rewriteReference, null, text);
                }

                text.Append(']');
                return;
            default:
                text.Append('{');
                for (var i = 0; i < children.Count; i++)
                {
                    text.Append(i > 0 ? "," : string.Empty);
                    JsonText.WriteString(children[i].Name!, text);
                    text.Append(':');
                    Write(children[i], rewriteReference, null, text);
                }

                text.Append('}');
                return;
        }
    }
}
