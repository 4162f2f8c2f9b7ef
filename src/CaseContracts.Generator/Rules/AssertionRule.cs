using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// One assertion keyword, defined once: how its value is read from a schema (and what makes it unusable,
/// reported at the keyword), the check the generated validator makes, the same check at build time (the
/// analyzers' evaluation of JSON literals and files), and the error both report. Nothing else in the
/// generator names the keyword: the reader, the validator emitter, the one-pass planner and the build-time
/// evaluation all go through <see cref="AssertionRules"/>.
/// </summary>
/// <remarks>
/// A rule checks one kind of JSON value (<see cref="AppliesTo"/>); values of other kinds pass it, as JSON
/// Schema's assertion keywords do. The generated check runs in that kind's case of the validator, after the
/// checks the validator makes itself (for objects: after the members and <c>required</c>; for arrays: after
/// the items), in the order of <see cref="AssertionRules.All"/>; the build-time evaluation keeps that order,
/// so a value gets the same errors in the same order from both.
/// </remarks>
internal abstract class AssertionRule
{
    /// <summary>The keyword as written in a schema, and as errors name it.</summary>
    public abstract string Keyword { get; }

    /// <summary>The kind of JSON value the keyword constrains (<see cref="JsonNodeKind.Number"/> covers integers).</summary>
    public abstract JsonNodeKind AppliesTo { get; }

    /// <summary>
    /// The keyword's argument, as the JSON text the generated code and the evaluation are given; null after
    /// reporting (<see cref="RuleReading.Invalid"/>) why the value cannot be enforced.
    /// </summary>
    public abstract string? Read(JsonNode value, RuleReading reading);

    /// <summary>
    /// Reads the keyword where its meaning depends on the schema around it (its draft, a sibling keyword); by
    /// default, the value alone (<see cref="Read(JsonNode, RuleReading)"/>).
    /// </summary>
    public virtual string? Read(Schema.SchemaNode schema, JsonMember keyword, RuleReading reading) => Read(keyword.Value, reading);

    /// <summary>
    /// The check reads <see cref="RuleEmission.Count"/> (a string's length in code points, an array's items, an
    /// object's members): the validator then counts them once, for every rule of the kind that does.
    /// </summary>
    public virtual bool UsesCount => false;

    /// <summary>
    /// A static field the generated check uses (a compiled pattern…), declared once per validator method, named
    /// <see cref="RuleEmission.Field"/>; null when the check needs none.
    /// </summary>
    public virtual string? FieldDeclaration(string argument, RuleEmission emission) => null;

    /// <summary>For array rules: statements before the items loop, declaring what <see cref="OnItem"/> keeps.</summary>
    public virtual string[] BeforeItems(string argument) => System.Array.Empty<string>();

    /// <summary>For array rules: statements run on each item (the reader on its first token, not to be moved), before it is validated.</summary>
    public virtual string[] OnItem(string argument, RuleEmission emission) => System.Array.Empty<string>();

    /// <summary>
    /// An annotation unless the project opts in (<c>CaseContractsAssertFormats</c>, <c>format</c>): the reader
    /// keeps it, and <see cref="AssertionRules.Enforced"/> drops it where the project did not opt in.
    /// </summary>
    public virtual bool IsOptIn => false;

    /// <summary>The C# condition, true when the value at the validator's reader breaks the rule.</summary>
    public abstract string FailsWhen(string argument, RuleEmission emission);

    /// <summary>Whether <paramref name="value"/> (of kind <see cref="AppliesTo"/>) keeps the rule, decided as the generated check decides.</summary>
    public abstract bool Holds(JsonNode value, string argument);

    /// <summary>The error's message (the same at run time and at build time).</summary>
    public abstract string Message(string argument);

    /// <summary>The limit an error reports, for bound keywords (<c>"2"</c> for <c>minProperties: 2</c>); null otherwise.</summary>
    public virtual string? Limit(string argument) => null;

    /// <summary>The limit is itself the closest allowed value (an inclusive numeric bound): a code fix may offer it.</summary>
    public virtual bool LimitIsAFix => false;
}
