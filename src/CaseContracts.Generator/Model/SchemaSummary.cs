using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Model.Validation;

namespace CaseContracts.Generator.Model;

/// <summary>
/// The part of a named schema other files need (its name and kind, union members, fixed property
/// values): the small projection collected across files. Descriptions stay out, so editing them in one
/// file does not invalidate the others; so do the properties, except for the objects that may be union
/// variants (those with a required fixed property), whose union reads their members. So do source
/// locations: any edit that moves text (a longer description) would change them, and with them every
/// file's resolution. What is reported at a place is reported by the file that holds the place, from its
/// own <see cref="NamedSchema"/> (<see cref="Pipeline.NameCollisions"/>, <see cref="Pipeline.UnionLayout.Report"/>).
/// </summary>
/// <param name="Schema">For a possible variant: the assertions of its own schema position (the union reads it in one pass only when they are the object's shape alone).</param>
/// <param name="Members">For a possible variant: its properties, in schema order.</param>
internal sealed record SchemaSummary(
    string Key,
    NamedSchemaKind Kind,
    string TypeName,
    SchemaValue? AliasOf,
    EquatableArray<string> UnionMembers,
    EquatableArray<ConstProperty> ConstProperties,
    bool IsStrictObject,
    ValidationNode? Schema = null,
    EquatableArray<MemberSummary> Members = default)
{
    /// <param name="nodes">The validation nodes of the schema's file, by key.</param>
    public static SchemaSummary Of(NamedSchema schema, IReadOnlyDictionary<string, ValidationNode> nodes)
    {
        var constProperties = schema.Properties
            .Where(p => p.Required && p.ConstJson is not null)
            .Select(p => new ConstProperty(p.JsonName, p.ConstJson!))
            .ToEquatableArray();
        var summary = new SchemaSummary(schema.Key, schema.Kind, schema.TypeName, schema.AliasOf, schema.UnionMembers, constProperties, schema.IsStrictObject);
        if (schema.Kind != NamedSchemaKind.Object || constProperties.IsEmpty)
        {
            return summary;
        }

        return summary with
        {
            Schema = nodes.TryGetValue(schema.Key, out var node) ? node : null,
            Members = schema.Properties
                .Select(p => new MemberSummary(p.JsonName, p.Required, p.Value, p.ConstJson, nodes.TryGetValue(PropertyKey(schema.Key, p.JsonName), out var member) && StandsAlone(member) ? member : null))
                .ToEquatableArray(),
        };
    }

    private static string PropertyKey(string ownerKey, string jsonName) => ownerKey + "/properties/" + Generator.Schema.SchemaPaths.EscapePointerSegment(jsonName);

    // Sub-schemas of the same file are keyed by their place in it, so equal nodes elsewhere would not mean equal checks.
    private static bool StandsAlone(ValidationNode node)
        => node.ItemsKey is null && node.Properties.IsEmpty && node.AdditionalPropertiesKey is null && node.Applications.IsEmpty
           && node.AllOf.IsEmpty && node.AnyOf.IsEmpty && node.OneOf.IsEmpty;
}

/// <summary>A required property with a fixed value: what makes an object schema a union variant.</summary>
internal sealed record ConstProperty(string JsonName, string ConstJson);
