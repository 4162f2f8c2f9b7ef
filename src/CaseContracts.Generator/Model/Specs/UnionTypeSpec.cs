namespace CaseContracts.Generator.Model.Specs;

/// <summary>An abstract record for a discriminated <c>oneOf</c>; its variants are nested records.</summary>
internal sealed record UnionTypeSpec(
    string Namespace,
    string Name,
    string? Description,
    string HintName,
    string DiscriminatorJsonName,
    string DiscriminatorName,
    EquatableArray<UnionVariantSpec> Variants,
    string ValidatorMethod,
    bool IsSimple)
    : TypeSpec(Namespace, Name, Description, HintName, null);

/// <summary>One variant: its nested type name, the discriminator value that selects it, its parameter name in <c>Match</c>.</summary>
internal sealed record UnionVariantSpec(string Name, string Value, string ParameterName);
