using System.Linq;

namespace CaseContracts.Generator.Model;

/// <summary>
/// The part of a named schema other files need (its name and kind, union members, fixed property
/// values): the small projection collected across files. Descriptions and property lists stay out,
/// so editing them in one file does not invalidate the others.
/// </summary>
internal sealed record SchemaSummary(
    string Key,
    NamedSchemaKind Kind,
    string TypeName,
    SchemaValue? AliasOf,
    EquatableArray<string> UnionMembers,
    EquatableArray<SourceLocation> UnionMemberLocations,
    EquatableArray<ConstProperty> ConstProperties,
    SourceLocation Location,
    bool IsStrictObject)
{
    public static SchemaSummary Of(NamedSchema schema) => new(
        schema.Key,
        schema.Kind,
        schema.TypeName,
        schema.AliasOf,
        schema.UnionMembers,
        schema.UnionMemberLocations,
        schema.Properties
            .Where(p => p.Required && p.ConstJson is not null)
            .Select(p => new ConstProperty(p.JsonName, p.ConstJson!, p.Location))
            .ToEquatableArray(),
        schema.Location,
        schema.IsStrictObject);
}

/// <summary>A required property with a fixed value: what makes an object schema a union variant.</summary>
internal sealed record ConstProperty(string JsonName, string ConstJson, SourceLocation Location);
