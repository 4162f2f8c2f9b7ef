using System;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// A schema file's root and its <c>definitions</c> as standalone JSON texts, for OpenAPI documents: the
/// schema files themselves describe the JSON on the wire exactly (names, nullability, constraints,
/// descriptions), which reflection over the generated C# types cannot.
/// </summary>
internal static class ComponentReader
{
    /// <summary>Keywords a component leaves out: the dialect marker, definitions (components of their own) and the operation.</summary>
    private static readonly string[] s_rootOnly = { "$schema", "definitions", OperationReader.Keyword };

    /// <summary>Draft 7 ignores every sibling of <c>$ref</c>; OpenAPI 3.1 would apply them, so only annotations stay.</summary>
    private static readonly HashSet<string> s_referenceSiblings = new(StringComparer.Ordinal) { "$ref", "description", "title", "$comment" };

    public static List<SchemaComponentText> Read(string path, JObject root)
    {
        var components = new List<SchemaComponentText> { Component(path, SchemaPaths.RootPointer, root) };
        if (root["definitions"] is JObject definitions)
        {
            foreach (var definition in definitions.Properties())
            {
                if (definition.Value is JObject schema)
                {
                    components.Add(Component(path, "#/definitions/" + SchemaPaths.EscapePointerSegment(definition.Name), schema));
                }
            }
        }

        return components;
    }

    private static SchemaComponentText Component(string path, string pointer, JObject schema)
    {
        var copy = (JObject)schema.DeepClone();
        foreach (var keyword in s_rootOnly)
        {
            copy.Remove(keyword);
        }

        ResolveReferences(path, copy);
        return new SchemaComponentText(SchemaPaths.Key(path, pointer), copy.ToString(Formatting.None));
    }

    // Only at schema positions: a property *named* "$ref" inside "properties" is data, not a reference.
    private static void ResolveReferences(string path, JObject schema)
    {
        if (schema.Property("$ref", StringComparison.Ordinal) is { Value: JValue { Type: JTokenType.String } reference } property)
        {
            foreach (var sibling in schema.Properties().Where(p => !s_referenceSiblings.Contains(p.Name)).ToList())
            {
                sibling.Remove();
            }

            property.Value = SchemaPaths.ResolveReference(path, (string)reference!);
            return;
        }

        foreach (var keyword in schema.Properties().ToList())
        {
            foreach (var subSchema in SchemaKeywords.SubSchemas(keyword.Name, keyword.Value))
            {
                ResolveReferences(path, subSchema);
            }
        }
    }
}
