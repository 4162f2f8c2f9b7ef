using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>if</c>/<c>then</c>/<c>else</c>: a value that passes <c>if</c> must pass <c>then</c>, one that fails it must pass
/// <c>else</c>; the branch's own errors are reported (as <c>allOf</c>'s are). <c>then</c> or <c>else</c> without
/// <c>if</c>, and <c>if</c> alone, assert nothing (<c>if</c> alone is still read: what it evaluates counts for
/// <c>unevaluated*</c>).
/// </summary>
internal sealed class ConditionalRule : ApplicatorRule
{
    public override string Keyword => "if";

    public override IEnumerable<string> CompanionKeywords => new[] { "then", "else" };

    public override IEnumerable<Application> Read(SchemaNode schema, ApplicatorReading reading)
    {
        var then = schema.Child("then");
        var @else = schema.Child("else");
        if (schema.Child("if") is { } condition)
        {
            yield return new Application(
                Keyword,
                new[] { reading.Visit(condition), then is null ? string.Empty : reading.Visit(then), @else is null ? string.Empty : reading.Visit(@else) }.ToEquatableArray(),
                default);
        }
    }

    private static bool Asserts(Application application) => application.Schemas[1].Length > 0 || application.Schemas[2].Length > 0;

    public override bool CanConsume(Application application) => Asserts(application);

    public override IEnumerable<string> InPlaceSchemas(Application application) => application.Schemas.Where(s => s.Length > 0);

    public override void Emit(Application application, ApplicatorEmission emission)
    {
        if (!Asserts(application))
        {
            return;
        }

        var writer = emission.Writer;
        writer.Open(string.Empty);
        writer.Line("var mark = context.ErrorCount;");
        // Only the condition's verdict counts: its errors are counted, never made.
        writer.Line("context.BeginVerdict();");
        writer.Line($"var condition = reader; {emission.Method(application.Schemas[0])}(ref condition, ref context);");
        writer.Line("context.EndVerdict();");
        writer.Line("var holds = context.ErrorCount == mark;");
        writer.Line("context.Truncate(mark);");
        if (application.Schemas[1].Length > 0)
        {
            writer.Line($"if (holds) {{ var branch = reader; {emission.Method(application.Schemas[1])}(ref branch, ref context); }}");
        }

        if (application.Schemas[2].Length > 0)
        {
            writer.Line($"if (!holds) {{ var branch = reader; {emission.Method(application.Schemas[2])}(ref branch, ref context); }}");
        }

        if (emission.MayConsume)
        {
            // The condition's copy ends on the value's last token: nothing else reads the value, so go on from there.
            writer.Line($"{emission.EndVariable} = condition;");
            emission.Consumed = true;
        }

        writer.Close();
    }

    public override void Evaluate(Application application, JsonNode value, ApplicatorEvaluation evaluation)
    {
        if (!Asserts(application))
        {
            return;
        }

        var branch = evaluation.Matches(application.Schemas[0], value) ? application.Schemas[1] : application.Schemas[2];
        if (branch.Length > 0)
        {
            evaluation.Check(branch, value, evaluation.Pointer);
        }
    }

    public override void EmitEvaluated(Application application, ApplicatorEmission emission)
    {
        var writer = emission.Writer;
        writer.Open(string.Empty);
        writer.Line("var holds = false;");
        emission.IfPasses(application.Schemas[0], "reader", "holds = true;");
        writer.Line($"if (holds) {{ {emission.Collector(application.Schemas[0])}(reader, ref context, evaluated, true); }}");
        for (var i = 1; i <= 2; i++)
        {
            if (application.Schemas[i].Length > 0)
            {
                writer.Open(i == 1 ? "if (holds)" : "if (!holds)");
                emission.IfPasses(application.Schemas[i], "reader", $"{emission.Collector(application.Schemas[i])}(reader, ref context, evaluated, true);");
                writer.Close();
            }
        }

        writer.Close();
    }

    public override void CollectEvaluated(Application application, JsonNode value, ApplicatorEvaluation evaluation, EvaluatedLocations evaluated, bool nested)
    {
        var holds = evaluation.Matches(application.Schemas[0], value);
        if (holds)
        {
            evaluation.Collect(application.Schemas[0], value, evaluated);
        }

        var branch = holds ? application.Schemas[1] : application.Schemas[2];
        if (branch.Length > 0 && evaluation.Matches(branch, value))
        {
            evaluation.Collect(branch, value, evaluated);
        }
    }
}
