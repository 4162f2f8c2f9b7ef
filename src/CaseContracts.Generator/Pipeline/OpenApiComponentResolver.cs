using System;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// One schema file's component texts → OpenAPI components: each <c>$ref</c> (a schema key, as the reader
/// left it) becomes <c>#/components/schemas/&lt;name&gt;</c>, with the names the index gives.
/// </summary>
internal static class OpenApiComponentResolver
{
    private const string ComponentsPrefix = "#/components/schemas/";

    public static EquatableArray<OpenApiComponentSpec> Resolve(SchemaDocument document, SchemaIndex index)
    {
        var components = new List<OpenApiComponentSpec>();
        foreach (var text in document.Components)
        {
            if (ComponentNames.Of(text.Key, index) is not { } name || NameCollisions.IsShadowed(text.Key, index))
            {
                continue;
            }

            var schema = Parse(text.Json);
            var references = new SortedSet<string>(StringComparer.Ordinal);
            PointReferencesAtComponents(schema, index, references);
            components.Add(new OpenApiComponentSpec(name, schema.ToString(Formatting.None), references.ToEquatableArray()));
        }

        return components.ToEquatableArray();
    }

    // Values as written: a date-like string stays a string, a decimal stays exact.
    private static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JObject.Load(reader);
    }

    private static void PointReferencesAtComponents(JObject schema, SchemaIndex index, SortedSet<string> references)
    {
        if (schema.Property("$ref", StringComparison.Ordinal) is { Value: JValue { Type: JTokenType.String } key } reference)
        {
            if (Target((string)key!, index) is { } target)
            {
                reference.Value = ComponentsPrefix + target.Name + target.Pointer;
                references.Add(target.Name);
            }
            else
            {
                // Unresolved (already reported as CC0002): the document describes the value as anything
                // rather than pointing at a component that does not exist.
                reference.Remove();
            }

            return;
        }

        foreach (var keyword in schema.Properties().ToList())
        {
            foreach (var subSchema in SchemaKeywords.SubSchemas(keyword.Name, keyword.Value))
            {
                PointReferencesAtComponents(subSchema, index, references);
            }
        }
    }

    /// <summary>
    /// A file's root or a definition is a component of its own; any other position is reached through the
    /// component that holds it and the rest of the pointer (<c>Case/properties/created_by</c>).
    /// </summary>
    private static (string Name, string Pointer)? Target(string key, SchemaIndex index)
    {
        const string Definitions = "#/definitions/";
        var (file, pointer) = SchemaPaths.SplitKey(key);
        var componentPointer = SchemaPaths.RootPointer;
        if (pointer.StartsWith(Definitions, StringComparison.Ordinal))
        {
            var end = pointer.IndexOf('/', Definitions.Length);
            componentPointer = end < 0 ? pointer : pointer.Substring(0, end);
        }

        var rest = pointer.Substring(componentPointer.Length);
        if (ComponentNames.Of(SchemaPaths.Key(file, componentPointer), index) is not { } name || (rest.Length > 0 && !index.HasValidationNode(key)))
        {
            return null;
        }

        return (name, rest);
    }
}
