namespace CaseContracts.Generator.Model.Api;

/// <summary>
/// The schema of a parameter, body or header in an OpenAPI document: a <c>$ref</c> to a schema file (the
/// types stay there), or, for parameters and headers, a schema written inline.
/// </summary>
/// <param name="Reference">The <c>$ref</c> as written, or null for an inline schema.</param>
/// <param name="Key">The schema key <see cref="Reference"/> resolves to; for an inline parameter schema its own position in the document (<c>tickets.openapi.json#/paths/~1api~1tickets/get/parameters/1/schema</c>), validated like a schema file's; null for other inline schemas.</param>
/// <param name="InlineJson">The inline schema as compact JSON text, or null for a reference.</param>
/// <param name="InlineReferences">The <c>$ref</c>s inside an inline schema, resolved like <see cref="Reference"/>.</param>
/// <param name="Location">The <c>$ref</c> value, or the inline schema's opening brace.</param>
internal sealed record ApiSchema(
    string? Reference,
    string? Key,
    string? InlineJson,
    EquatableArray<ApiSchemaReference> InlineReferences,
    SourceLocation Location);
