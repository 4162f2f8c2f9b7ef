namespace CaseContracts.Generator.Model;

/// <summary>
/// A schema file's root or one of its <c>definitions</c> as JSON text, ready to become an OpenAPI schema
/// component: <c>$schema</c>, <c>definitions</c> and <c>x-operation</c> left out, and every <c>$ref</c>
/// replaced by the key it resolves to (the resolver turns keys into component references).
/// </summary>
/// <param name="Key">The schema's key (file path and pointer).</param>
/// <param name="Json">Minified JSON text whose <c>$ref</c> values are schema keys.</param>
internal sealed record SchemaComponentText(string Key, string Json);
