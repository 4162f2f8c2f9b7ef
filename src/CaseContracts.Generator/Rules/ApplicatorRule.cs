using System.Collections.Generic;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// One applicator keyword (a keyword that applies sub-schemas to the value or to parts of it: <c>not</c>,
/// <c>if</c>/<c>then</c>/<c>else</c>, <c>patternProperties</c>, <c>propertyNames</c>, <c>dependencies</c>,
/// <c>contains</c>, tuple <c>items</c>/<c>additionalItems</c>), defined once: how it is read (its sub-schemas
/// visited into validator positions), the code the generated validator runs, and the same decision at build time.
/// </summary>
/// <remarks>
/// An applicator's generated code runs before the validator's type switch, on copies of the reader (the value
/// stays where it is), after <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>, in the order of <see cref="ApplicatorRules.All"/>;
/// the build-time evaluation keeps that order, so both report the same errors in the same order. Applicators
/// walk objects and arrays a second time: they are never on the path of a schema that does not use them.
/// </remarks>
internal abstract class ApplicatorRule
{
    /// <summary>The keyword that makes the rule read a schema (<c>if</c> for <c>if</c>/<c>then</c>/<c>else</c>).</summary>
    public abstract string Keyword { get; }

    /// <summary>The other keywords the rule reads beside <see cref="Keyword"/> (<c>then</c>, <c>else</c>, <c>additionalItems</c>).</summary>
    public virtual IEnumerable<string> CompanionKeywords => System.Array.Empty<string>();

    /// <summary>The applications of the keyword in <paramref name="schema"/> (none when it has no effect or cannot be enforced, reported).</summary>
    public abstract IEnumerable<Application> Read(SchemaNode schema, ApplicatorReading reading);

    /// <summary>Writes the generated check: statements over <c>reader</c> (left where it is) and <c>context</c>.</summary>
    public abstract void Emit(Application application, ApplicatorEmission emission);

    /// <summary>
    /// Whether <see cref="Emit"/>, given <see cref="ApplicatorEmission.MayConsume"/>, leaves the end reader on the value's
    /// last token (a copy of its own read the whole value): the validator then does not read the value again to step past it.
    /// </summary>
    public virtual bool CanConsume(Application application) => false;

    /// <summary>
    /// The sub-schemas the keyword applies to the value itself (<c>not</c>, <c>if</c>/<c>then</c>/<c>else</c>, a
    /// dependent schema), not to its members or items: they read the same value as the schema holding them.
    /// </summary>
    public virtual IEnumerable<string> InPlaceSchemas(Application application) => System.Array.Empty<string>();

    /// <summary>The same check at build time, over <paramref name="value"/>.</summary>
    public abstract void Evaluate(Application application, JsonNode value, ApplicatorEvaluation evaluation);

    /// <summary>
    /// Writes what the keyword evaluates of a value that passes it, for <c>unevaluatedProperties</c>/<c>unevaluatedItems</c>:
    /// statements over <c>reader</c> (a copy), <c>context</c> (to try sub-schemas), <c>evaluated</c> (the runtime's
    /// <c>EvaluatedLocations</c>) and <c>nested</c> (false for the position whose own <c>unevaluated*</c> asks). Nothing by default.
    /// </summary>
    public virtual void EmitEvaluated(Application application, ApplicatorEmission emission)
    {
    }

    /// <summary>The same at build time: adds to <paramref name="evaluated"/> what the keyword evaluates of <paramref name="value"/>.</summary>
    public virtual void CollectEvaluated(Application application, JsonNode value, ApplicatorEvaluation evaluation, EvaluatedLocations evaluated, bool nested)
    {
    }
}
