namespace CaseContracts.Generator.Model.Validation;

/// <summary>
/// The assertions of one schema position (a file root, a definition, a property's schema, items…),
/// as read from the schema: what the generated validator for that position checks. Sub-schemas are
/// referred to by key (<c>file#pointer</c>); a <c>$ref</c> is the key it points to.
/// Numbers are kept as their JSON text so the emitter can write them without losing precision.
/// </summary>
/// <param name="Applications">The keywords defined as applicator rules (<see cref="Rules.ApplicatorRules"/>), in rule order.</param>
/// <param name="Assertions">The keywords defined as rules (<see cref="Rules.AssertionRules"/>), in rule order.</param>
/// <param name="DynamicAnchorName">For a <c>$dynamicRef</c>/<c>$recursiveRef</c> (<see cref="RefKey"/> its initial target): the anchor
/// (<c>""</c> for <c>$recursiveAnchor</c>) whose outermost declaration in the dynamic scope it follows instead; null for a plain <c>$ref</c>.</param>
/// <param name="DynamicScope">For a schema resource root: the dynamic anchors it declares (name, position), entered into the dynamic scope while it validates.</param>
/// <param name="HasAdditionalProperties">Whether <c>additionalProperties</c> is written at all (<c>true</c> included): it then evaluates every member <c>properties</c> and <c>patternProperties</c> leave, for <c>unevaluatedProperties</c>.</param>
internal sealed record ValidationNode(
    string Key,
    bool AlwaysFails,
    EquatableArray<string> Types,
    string? ConstJson,
    EquatableArray<string> EnumJson,
    string? ItemsKey,
    EquatableArray<PropertyNode> Properties,
    EquatableArray<string> Required,
    bool RejectsAdditionalProperties,
    string? AdditionalPropertiesKey,
    EquatableArray<string> AllOf,
    EquatableArray<string> AnyOf,
    EquatableArray<string> OneOf,
    string? RefKey,
    EquatableArray<Assertion> Assertions = default,
    EquatableArray<Application> Applications = default,
    bool HasAdditionalProperties = false,
    string? DynamicAnchorName = null,
    EquatableArray<PropertyNode> DynamicScope = default)
{
    /// <summary>What a <c>type</c> error here says (<c>must be string or null</c>), the types in the schema's order.</summary>
    public string TypeMessage => "must be " + string.Join(" or ", Types);

    /// <summary>What a <c>const</c> error here says (<c>must be ".none"</c>), the constant truncated.</summary>
    public string ConstMessage => "must be " + Truncate(ConstJson ?? "null");

    /// <summary>What an <c>enum</c> error here says (<c>must be one of "open", "closed"</c>), the list truncated.</summary>
    public string EnumMessage => "must be one of " + Truncate(string.Join(", ", EnumJson));

    private static string Truncate(string text) => text.Length <= 80 ? text : text.Substring(0, 80) + "…";

    /// <summary>Whether the position accepts every value (<c>true</c>, <c>{}</c>, only annotations): its validator only steps over the value.</summary>
    public bool ChecksNothing
        => !AlwaysFails && Types.IsEmpty && ConstJson is null && EnumJson.IsEmpty && ItemsKey is null && Properties.IsEmpty && Required.IsEmpty
           && !RejectsAdditionalProperties && AdditionalPropertiesKey is null && AllOf.IsEmpty && AnyOf.IsEmpty && OneOf.IsEmpty && RefKey is null
           && Assertions.IsEmpty && Applications.IsEmpty;

    /// <summary>A schema that accepts everything (<c>true</c>, <c>{}</c>).</summary>
    public static ValidationNode AcceptsAll(string key) => new(key, false, default, null, default, null, default, default, false, null, default, default, default, null);
}

/// <summary>
/// A keyword defined as a <see cref="Rules.AssertionRule"/> and its argument (JSON text, as the rule read it):
/// the rule decides the check, the generated code and the build-time evaluation alike.
/// </summary>
internal sealed record Assertion(string Keyword, string Argument);

/// <summary>
/// A keyword defined as an <see cref="Rules.ApplicatorRule"/>, as its rule read it: the positions of its
/// sub-schemas (by key; an empty key where an optional one is absent) and its other arguments (names, patterns).
/// </summary>
internal sealed record Application(string Keyword, EquatableArray<string> Schemas, EquatableArray<string> Arguments);

/// <summary>A declared property and the key of its schema.</summary>
internal sealed record PropertyNode(string Name, string NodeKey);
