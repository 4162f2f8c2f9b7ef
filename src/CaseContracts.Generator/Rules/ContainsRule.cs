using System.Collections.Generic;
using System.Globalization;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>contains</c> with <c>minContains</c>/<c>maxContains</c> (2019-09): the number of items that pass the
/// sub-schema must be at least <c>minContains</c> (1 when absent; 0 accepts every array) and at most
/// <c>maxContains</c>. Without <c>maxContains</c> the scan stops once the minimum is reached. Arguments are the
/// minimum and the maximum (empty when absent); a bound without <c>contains</c> asserts nothing.
/// </summary>
internal sealed class ContainsRule : ApplicatorRule
{
    private const string Message = "must contain an item that matches the schema in contains";

    public override string Keyword => "contains";

    public override IEnumerable<string> CompanionKeywords => new[] { "minContains", "maxContains" };

    private static string MinimumMessage(long minimum) => $"must contain at least {minimum} items that match the schema in contains";

    private static string MaximumMessage(long maximum) => $"must contain at most {maximum} items that match the schema in contains";

    public override IEnumerable<Application> Read(SchemaNode schema, ApplicatorReading reading)
    {
        if (schema.Child(Keyword) is not { } contains)
        {
            yield break;
        }

        var minimum = schema.Keyword("minContains") is { } min ? reading.Count(min) : "1";
        var maximum = schema.Keyword("maxContains") is { } max ? reading.Count(max) : string.Empty;
        if (minimum is null || maximum is null)
        {
            // Reported at the keyword; the bound we cannot read is not guessed at. Fail closed: every array fails.
            yield return new Application(Keyword, new[] { reading.Visit(contains) }.ToEquatableArray(), new[] { long.MaxValue.ToString(CultureInfo.InvariantCulture), "0", Annotates(schema) }.ToEquatableArray());
            yield break;
        }

        yield return new Application(Keyword, new[] { reading.Visit(contains) }.ToEquatableArray(), new[] { minimum, maximum, Annotates(schema) }.ToEquatableArray());
    }

    public override void Emit(Application application, ApplicatorEmission emission)
    {
        var (minimum, maximum) = Bounds(application);
        if (minimum == 0 && maximum is null)
        {
            return;
        }

        var writer = emission.Writer;
        var support = emission.Support;
        writer.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartArray)");
        writer.Line("var scan = reader;");
        writer.Line("var found = 0L;");
        writer.Line("var mark = context.ErrorCount;");
        // Only whether each item passes counts: its errors are counted, never made.
        writer.Line("context.BeginVerdict();");
        writer.Open(maximum is null ? $"while (found < {minimum}L)" : "while (true)");
        writer.Line($"{support}.Next(ref scan);");
        writer.Open("if (scan.TokenType == global::System.Text.Json.JsonTokenType.EndArray)");
        writer.Line("break;");
        writer.Close();
        writer.Line($"var item = scan; {emission.Method(application.Schemas[0])}(ref item, ref context);");
        writer.Line("if (context.ErrorCount == mark) { found++; }");
        writer.Line("context.Truncate(mark);");
        writer.Line("context.Skip(ref scan);");
        writer.Close();
        writer.Line("context.EndVerdict();");
        writer.Open($"if (found < {minimum}L)");
        writer.Line($"context.Add({CSharpLiteral(minimum == 1 ? "contains" : "minContains")}, ref reader, {CSharpLiteral(minimum == 1 ? Message : MinimumMessage(minimum))});");
        writer.Close();
        if (maximum is { } most)
        {
            writer.Open($"if (found > {most}L)");
            writer.Line($"context.Add(\"maxContains\", ref reader, {CSharpLiteral(MaximumMessage(most))});");
            writer.Close();
        }

        writer.Close();
    }

    public override void Evaluate(Application application, JsonNode value, ApplicatorEvaluation evaluation)
    {
        var (minimum, maximum) = Bounds(application);
        if (value.Kind != JsonNodeKind.Array || (minimum == 0 && maximum is null))
        {
            return;
        }

        var found = 0L;
        foreach (var item in value.Items)
        {
            if (maximum is null && found >= minimum)
            {
                break;
            }

            if (evaluation.Matches(application.Schemas[0], item))
            {
                found++;
            }
        }

        if (found < minimum)
        {
            evaluation.Fail(evaluation.Pointer, minimum == 1 ? "contains" : "minContains", minimum == 1 ? Message : MinimumMessage(minimum), value);
        }

        if (maximum is { } most && found > most)
        {
            evaluation.Fail(evaluation.Pointer, "maxContains", MaximumMessage(most), value);
        }
    }

    private static string Annotates(SchemaNode schema) => schema.Draft >= SchemaDraft.Draft202012 ? "evaluates" : string.Empty;

    public override void EmitEvaluated(Application application, ApplicatorEmission emission)
    {
        if (application.Arguments[2].Length == 0)
        {
            return;
        }

        var writer = emission.Writer;
        writer.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartArray)");
        writer.Line("var scan = reader;");
        writer.Line("var index = 0;");
        writer.Open("while (true)");
        writer.Line($"{emission.Support}.Next(ref scan);");
        writer.Open("if (scan.TokenType == global::System.Text.Json.JsonTokenType.EndArray)");
        writer.Line("break;");
        writer.Close();
        emission.IfPasses(application.Schemas[0], "scan", "evaluated.AddItem(index);");
        writer.Line("context.Skip(ref scan);");
        writer.Line("index++;");
        writer.Close();
        writer.Close();
    }

    public override void CollectEvaluated(Application application, JsonNode value, ApplicatorEvaluation evaluation, EvaluatedLocations evaluated, bool nested)
    {
        if (application.Arguments[2].Length == 0 || value.Kind != JsonNodeKind.Array)
        {
            return;
        }

        for (var i = 0; i < value.Items.Count; i++)
        {
            if (evaluation.Matches(application.Schemas[0], value.Items[i]))
            {
                evaluated.AddItem(i);
            }
        }
    }

    private static (long Minimum, long? Maximum) Bounds(Application application)
        => (long.Parse(application.Arguments[0], CultureInfo.InvariantCulture),
            application.Arguments[1].Length == 0 ? null : long.Parse(application.Arguments[1], CultureInfo.InvariantCulture));

    private static string CSharpLiteral(string text) => CaseContracts.Generator.Emit.CSharpLiterals.String(text);
}
