namespace CaseContracts.Generator.Model.Api;

/// <summary>A Parameter Object: a path, query or header value the operation reads.</summary>
/// <param name="Name">The parameter's name as sent (<c>id</c>, <c>page</c>, <c>kbn-xsrf</c>).</param>
/// <param name="Required">Whether a request without it is refused (always true in the path).</param>
/// <param name="Explode">For arrays in the query: one <c>name=value</c> pair per item (<c>tags=a&amp;tags=b</c>, the default), else one comma-separated value.</param>
/// <param name="Schema">The parameter's schema.</param>
/// <param name="Location">The parameter's <c>name</c> value.</param>
/// <param name="Shape">What the value is read as, from an inline schema; null for a <c>$ref</c> (read from the index when resolved).</param>
/// <param name="DefaultJson">The inline schema's <c>default</c> (JSON text): the value of an absent parameter.</param>
/// <param name="IsJson">Declared with <c>content</c> <c>application/json</c> rather than <c>schema</c>: its text is a JSON document (<c>ids=["a","b"]</c>).</param>
internal sealed record ApiParameter(
    string Name,
    ApiParameterLocation In,
    bool Required,
    bool Explode,
    string? Description,
    ApiSchema Schema,
    SourceLocation Location,
    ApiValueShape? Shape = null,
    string? DefaultJson = null,
    bool IsJson = false);
