namespace CaseContracts.Generator.Model.Api;

/// <summary>The JSON value a parameter's text is read as (its schema's <c>type</c>, and <c>format: uuid</c>).</summary>
internal enum ApiScalar
{
    String,
    Integer,
    Number,
    Boolean,

    /// <summary>A string with <c>"format": "uuid"</c>: bound as a <c>Guid</c>.</summary>
    Uuid,
}

/// <summary>
/// What a parameter's value is: one scalar or an array of them, and for a string enum of a schema file the
/// key of its generated enum. Read from an inline schema by the reader; for a <c>$ref</c>, from the index.
/// </summary>
/// <param name="EnumKey">The key of the named enum schema the value (or each item) is, or null.</param>
internal sealed record ApiValueShape(ApiScalar Scalar, bool IsArray, string? EnumKey = null);
