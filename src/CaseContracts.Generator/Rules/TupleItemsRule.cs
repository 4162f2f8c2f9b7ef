using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>items</c> as an array (draft 7's tuple form) with <c>additionalItems</c>: item <c>i</c> must pass the
/// <c>i</c>-th schema; items past them must pass <c>additionalItems</c> when there is one. (<c>items</c> as one
/// schema is the validator's own item loop; <c>additionalItems</c> beside it asserts nothing.) Schemas are the
/// tuple's, then <c>additionalItems</c>' if present; the one argument is the tuple's length.
/// </summary>
internal sealed class TupleItemsRule : ApplicatorRule
{
    public override string Keyword => "items";

    public override IEnumerable<string> CompanionKeywords => new[] { "additionalItems" };

    public override IEnumerable<Application> Read(SchemaNode schema, ApplicatorReading reading)
    {
        if (schema.Value(Keyword) is not { Kind: JsonNodeKind.Array })
        {
            yield break;
        }

        yield return Tuple(Keyword, schema.Children(Keyword), schema.Child("additionalItems"), reading);
    }

    /// <summary>The application of a tuple (<paramref name="tuple"/>) and the schema for the items past it (<paramref name="rest"/>, optional).</summary>
    internal static Application Tuple(string keyword, IReadOnlyList<SchemaNode> tuple, SchemaNode? rest, ApplicatorReading reading)
    {
        var keys = tuple.Select(reading.Visit).ToList();
        var tupleLength = keys.Count;
        if (rest is not null)
        {
            keys.Add(reading.Visit(rest));
        }

        return new Application(keyword, keys.ToEquatableArray(), new[] { tupleLength.ToString(CultureInfo.InvariantCulture) }.ToEquatableArray());
    }

    public override void Emit(Application application, ApplicatorEmission emission) => EmitTuple(application, emission);

    public override void Evaluate(Application application, JsonNode value, ApplicatorEvaluation evaluation) => EvaluateTuple(application, value, evaluation);

    internal static void EmitTuple(Application application, ApplicatorEmission emission)
    {
        var writer = emission.Writer;
        var support = emission.Support;
        var tupleLength = int.Parse(application.Arguments[0], CultureInfo.InvariantCulture);
        var hasAdditional = application.Schemas.Count > tupleLength;
        writer.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartArray)");
        writer.Line("var scan = reader;");
        writer.Line("var index = 0;");
        writer.Open("while (true)");
        writer.Line($"{support}.Next(ref scan);");
        writer.Open("if (scan.TokenType == global::System.Text.Json.JsonTokenType.EndArray" + (hasAdditional ? ")" : $" || index >= {tupleLength})"));
        writer.Line("break;");
        writer.Close();
        writer.Line("var errorsBefore = context.ErrorCount;");
        writer.Open("switch (index)");
        for (var i = 0; i < tupleLength; i++)
        {
            writer.Line($"case {i}: {emission.Method(application.Schemas[i])}(ref scan, ref context); break;");
        }

        writer.Line(hasAdditional ? $"default: {emission.Method(application.Schemas[tupleLength])}(ref scan, ref context); break;" : "default: context.Skip(ref scan); break;");
        writer.Close();
        writer.Open("if (context.ErrorCount != errorsBefore)");
        writer.Line("context.Prefix(errorsBefore, index);");
        writer.Close();
        writer.Line("index++;");
        writer.Close();
        writer.Close();
    }

    internal static void EvaluateTuple(Application application, JsonNode value, ApplicatorEvaluation evaluation)
    {
        var tupleLength = int.Parse(application.Arguments[0], CultureInfo.InvariantCulture);
        for (var i = 0; i < value.Items.Count; i++)
        {
            var key = i < tupleLength ? application.Schemas[i] : application.Schemas.Count > tupleLength ? application.Schemas[tupleLength] : null;
            if (key is null)
            {
                break;
            }

            evaluation.Check(key, value.Items[i], evaluation.Item(i));
        }
    }

    public override void EmitEvaluated(Application application, ApplicatorEmission emission) => EmitTupleEvaluated(application, emission);

    public override void CollectEvaluated(Application application, JsonNode value, ApplicatorEvaluation evaluation, EvaluatedLocations evaluated, bool nested)
        => CollectTupleEvaluated(application, value, evaluated);

    /// <summary>A tuple evaluates its items; with a schema for the rest, every item.</summary>
    internal static void EmitTupleEvaluated(Application application, ApplicatorEmission emission)
    {
        var tupleLength = int.Parse(application.Arguments[0], CultureInfo.InvariantCulture);
        var statement = application.Schemas.Count > tupleLength ? "evaluated.AllItems = true;" : $"evaluated.AddPrefix({tupleLength});";
        emission.Writer.Line($"if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartArray) {{ {statement} }}");
    }

    internal static void CollectTupleEvaluated(Application application, JsonNode value, EvaluatedLocations evaluated)
    {
        var tupleLength = int.Parse(application.Arguments[0], CultureInfo.InvariantCulture);
        if (value.Kind != JsonNodeKind.Array)
        {
            return;
        }

        if (application.Schemas.Count > tupleLength)
        {
            evaluated.AllItems = true;
        }
        else
        {
            evaluated.AddPrefix(tupleLength);
        }
    }
}
