using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary><c>contains</c>: an array must have at least one item that passes the sub-schema (the scan stops at the first).</summary>
internal sealed class ContainsRule : ApplicatorRule
{
    private const string Message = "must contain an item that matches the schema in contains";

    public override string Keyword => "contains";

    public override IEnumerable<Application> Read(SchemaNode schema, ApplicatorReading reading)
    {
        if (schema.Child(Keyword) is { } contains)
        {
            yield return new Application(Keyword, new[] { reading.Visit(contains) }.ToEquatableArray(), default);
        }
    }

    public override void Emit(Application application, ApplicatorEmission emission)
    {
        var writer = emission.Writer;
        var support = emission.Support;
        writer.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartArray)");
        writer.Line("var scan = reader;");
        writer.Line("var found = false;");
        writer.Line("var mark = context.ErrorCount;");
        writer.Open("while (!found)");
        writer.Line($"{support}.Next(ref scan);");
        writer.Open("if (scan.TokenType == global::System.Text.Json.JsonTokenType.EndArray)");
        writer.Line("break;");
        writer.Close();
        writer.Line($"var item = scan; {emission.Method(application.Schemas[0])}(ref item, ref context);");
        writer.Line("found = context.ErrorCount == mark;");
        writer.Line("context.Truncate(mark);");
        writer.Line("scan.Skip();");
        writer.Close();
        writer.Open("if (!found)");
        writer.Line($"context.Add(\"contains\", {support}.ValueText(ref reader), \"{Message}\");");
        writer.Close();
        writer.Close();
    }

    public override void Evaluate(Application application, JsonNode value, ApplicatorEvaluation evaluation)
    {
        if (value.Kind == JsonNodeKind.Array && !value.Items.Any(item => evaluation.Matches(application.Schemas[0], item)))
        {
            evaluation.Fail(evaluation.Pointer, "contains", Message, value);
        }
    }
}
