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

            AddDiscriminator(text.Key, index, json);
            components.Add(new OpenApiComponentSpec(name, json.ToString(), references.ToEquatableArray()));
        }

        return components.ToEquatableArray();
    }

    /// <summary>
    /// A discriminated union (what the generator reads as one: <c>oneOf</c> members that each fix one string
    /// property) says so in OpenAPI's terms, so documentation and client generators pick the variant by the
    /// property rather than by trying each: <c>"discriminator":{"propertyName":"type","mapping":{".jira":…}}</c>.
    /// </summary>
    private static void AddDiscriminator(string key, SchemaIndex index, System.Text.StringBuilder json)
    {
        if (index.Find(key) is not { Kind: NamedSchemaKind.Union } summary || UnionLayout.Of(summary, index) is not { } layout
            || json.Length == 0 || json[json.Length - 1] != '}')
        {
            return;
        }

        var mapping = new List<string>();
        foreach (var (member, value) in layout.Variants)
        {
            // The mapping names components; a variant written inline in the oneOf has none to name.
            if (!IsComponent(member.Key) || ComponentNames.Of(member.Key, index) is not { } variant)
            {
                return;
            }

            mapping.Add(JsonText.Quote(value) + ":" + JsonText.Quote(ComponentsPrefix + variant));
        }

        var discriminator = "\"discriminator\":{\"propertyName\":" + JsonText.Quote(layout.DiscriminatorJsonName)
            + ",\"mapping\":{" + string.Join(",", mapping) + "}}";
        json.Insert(json.Length - 1, json.Length > 2 ? "," + discriminator : discriminator);
    }

    private static bool IsComponent(string key)
    {
        var pointer = SchemaPaths.SplitKey(key).Pointer;
        return pointer == SchemaPaths.RootPointer
            || (DefinitionsPrefix(pointer) is { } prefix && pointer.IndexOf('/', prefix.Length) < 0);
    }

    /// <summary>Where a file's definitions live (<c>definitions</c>, or <c>$defs</c> from 2019-09 on): each is a component of its own (<see cref="ComponentReader"/>).</summary>
    private static string? DefinitionsPrefix(string pointer)
        => pointer.StartsWith("#/definitions/", StringComparison.Ordinal) ? "#/definitions/"
            : pointer.StartsWith("#/$defs/", StringComparison.Ordinal) ? "#/$defs/"
            : null;

    /// <summary>
    /// A file's root or a definition is a component of its own; any other position is reached through the
    /// component that holds it and the rest of the pointer (<c>Case/properties/created_by</c>).
    /// </summary>
    public static (string Name, string Pointer)? Target(string key, SchemaIndex index)
    {
        // A reference by URI ($id of another file) names the position that file registers.
        key = index.Resolve(key);
        var (file, pointer) = SchemaPaths.SplitKey(key);
        var componentPointer = SchemaPaths.RootPointer;
        if (DefinitionsPrefix(pointer) is { } prefix)
        {
            var end = pointer.IndexOf('/', prefix.Length);
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
