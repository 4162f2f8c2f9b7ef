namespace CaseContracts.Generator.Model.Specs;

/// <summary>A record for an object schema (possibly a union variant, nested in its union).</summary>
/// <param name="ValidatorMethod">The generated validator of this schema position (used by <c>TryParse</c>/<c>Validate</c>).</param>
internal sealed record ObjectTypeSpec(
    string Namespace,
    string Name,
    string? Description,
    string HintName,
    string? ContainingType,
    EquatableArray<PropertySpec> Properties,
    bool RejectsUnknownProperties,
    string ValidatorMethod)
    : TypeSpec(Namespace, Name, Description, HintName, ContainingType);
