using System.Collections.Generic;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>prefixItems</c> (2020-12) with <c>items</c> for the rest: item <c>i</c> must pass the <c>i</c>-th schema of
/// <c>prefixItems</c>, items past them must pass <c>items</c> when there is one. The same check as draft 7's tuple
/// <c>items</c> with <c>additionalItems</c> (<see cref="TupleItemsRule"/>), spelt the 2020-12 way; from 2020-12 on,
/// <c>items</c> beside <c>prefixItems</c> is therefore not the validator's own item loop (<see cref="ConstraintReader"/>).
/// </summary>
internal sealed class PrefixItemsRule : ApplicatorRule
{
    public override string Keyword => "prefixItems";

    /// <summary>Whether <c>items</c> in <paramref name="schema"/> applies only past <c>prefixItems</c> (read by this rule).</summary>
    public static bool TakesItems(SchemaNode schema) => schema.Draft >= SchemaDraft.Draft202012 && schema.Value("prefixItems") is { Kind: JsonNodeKind.Array };

    public override IEnumerable<Application> Read(SchemaNode schema, ApplicatorReading reading)
    {
        if (schema.Value(Keyword) is not { Kind: JsonNodeKind.Array })
        {
            yield break;
        }

        yield return TupleItemsRule.Tuple(Keyword, schema.Children(Keyword), TakesItems(schema) ? schema.Child("items") : null, reading);
    }

    public override void Emit(Application application, ApplicatorEmission emission) => TupleItemsRule.EmitTuple(application, emission);

    public override void Evaluate(Application application, JsonNode value, ApplicatorEvaluation evaluation) => TupleItemsRule.EvaluateTuple(application, value, evaluation);

    public override void EmitEvaluated(Application application, ApplicatorEmission emission) => TupleItemsRule.EmitTupleEvaluated(application, emission);

    public override void CollectEvaluated(Application application, JsonNode value, ApplicatorEvaluation evaluation, EvaluatedLocations evaluated, bool nested)
        => TupleItemsRule.CollectTupleEvaluated(application, value, evaluated);
}
