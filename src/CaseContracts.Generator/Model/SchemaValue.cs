namespace CaseContracts.Generator.Model;

/// <summary>
/// The shape of a value as a schema states it: a kind, whether <c>null</c> is allowed too, the key
/// of a named schema (<c>/abs/path/file.schema.json#/definitions/x</c>) or the element of an array (the members' value of a map).
/// </summary>
internal sealed record SchemaValue(SchemaValueKind Kind, bool Nullable = false, string? NamedKey = null, SchemaValue? Element = null)
{
    public static SchemaValue Any { get; } = new(SchemaValueKind.Any);

    public static SchemaValue Named(string key) => new(SchemaValueKind.Named, NamedKey: key);

    public static SchemaValue ArrayOf(SchemaValue element) => new(SchemaValueKind.Array, Element: element);

    public static SchemaValue MapOf(SchemaValue element) => new(SchemaValueKind.Map, Element: element);

    public SchemaValue OrNull() => Kind is SchemaValueKind.Null or SchemaValueKind.Any ? this : this with { Nullable = true };
}
