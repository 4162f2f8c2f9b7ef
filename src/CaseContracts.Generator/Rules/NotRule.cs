using System.Collections.Generic;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary><c>not</c>: the value must fail the sub-schema.</summary>
internal sealed class NotRule : ApplicatorRule
{
    private const string Message = "must not match the schema in not";

    public override string Keyword => "not";

    public override IEnumerable<Application> Read(SchemaNode schema, ApplicatorReading reading)
    {
        if (schema.Child(Keyword) is { } not)
        {
            yield return new Application(Keyword, new[] { reading.Visit(not) }.ToEquatableArray(), default);
        }
    }

    public override bool CanConsume(Application application) => true;

    public override IEnumerable<string> InPlaceSchemas(Application application) => application.Schemas;

    public override void Emit(Application application, ApplicatorEmission emission)
    {
        var writer = emission.Writer;
        writer.Open(string.Empty);
        writer.Line("var mark = context.ErrorCount;");
        // Only the sub-schema's verdict counts: its errors are counted, never made.
        writer.Line("context.BeginVerdict();");
        writer.Line($"var branch = reader; {emission.Method(application.Schemas[0])}(ref branch, ref context);");
        writer.Line("context.EndVerdict();");
        writer.Line("var matched = context.ErrorCount == mark;");
        writer.Line("context.Truncate(mark);");
        writer.Open("if (matched)");
        writer.Line($"context.Add(\"not\", ref reader, \"{Message}\");");
        writer.Close();
        if (emission.MayConsume)
        {
            // The sub-schema's copy ends on the value's last token: go on from there rather than skip the value again.
            writer.Line($"{emission.EndVariable} = branch;");
            emission.Consumed = true;
        }

        writer.Close();
    }

    public override void Evaluate(Application application, JsonNode value, ApplicatorEvaluation evaluation)
    {
        if (evaluation.Matches(application.Schemas[0], value))
        {
            evaluation.Fail(evaluation.Pointer, "not", Message, value);
        }
    }
}
