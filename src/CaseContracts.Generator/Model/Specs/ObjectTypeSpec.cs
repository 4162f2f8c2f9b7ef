namespace CaseContracts.Generator.Model.Specs;

/// <summary>A record for an object schema (possibly a union variant, nested in its union).</summary>
/// <param name="IsSimple">The schema position is exactly this record's shape (type object, properties, required, additionalProperties): the validating reader checks it in the same pass that binds it.</param>
/// <param name="ValidatorMethod">The generated validator of this schema position (used by <c>TryParse</c>/<c>Validate</c>).</param>
/// <param name="UnionCommonMembers">For a variant its union can read in one pass (<see cref="UnionReadMode.OnePass"/>, decided from the
/// index alone so both agree): the JSON names of the members the union reads itself, in the order it passes them to
/// <c>CreateValidated</c>; the variant reads the others (<c>ReadOwnMember</c>). Null for any other record.</param>
internal sealed record ObjectTypeSpec(
    string Namespace,
    string Name,
    string? Description,
    string HintName,
    string? ContainingType,
    EquatableArray<PropertySpec> Properties,
    bool RejectsUnknownProperties,
    string ValidatorMethod,
    bool IsSimple,
    EquatableArray<string>? UnionCommonMembers = null)
    : TypeSpec(Namespace, Name, Description, HintName, ContainingType);
