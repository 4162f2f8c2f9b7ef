namespace CaseContracts.Generator.Model.Specs;

/// <summary>A record for an object schema (possibly a union variant, nested in its union).</summary>
internal sealed record ObjectTypeSpec(
    string Namespace,
    string Name,
    string? Description,
    string HintName,
    string? ContainingType,
    EquatableArray<PropertySpec> Properties,
    bool RejectsUnknownProperties)
    : TypeSpec(Namespace, Name, Description, HintName, ContainingType);
