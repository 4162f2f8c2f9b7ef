namespace CaseContracts.Generator.Model.Specs;

/// <summary>
/// The entry point of a schema file whose root is not bound to a record or union of its own (an array, a map, a
/// scalar, a <c>$ref</c>, a string enum, a union the JSON kinds tell apart): a record holding the document's value,
/// with the same <c>TryParse</c>/<c>Validate</c>/<c>ToJson</c> as every other root.
/// </summary>
/// <param name="Value">The type of the document's value (<c>Value</c>).</param>
/// <param name="ValidatorMethod">The validator of the file's root schema.</param>
internal sealed record DocumentTypeSpec(string Namespace, string Name, string? Description, string HintName, ValueSpec Value, string ValidatorMethod)
    : TypeSpec(Namespace, Name, Description, HintName, null);
