namespace CaseContracts.Generator.Model.Specs;

/// <summary>
/// A record for a <c>oneOf</c>/<c>anyOf</c> whose members the JSON kind of a value tells apart (a string or an array of
/// strings): one nullable accessor per kind, the one of the value's kind set.
/// </summary>
/// <param name="Members">One per member, in schema order.</param>
/// <param name="ValidatorMethod">The generated validator of the union's schema position (the whole <c>oneOf</c>/<c>anyOf</c>, and all beside it).</param>
internal sealed record KindUnionTypeSpec(
    string Namespace,
    string Name,
    string? Description,
    string HintName,
    EquatableArray<KindMemberSpec> Members,
    string ValidatorMethod)
    : TypeSpec(Namespace, Name, Description, HintName, null);

/// <summary>One member of a <see cref="KindUnionTypeSpec"/>.</summary>
/// <param name="JsonKind">The JSON kind it takes: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>object</c> or <c>array</c>.</param>
/// <param name="Name">Its C# accessor (<c>AsString</c>).</param>
/// <param name="Value">The member's value, as a property of that kind would be typed (never nullable: an unset accessor is null).</param>
internal sealed record KindMemberSpec(string JsonKind, string Name, string? Description, ValueSpec Value);
