namespace CaseContracts.Generator.Model;

/// <summary>A <c>$ref</c> as written and the key it points to, kept so the resolver can report it at its place.</summary>
/// <param name="PositionKey">The key of the schema position the <c>$ref</c> stands in (the object holding it).</param>
internal sealed record SchemaReference(string Written, string TargetKey, SourceLocation Location, string PositionKey);
