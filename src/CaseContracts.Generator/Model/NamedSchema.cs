namespace CaseContracts.Generator.Model;

/// <summary>
/// A schema that becomes a C# type: a file's root, a definition, or an inline object/enum.
/// Read from one file, with references to other files kept as keys for the resolver.
/// </summary>
/// <param name="Key">Unique key: the schema file's normalised path and the JSON pointer (<c>#</c> for the root).</param>
/// <param name="TypeName">C# type name proposed by the schema (its <c>title</c>, or derived from the file/property name).</param>
/// <param name="RejectsUnknownProperties"><c>additionalProperties: false</c>.</param>
/// <param name="UnionMembers">For a union: the members' keys, in schema order.</param>
/// <param name="UnionMemberLocations">For a union: where each member is declared (parallel to <paramref name="UnionMembers"/>).</param>
/// <param name="EnumValues">For an enum: the allowed strings, in schema order.</param>
/// <param name="AliasOf">For an alias: the value it stands for.</param>
/// <param name="IsStrictObject">An object schema whose <c>type</c> is exactly <c>object</c> (so it rejects <c>null</c>).</param>
internal sealed record NamedSchema(
    string Key,
    NamedSchemaKind Kind,
    string TypeName,
    string? Description,
    EquatableArray<SchemaProperty> Properties,
    bool RejectsUnknownProperties,
    EquatableArray<string> UnionMembers,
    EquatableArray<SourceLocation> UnionMemberLocations,
    EquatableArray<string> EnumValues,
    SchemaValue? AliasOf,
    SourceLocation Location,
    bool IsStrictObject = false);
