namespace CaseContracts.Generator.Model.Specs;

/// <summary>An abstract record for a discriminated <c>oneOf</c>; its variants are nested records.</summary>
/// <param name="ReadMode">How <c>TryParse</c> reads it.</param>
/// <param name="CommonMembers">In <see cref="UnionReadMode.OnePass"/>: the members every variant declares alike, read by the union
/// itself (planned with the first variant's schema positions), in the order <c>CreateValidated</c> of each variant takes them.</param>
internal sealed record UnionTypeSpec(
    string Namespace,
    string Name,
    string? Description,
    string HintName,
    string DiscriminatorJsonName,
    string DiscriminatorName,
    EquatableArray<UnionVariantSpec> Variants,
    string ValidatorMethod,
    UnionReadMode ReadMode,
    EquatableArray<PropertySpec> CommonMembers)
    : TypeSpec(Namespace, Name, Description, HintName, null);

/// <summary>One variant: its nested type name, the discriminator value that selects it, its parameter name in <c>Match</c>.</summary>
/// <param name="DiscriminatorValidator">The validator of the variant's discriminator property (reports a repeated discriminator that names another variant).</param>
internal sealed record UnionVariantSpec(string Name, string Value, string ParameterName, string DiscriminatorValidator);

/// <summary>How a union's validating reader (<c>TryParse</c>) reads it.</summary>
internal enum UnionReadMode
{
    /// <summary>
    /// One pass: the union reads the members all variants declare alike as they come; the discriminator names the
    /// variant, whose reader reads the rest (members before the discriminator from a copy of the reader kept at them).
    /// </summary>
    OnePass,
    /// <summary>A variant's schema asserts more than its shape: a copy of the reader finds the discriminator, then that variant's reader reads the object.</summary>
    Lookahead,
    /// <summary>The union's schema asserts more than the discriminated <c>oneOf</c>: validate a copy, then bind.</summary>
    ValidateThenBind,
}
