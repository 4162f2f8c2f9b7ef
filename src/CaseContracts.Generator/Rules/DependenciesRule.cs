using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Emit;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>dependencies</c> (drafts 4 to 7) and its two halves from 2019-09, <c>dependentRequired</c> and
/// <c>dependentSchemas</c>: for each named member present in an object, either the listed members must be
/// present too (array form; an error at each missing one), or the whole object must pass a schema (schema form).
/// One application per entry, in the schema's order: arguments are the name then, for the array form, the names it needs.
/// </summary>
/// <remarks>
/// The array form asks only which names are present, so the object's own member loop answers it (see
/// <see cref="InMemberLoop"/>): it notes the names as it does <c>required</c> ones and reports after them. Looking each
/// name up read the whole object once per name (popxf: two entries on a large <c>metadata</c>, half the tokens read).
/// </remarks>
internal sealed class DependenciesRule : ApplicatorRule
{
    /// <summary><c>dependencies</c>: each entry lists names or is a schema.</summary>
    public static readonly DependenciesRule Dependencies = new("dependencies", listsNames: true, holdsSchemas: true);

    /// <summary><c>dependentRequired</c> (2019-09): each entry lists names.</summary>
    public static readonly DependenciesRule DependentRequired = new("dependentRequired", listsNames: true, holdsSchemas: false);

    /// <summary><c>dependentSchemas</c> (2019-09): each entry is a schema.</summary>
    public static readonly DependenciesRule DependentSchemas = new("dependentSchemas", listsNames: false, holdsSchemas: true);

    private readonly bool _listsNames;
    private readonly bool _holdsSchemas;

    private DependenciesRule(string keyword, bool listsNames, bool holdsSchemas)
    {
        Keyword = keyword;
        _listsNames = listsNames;
        _holdsSchemas = holdsSchemas;
    }

    public override string Keyword { get; }

    private static string Message(string name) => "is required when " + name + " is present";

    /// <summary>Whether <paramref name="application"/> is of the array form, checked by the object's member loop rather than by <see cref="Emit"/>.</summary>
    public static bool InMemberLoop(Application application)
        => application.Schemas.IsEmpty && application.Keyword is "dependencies" or "dependentRequired";

    /// <summary>The array-form entries of <paramref name="node"/>, in the schema's order.</summary>
    public static IEnumerable<Application> OfMemberLoop(ValidationNode node) => node.Applications.Where(InMemberLoop);

    /// <summary>The names whose presence the member loop of <paramref name="node"/> notes for its array-form entries.</summary>
    public static IEnumerable<string> NamesNoted(ValidationNode node) => OfMemberLoop(node).SelectMany(a => a.Arguments);

    /// <summary>
    /// After the member loop of <paramref name="node"/>: an error at each needed name absent while its entry's name is
    /// present (<paramref name="seen"/> gives the flag variable that says a name was present).
    /// </summary>
    public static void EmitAfterMembers(SourceWriter writer, ValidationNode node, System.Func<string, string> seen)
    {
        foreach (var application in OfMemberLoop(node))
        {
            var name = application.Arguments[0];
            foreach (var needed in application.Arguments.Skip(1))
            {
                writer.Open($"if ({seen(name)} && !{seen(needed)})");
                writer.Line($"context.AddAt({CSharpLiterals.Pointer(needed)}, {CSharpLiterals.String(application.Keyword)}, null, {CSharpLiterals.String(Message(name))});");
                writer.Close();
            }
        }
    }

    /// <summary>The same at build time, after the members of the object <paramref name="value"/> were checked.</summary>
    public static void EvaluateAfterMembers(ValidationNode node, JsonNode value, ApplicatorEvaluation evaluation)
    {
        foreach (var application in OfMemberLoop(node))
        {
            var name = application.Arguments[0];
            if (value.FirstMember(name) is null)
            {
                continue;
            }

            foreach (var needed in application.Arguments.Skip(1))
            {
                if (value.FirstMember(needed) is null)
                {
                    evaluation.Fail(evaluation.Member(needed), application.Keyword, Message(name), value);
                }
            }
        }
    }

    public override IEnumerable<Application> Read(SchemaNode schema, ApplicatorReading reading)
    {
        if (schema.Keyword(Keyword) is not { Value.Kind: JsonNodeKind.Object } keyword)
        {
            yield break;
        }

        foreach (var entry in keyword.Value.Members)
        {
            if (_listsNames && entry.Value.Kind == JsonNodeKind.Array)
            {
                if (entry.Value.Items.Any(item => item.Kind != JsonNodeKind.String))
                {
                    reading.Invalid(entry.Value, $"'{Keyword}' of \"{entry.Name}\" must list property names (strings)");
                    continue;
                }

                yield return new Application(Keyword, default, new[] { entry.Name }.Concat(entry.Value.Items.Select(i => i.Text!).Distinct()).ToEquatableArray());
            }
            else if (_holdsSchemas && schema.Entry(Keyword, entry.Name) is { } dependent)
            {
                yield return new Application(Keyword, new[] { reading.Visit(dependent) }.ToEquatableArray(), new[] { entry.Name }.ToEquatableArray());
            }
            else
            {
                // Fail closed: an entry that is neither form constrains nothing we could enforce.
                reading.Invalid(entry.Value, $"'{Keyword}' of \"{entry.Name}\" must be {(_listsNames ? (_holdsSchemas ? "an array of property names or a schema" : "an array of property names") : "a schema")}");
            }
        }
    }

    // A dependent schema applies to the object that has the named member.
    public override IEnumerable<string> InPlaceSchemas(Application application) => application.Schemas;

    // The schema form (the array form is the member loop's: InMemberLoop).
    public override void Emit(Application application, ApplicatorEmission emission)
    {
        var writer = emission.Writer;
        writer.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)");
        writer.Line("var look = reader;");
        writer.Open($"if ({emission.Support}.SeekProperty(ref look, {CSharpLiterals.Utf8(application.Arguments[0])}))");
        writer.Line($"var branch = reader; {emission.Method(application.Schemas[0])}(ref branch, ref context);");
        writer.Close();
        writer.Close();
    }

    public override void Evaluate(Application application, JsonNode value, ApplicatorEvaluation evaluation)
    {
        if (value.Kind == JsonNodeKind.Object && value.FirstMember(application.Arguments[0]) is not null)
        {
            evaluation.Check(application.Schemas[0], value, evaluation.Pointer);
        }
    }

    public override void EmitEvaluated(Application application, ApplicatorEmission emission)
    {
        if (application.Schemas.IsEmpty)
        {
            return;
        }

        var writer = emission.Writer;
        writer.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)");
        writer.Line("var look = reader;");
        writer.Open($"if ({emission.Support}.SeekProperty(ref look, {CSharpLiterals.Utf8(application.Arguments[0])}))");
        emission.IfPasses(application.Schemas[0], "reader", $"{emission.Collector(application.Schemas[0])}(reader, ref context, evaluated, true);");
        writer.Close();
        writer.Close();
    }

    public override void CollectEvaluated(Application application, JsonNode value, ApplicatorEvaluation evaluation, EvaluatedLocations evaluated, bool nested)
    {
        if (!application.Schemas.IsEmpty && value.Kind == JsonNodeKind.Object && value.FirstMember(application.Arguments[0]) is not null
            && evaluation.Matches(application.Schemas[0], value))
        {
            evaluation.Collect(application.Schemas[0], value, evaluated);
        }
    }
}
