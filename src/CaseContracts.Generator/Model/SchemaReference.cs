namespace CaseContracts.Generator.Model;

/// <summary>A <c>$ref</c> as written and the key it points to, kept so the resolver can report it at its place.</summary>
internal sealed record SchemaReference(string Written, string TargetKey, SourceLocation Location);
