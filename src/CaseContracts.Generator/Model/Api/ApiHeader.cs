namespace CaseContracts.Generator.Model.Api;

/// <summary>A Header Object of a response.</summary>
internal sealed record ApiHeader(string Name, bool Required, string? Description, ApiSchema Schema, SourceLocation Location);
