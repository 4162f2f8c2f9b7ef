namespace CaseContracts.Generator.Model;

/// <summary>What a JSON value bound from a schema is, before C# names are known.</summary>
internal enum SchemaValueKind
{
    /// <summary>Any JSON (no usable type information): bound as a JSON element.</summary>
    Any,
    String,
    Integer,
    Number,
    Boolean,
    /// <summary>Only <c>null</c> is allowed: no C# member, always written as <c>null</c>.</summary>
    Null,
    Array,
    /// <summary>An object whose every member is one kind of value (<c>additionalProperties</c>/<c>patternProperties</c>, no <c>properties</c>): <see cref="SchemaValue.Element"/> is the members' value.</summary>
    Map,
    /// <summary>A named schema (object, union, enum or alias) identified by its key.</summary>
    Named,
}
