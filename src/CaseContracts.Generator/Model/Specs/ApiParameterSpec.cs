using CaseContracts.Generator.Model.Api;

namespace CaseContracts.Generator.Model.Specs;

/// <summary>One typed parameter of an <see cref="ApiOperationSpec"/>: where it is read, what it is read as, and its validator.</summary>
/// <param name="Name">The name as sent (<c>page</c>, <c>x-xsrf</c>).</param>
/// <param name="IsJson">Declared with <c>content</c> <c>application/json</c>: the text is parsed as JSON rather than written as its schema's <c>type</c> says.</param>
/// <param name="PropertyName">Its property in the generated parameters record.</param>
/// <param name="ValueType">The C# type of one value (<c>long</c>, <c>string</c>, <c>global::System.Guid</c>, an enum), <c>global::</c>-qualified where needed.</param>
/// <param name="EnumReader">For an enum: the generated <c>…Json.TryRead</c> that binds it; null otherwise.</param>
/// <param name="Validator">The generated validator of its schema position (inline: the document's; <c>$ref</c>: the schema file's); empty when the schema has none.</param>
/// <param name="DefaultJson">The value of an absent parameter (JSON text), or null.</param>
internal sealed record ApiParameterSpec(
    string Name,
    ApiParameterLocation In,
    bool Required,
    bool Explode,
    string PropertyName,
    ApiScalar Scalar,
    bool IsArray,
    string ValueType,
    string? EnumReader,
    string Validator,
    string? DefaultJson,
    string? Description,
    bool IsJson = false)
{
    /// <summary>The JSON pointer its errors carry: <c>/path/id</c>, <c>/query/page</c>, <c>/header/x-xsrf</c>.</summary>
    public string Pointer => "/" + In.ToString().ToLowerInvariant() + "/" + Schema.SchemaPaths.EscapePointerSegment(Name);
}
