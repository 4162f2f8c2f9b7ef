namespace CaseContracts.Generator.Model.Api;

/// <summary>A <c>$ref</c> in an OpenAPI document to a schema file: as written, the key it resolves to, and where it is.</summary>
internal sealed record ApiSchemaReference(string Reference, string Key, SourceLocation Location);
