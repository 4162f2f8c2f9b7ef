namespace CaseContracts.Generator.Model.Api;

/// <summary>A Response Object under its status code.</summary>
/// <param name="Status">The status code (100–599), or null for <c>default</c>.</param>
/// <param name="Description">The response's <c>description</c> (required by OpenAPI).</param>
/// <param name="MediaType">The body's media type (<c>application/json</c> or <c>application/problem+json</c>), or null without a body.</param>
/// <param name="Body">The body's schema, or null without a body.</param>
/// <param name="Headers">The response headers it declares (<c>Location</c> on a 201…).</param>
/// <param name="Location">The status key.</param>
internal sealed record ApiResponse(
    int? Status,
    string Description,
    string? MediaType,
    ApiSchema? Body,
    EquatableArray<ApiHeader> Headers,
    SourceLocation Location);
