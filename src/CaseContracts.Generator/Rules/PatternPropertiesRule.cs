using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Emit;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>patternProperties</c>: every member whose name matches a pattern (ECMA-262, not anchored) must pass that
/// pattern's schema; a name may match several. A member a pattern matches is not additional: the validator's
/// own member loop asks <see cref="Patterns"/> before applying <c>additionalProperties</c>.
/// </summary>
internal sealed class PatternPropertiesRule : ApplicatorRule
{
    public override string Keyword => "patternProperties";

    /// <summary>The patterns of <paramref name="node"/>'s <c>patternProperties</c> (none when it has none).</summary>
    public static EquatableArray<string> Patterns(ValidationNode node)
        => Of(node)?.Arguments ?? default;

    /// <summary>The <c>patternProperties</c> application of <paramref name="node"/>, or null.</summary>
    public static Application? Of(ValidationNode node)
        => node.Applications.FirstOrDefault(a => a.Keyword == "patternProperties");

    /// <summary>
    /// Whether <paramref name="node"/>'s own member loop (it has <c>properties</c> or <c>additionalProperties</c>, so it
    /// reads every member) applies the patterns, rather than this rule's scan reading the object once more: each member
    /// is then read, and its name decoded and matched, once. Its errors come with the member's, before them. The
    /// generated validators and the build-time evaluator both ask this, so they agree on the order of errors.
    /// </summary>
    public static bool InMemberLoop(ValidationNode node)
        => Of(node) is not null && (!node.Properties.IsEmpty || node.RejectsAdditionalProperties || node.AdditionalPropertiesKey is not null);

    public override IEnumerable<Application> Read(SchemaNode schema, ApplicatorReading reading)
    {
        var patterns = new List<string>();
        var keys = new List<string>();
        foreach (var entry in schema.Children(Keyword))
        {
            if (EcmaPattern.Problem(entry.Name!) is { } problem)
            {
                // Fail closed: a pattern that cannot run is reported, and its schema applies to no name while
                // the member still counts as additional.
                reading.Invalid(schema.Value(Keyword)!.FirstMember(entry.Name!)!, $"'patternProperties' has the pattern \"{entry.Name}\", which is not a regular expression .NET can run: {problem}");
                continue;
            }

            patterns.Add(entry.Name!);
            keys.Add(reading.Visit(entry));
        }

        if (patterns.Count > 0)
        {
            yield return new Application(Keyword, keys.ToEquatableArray(), patterns.ToEquatableArray());
        }
    }

    public override bool CanConsume(Application application) => true;

    public override void Emit(Application application, ApplicatorEmission emission)
    {
        var writer = emission.Writer;
        var support = emission.Support;
        writer.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)");
        writer.Line("var scan = reader;");
        writer.Open("while (true)");
        writer.Line($"{support}.Next(ref scan);");
        writer.Open("if (scan.TokenType == global::System.Text.Json.JsonTokenType.EndObject)");
        writer.Line("break;");
        writer.Close();
        writer.Line("var name = scan;");
        writer.Line($"{support}.Next(ref scan);");
        EmitMember(writer, support, application, emission.Regex, emission.Method, "name", "scan");
        // The scan continues where the member's validator left its copy rather than reading the value once more (a
        // map's entries were read three times).
        writer.Open("if (patternEnded)");
        writer.Line("scan = patternEnd;");
        writer.Close();
        writer.Open("else");
        writer.Line("context.Skip(ref scan);");
        writer.Close();
        writer.Close();
        emission.EndObjectScan(writer, "scan");
    }

    /// <summary>
    /// One member: the reader <paramref name="name"/> stands on its name (decoded on the stack to match, into a string
    /// only for an error), the reader <paramref name="value"/> on its value.
    /// Every matching pattern's schema checks the value on a copy, errors under the member's pointer. A member's validator
    /// leaves its copy on the value's last token, where skipping the value would: when <c>patternEnded</c>,
    /// <c>patternEnd</c> is the first such copy, so the caller can go on from there. Written by this rule's scan and by
    /// the validator's own member loop (<see cref="InMemberLoop"/>).
    /// </summary>
    public static void EmitMember(SourceWriter writer, string support, Application application, System.Func<string, string> regex, System.Func<string, string> method, string name, string value)
    {
        writer.Line("var patternErrorsBefore = context.ErrorCount;");
        writer.Line($"var patternEnd = {value};");
        writer.Line("var patternEnded = false;");
        for (var i = 0; i < application.Schemas.Count; i++)
        {
            writer.Line($"if ({support}.Matches({regex(application.Arguments[i])}, ref {name})) {{ var member = {value}; {method(application.Schemas[i])}(ref member, ref context); if (!patternEnded) {{ patternEnd = member; patternEnded = true; }} }}");
        }

        writer.Open("if (context.ErrorCount != patternErrorsBefore)");
        writer.Line($"context.PrefixMember(patternErrorsBefore, {name}.GetString()!);");
        writer.Close();
    }

    public override void Evaluate(Application application, JsonNode value, ApplicatorEvaluation evaluation)
    {
        foreach (var member in value.Members)
        {
            for (var i = 0; i < application.Schemas.Count; i++)
            {
                if (evaluation.IsMatch(application.Arguments[i], member.Name))
                {
                    evaluation.Check(application.Schemas[i], member.Value, evaluation.Member(member.Name));
                }
            }
        }
    }

    public override void EmitEvaluated(Application application, ApplicatorEmission emission)
    {
        var writer = emission.Writer;
        var support = emission.Support;
        writer.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)");
        writer.Line("var scan = reader;");
        writer.Open("while (true)");
        writer.Line($"{support}.Next(ref scan);");
        writer.Open("if (scan.TokenType == global::System.Text.Json.JsonTokenType.EndObject)");
        writer.Line("break;");
        writer.Close();
        writer.Line("var name = scan.GetString()!;");
        var matches = new List<string>();
        for (var i = 0; i < application.Arguments.Count; i++)
        {
            matches.Add($"{support}.IsMatch({emission.Regex(application.Arguments[i])}, name)");
        }

        writer.Line($"if ({string.Join(" || ", matches)}) {{ evaluated.AddProperty(name); }}");
        writer.Line($"{support}.Next(ref scan);");
        writer.Line("context.Skip(ref scan);");
        writer.Close();
        writer.Close();
    }

    public override void CollectEvaluated(Application application, JsonNode value, ApplicatorEvaluation evaluation, EvaluatedLocations evaluated, bool nested)
    {
        foreach (var member in value.Members)
        {
            if (application.Arguments.Any(pattern => evaluation.IsMatch(pattern, member.Name)))
            {
                evaluated.AddProperty(member.Name);
            }
        }
    }
}
