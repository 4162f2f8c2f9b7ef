using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Writes a schema position back as compact JSON, leaving a slot for each <c>$ref</c> (only at schema
/// positions: a property <em>named</em> "$ref" inside "properties" is data, not a reference). Draft 7 ignores
/// every sibling of <c>$ref</c>; a reader that would apply them (OpenAPI 3.1) must not see them, so only
/// annotations stay beside a reference.
/// </summary>
internal static class SchemaJsonWriter
{
    private static readonly HashSet<string> s_referenceSiblings = new(StringComparer.Ordinal) { "$ref", "description", "title", "$comment" };

    /// <param name="reference">Called where a <c>$ref</c> member stands (nothing written for it): its value, and which comma the member carries.</param>
    /// <param name="leftOut">Keywords of the position itself (not of those below) to leave out.</param>
    public static void Write(SchemaNode schema, StringBuilder text, Action<string, SlotComma> reference, ICollection<string>? leftOut = null)
    {
        if (!schema.IsObject)
        {
            JsonText.Write(schema.Json, text);
            return;
        }

        var target = schema.String("$ref");
        var members = schema.Keywords
            .Where(k => leftOut?.Contains(k.Name) != true && (target is null || s_referenceSiblings.Contains(k.Name)))
            .ToList();
        text.Append('{');
        var comma = false;
        for (var i = 0; i < members.Count; i++)
        {
            var keyword = members[i];
            if (target is not null && keyword.Name == "$ref")
            {
                // The slot carries its own comma, so leaving the reference out leaves valid JSON.
                var slotComma = i > 0 ? SlotComma.Before : i < members.Count - 1 ? SlotComma.After : SlotComma.None;
                reference(target, slotComma);
                comma = slotComma == SlotComma.Before;
                continue;
            }

            text.Append(comma ? "," : string.Empty);
            comma = true;
            JsonText.WriteString(keyword.Name, text);
            text.Append(':');
            if (target is null && SchemaKeywords.ShapeOf(keyword.Name) != SubSchemaShape.None && schema.Children(keyword.Name).Count > 0)
            {
                WriteSubSchemas(schema, keyword.Name, text, reference);
            }
            else
            {
                JsonText.Write(keyword.Value, text);
            }
        }

        text.Append('}');
    }

    private static void WriteSubSchemas(SchemaNode schema, string keyword, StringBuilder text, Action<string, SlotComma> reference)
    {
        var children = schema.Children(keyword);
        var value = schema.Value(keyword)!;
        switch (SchemaKeywords.ShapeOf(keyword))
        {
            case SubSchemaShape.Single:
            case SubSchemaShape.SingleOrArray when value.Kind != JsonNodeKind.Array:
                Write(children[0], text, reference);
                return;
            case SubSchemaShape.Array:
            case SubSchemaShape.SingleOrArray:
                text.Append('[');
                for (var i = 0; i < children.Count; i++)
                {
                    text.Append(i > 0 ? "," : string.Empty);
                    Write(children[i], text, reference);
                }

                text.Append(']');
                return;
            default:
                // Entries that are not schemas (a dependencies entry listing names) are written as they are.
                text.Append('{');
                for (var i = 0; i < value.Members.Count; i++)
                {
                    var entry = value.Members[i];
                    text.Append(i > 0 ? "," : string.Empty);
                    JsonText.WriteString(entry.Name, text);
                    text.Append(':');
                    if (children.FirstOrDefault(c => c.Name == entry.Name && ReferenceEquals(c.Json, entry.Value)) is { } child)
                    {
                        Write(child, text, reference);
                    }
                    else
                    {
                        JsonText.Write(entry.Value, text);
                    }
                }

                text.Append('}');
                return;
        }
    }
}
