namespace CaseContracts.Generator.Model.Specs;

/// <summary>One schema as an OpenAPI 3.1 schema component: its name, its JSON and the components it references.</summary>
/// <param name="Json">The schema's JSON text with every <c>$ref</c> pointing into <c>#/components/schemas/</c>.</param>
/// <param name="References">Names of the components <paramref name="Json"/> references (ordinal order, no duplicates).</param>
internal sealed record OpenApiComponentSpec(string Name, string Json, EquatableArray<string> References);
