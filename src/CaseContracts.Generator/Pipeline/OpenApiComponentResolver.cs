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

            var json = new System.Text.StringBuilder(text.Parts[0]);
            var references = new SortedSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < text.References.Count; i++)
            {
                // Unresolved (already reported as CC0002): the document describes the value as anything
                // rather than pointing at a component that does not exist.
                if (Target(text.References[i].TargetKey, index) is { } target)
                {
                    references.Add(target.Name);
                    var member = "\"$ref\":" + JsonText.Quote(ComponentsPrefix + target.Name + target.Pointer);
                    json.Append(text.References[i].Comma switch
                    {
                        SlotComma.Before => "," + member,
                        SlotComma.After => member + ",",
                        _ => member,
                    });
                }

                json.Append(text.Parts[i + 1]);
            }

            components.Add(new OpenApiComponentSpec(name, json.ToString(), references.ToEquatableArray()));
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
