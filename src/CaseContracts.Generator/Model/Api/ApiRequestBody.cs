namespace CaseContracts.Generator.Model.Api;

/// <summary>A Request Body Object with <c>application/json</c> content whose schema is a <c>$ref</c> to a schema file.</summary>
/// <param name="Required">The body's <c>required</c> (OpenAPI's default: false).</param>
internal sealed record ApiRequestBody(bool Required, string? Description, ApiSchema Schema);
