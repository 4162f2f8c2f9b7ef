using System;
using System.Collections.Generic;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Schema;
using CaseContracts.Generator.Json;

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

            // The text was written by the reader from a schema that parsed: it parses.
            var schema = SchemaNode.Root(string.Empty, JsonTextParser.Parse(text.Json, maxDepth: int.MaxValue).Root!);
            var references = new SortedSet<string>(StringComparer.Ordinal);
            var json = SchemaJsonWriter.Write(schema, key =>
            {
                if (Target(key, index) is not { } target)
                {
                    // Unresolved (already reported as CC0002): the document describes the value as anything
                    // rather than pointing at a component that does not exist.
                    return null;
                }

                references.Add(target.Name);
                return ComponentsPrefix + target.Name + target.Pointer;
            });
            components.Add(new OpenApiComponentSpec(name, json, references.ToEquatableArray()));
        }

        return components.ToEquatableArray();
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
