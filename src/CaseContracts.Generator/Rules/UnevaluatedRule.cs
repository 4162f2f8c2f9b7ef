using System.Collections.Generic;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>unevaluatedProperties</c> / <c>unevaluatedItems</c> (2019-09): every member (item) that no keyword beside it
/// evaluated, nor any schema applied in place that the value passes (<c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>,
/// <c>if</c>/<c>then</c>/<c>else</c>, <c>dependentSchemas</c>, <c>$ref</c>), must pass the sub-schema.
/// </summary>
/// <remarks>
/// What was evaluated is gathered only when the keyword applies: the generated check calls the position's
/// <c>*_Evaluated</c> method (each rule's <see cref="ApplicatorRule.EmitEvaluated"/>, plus <c>properties</c>,
/// <c>additionalProperties</c> and <c>items</c>), which tries the in-place sub-schemas on copies of the reader.
/// Those methods are generated only in projects where some schema uses one of the two keywords; the validators
/// themselves are the same with or without them, so a schema that does not use the keywords pays nothing.
/// </remarks>
internal sealed class UnevaluatedRule : ApplicatorRule
{
    /// <summary><c>unevaluatedProperties</c>.</summary>
    public static readonly UnevaluatedRule Properties = new("unevaluatedProperties", forItems: false);

    /// <summary><c>unevaluatedItems</c>.</summary>
    public static readonly UnevaluatedRule Items = new("unevaluatedItems", forItems: true);

    private readonly bool _forItems;

    private UnevaluatedRule(string keyword, bool forItems)
    {
        Keyword = keyword;
        _forItems = forItems;
    }

    public override string Keyword { get; }

    /// <summary>Whether <paramref name="node"/> uses either keyword (its project needs the gathering methods).</summary>
    public static bool UsedBy(ValidationNode node)
    {
        foreach (var application in node.Applications)
        {
            if (application.Keyword is "unevaluatedProperties" or "unevaluatedItems")
            {
                return true;
            }
        }

        return false;
    }

    public override IEnumerable<Application> Read(SchemaNode schema, ApplicatorReading reading)
    {
        if (schema.Child(Keyword) is { } unevaluated)
        {
            yield return new Application(Keyword, new[] { reading.Visit(unevaluated) }.ToEquatableArray(), default);
        }
    }

    public override void Emit(Application application, ApplicatorEmission emission)
    {
        var writer = emission.Writer;
        var support = emission.Support;
        var method = emission.Method(application.Schemas[0]);
        writer.Open($"if (reader.TokenType == global::System.Text.Json.JsonTokenType.{(_forItems ? "StartArray" : "StartObject")})");
        writer.Line("var evaluated = new EvaluatedLocations();");
        writer.Line($"{emission.CollectorHere}(reader, ref context, evaluated, false);");
        writer.Open($"if (!evaluated.{(_forItems ? "AllItems" : "AllProperties")})");
        writer.Line("var scan = reader;");
        if (_forItems)
        {
            writer.Line("var index = 0;");
        }

        writer.Open("while (true)");
        writer.Line($"{support}.Next(ref scan);");
        writer.Open($"if (scan.TokenType == global::System.Text.Json.JsonTokenType.{(_forItems ? "EndArray" : "EndObject")})");
        writer.Line("break;");
        writer.Close();
        if (_forItems)
        {
            writer.Open("if (evaluated.HasItem(index))");
            writer.Line("context.Skip(ref scan);");
            writer.Close();
            writer.Open("else");
            writer.Line("var errorsBefore = context.ErrorCount;");
            writer.Line($"{method}(ref scan, ref context);");
            writer.Line("if (context.ErrorCount != errorsBefore) { context.Prefix(errorsBefore, index); }");
            writer.Close();
            writer.Line("index++;");
        }
        else
        {
            writer.Line("var name = scan.GetString()!;");
            writer.Line($"{support}.Next(ref scan);");
            writer.Open("if (evaluated.HasProperty(name))");
            writer.Line("context.Skip(ref scan);");
            writer.Close();
            writer.Open("else");
            writer.Line("var errorsBefore = context.ErrorCount;");
            writer.Line($"{method}(ref scan, ref context);");
            writer.Line("if (context.ErrorCount != errorsBefore) { context.PrefixMember(errorsBefore, name); }");
            writer.Close();
        }

        writer.Close();
        writer.Close();
        writer.Close();
    }

    public override void Evaluate(Application application, JsonNode value, ApplicatorEvaluation evaluation)
    {
        if (value.Kind != (_forItems ? JsonNodeKind.Array : JsonNodeKind.Object))
        {
            return;
        }

        var evaluated = evaluation.EvaluatedHere(value);
        if (_forItems)
        {
            for (var i = 0; i < value.Items.Count && !evaluated.AllItems; i++)
            {
                if (!evaluated.HasItem(i))
                {
                    evaluation.Check(application.Schemas[0], value.Items[i], evaluation.Item(i));
                }
            }
        }
        else
        {
            foreach (var member in value.Members)
            {
                if (evaluated.AllProperties)
                {
                    break;
                }

                if (!evaluated.HasProperty(member.Name))
                {
                    evaluation.Check(application.Schemas[0], member.Value, evaluation.Member(member.Name));
                }
            }
        }
    }

    public override void EmitEvaluated(Application application, ApplicatorEmission emission)
        => emission.Writer.Line($"if (nested && reader.TokenType == global::System.Text.Json.JsonTokenType.{(_forItems ? "StartArray" : "StartObject")}) {{ evaluated.{(_forItems ? "AllItems" : "AllProperties")} = true; }}");

    public override void CollectEvaluated(Application application, JsonNode value, ApplicatorEvaluation evaluation, EvaluatedLocations evaluated, bool nested)
    {
        if (nested && value.Kind == (_forItems ? JsonNodeKind.Array : JsonNodeKind.Object))
        {
            if (_forItems)
            {
                evaluated.AllItems = true;
            }
            else
            {
                evaluated.AllProperties = true;
            }
        }
    }
}
