namespace CaseContracts.Generator.Model;

/// <summary>One entry of an object schema's <c>properties</c>.</summary>
/// <param name="JsonName">The property name exactly as in JSON.</param>
/// <param name="Value">The value's shape (including whether <c>null</c> is allowed).</param>
/// <param name="Required">Listed in the owner's <c>required</c>.</param>
/// <param name="ConstJson">The JSON text of a <c>const</c> (or one-value <c>enum</c>), else null.</param>
internal sealed record SchemaProperty(
    string JsonName,
    string? Description,
    SchemaValue Value,
    bool Required,
    string? ConstJson,
    SourceLocation Location);
