using System.Collections.Generic;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary><c>propertyNames</c>: every member name, as a JSON string, must pass the sub-schema; its errors are reported at the member.</summary>
internal sealed class PropertyNamesRule : ApplicatorRule
{
    public override string Keyword => "propertyNames";

    public override IEnumerable<Application> Read(SchemaNode schema, ApplicatorReading reading)
    {
        if (schema.Child(Keyword) is { } names)
        {
            yield return new Application(Keyword, new[] { reading.Visit(names) }.ToEquatableArray(), default);
        }
    }

    public override bool CanConsume(Application application) => true;

    public override void Emit(Application application, ApplicatorEmission emission)
    {
        var writer = emission.Writer;
        var support = emission.Support;
        writer.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)");
        writer.Line("var scan = reader;");
        // An object a validator has read already (its own member loop recorded the table) is not read again: only names count.
        writer.Open("if (context.Recorded(ref reader) is { } members)");
        writer.Open("for (var member = 0; member < members.Count; member++)");
        writer.Line("var errorsBefore = context.ErrorCount;");
        writer.Line("var nameValue = members.NameAsValue(member);");
        writer.Line($"{emission.Method(application.Schemas[0])}(ref nameValue, ref context);");
        writer.Open("if (context.ErrorCount != errorsBefore)");
        writer.Line("context.PrefixMember(errorsBefore, nameValue.GetString()!);");
        writer.Close();
        writer.Close();
        writer.Line("members.StepOver(ref scan);");
        writer.Close();
        writer.Open("else");
        writer.Open("while (true)");
        writer.Line($"{support}.Next(ref scan);");
        writer.Open("if (scan.TokenType == global::System.Text.Json.JsonTokenType.EndObject)");
        writer.Line("break;");
        writer.Close();
        writer.Line("var errorsBefore = context.ErrorCount;");
        writer.Line($"var nameValue = {support}.NameAsValue(ref scan);");
        writer.Line($"{emission.Method(application.Schemas[0])}(ref nameValue, ref context);");
        writer.Open("if (context.ErrorCount != errorsBefore)");
        // The name is decoded only for an error's pointer.
        writer.Line("context.PrefixMember(errorsBefore, scan.GetString()!);");
        writer.Close();
        writer.Line($"{support}.Next(ref scan);");
        writer.Line("context.Skip(ref scan);");
        writer.Close();
        writer.Close();
        emission.EndObjectScan(writer, "scan");
    }

    public override void Evaluate(Application application, JsonNode value, ApplicatorEvaluation evaluation)
    {
        foreach (var member in value.Members)
        {
            // The name as a string value, located where the name is written (so a build-time diagnostic points at it).
            evaluation.Check(application.Schemas[0], JsonNode.String(member.Name, member.NameStart, member.NameLength, member.NameHasInvalidUnicode), evaluation.Member(member.Name));
        }
    }
}
