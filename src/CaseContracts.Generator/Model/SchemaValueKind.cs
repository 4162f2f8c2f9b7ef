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
    /// <summary>A named schema (object, union, enum or alias) identified by its key.</summary>
    Named,
}
