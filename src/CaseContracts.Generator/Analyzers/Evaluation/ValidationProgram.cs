using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Pipeline;
using CaseContracts.Generator.Rules;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Analyzers.Evaluation;

/// <summary>
/// The generated validators, run at build time: an evaluator over the same <see cref="ValidatorFileSpec"/>s
/// the validator emitter turns into C#. Each schema position is looked up by the method name the emitter
/// gives it, and checked in the emitter's order with its keywords and messages, so a value gets the same
/// errors (pointer, keyword, message) here as from the generated code at run time; tests hold the two to it.
/// </summary>
internal sealed class ValidationProgram
{
    private readonly Dictionary<string, Step> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _methodByKey = new(StringComparer.Ordinal);
    private readonly SchemaIndex _index;
    private readonly ConcurrentDictionary<string, JsonNode> _constants = new(StringComparer.Ordinal);

    private ValidationProgram(IEnumerable<ValidatorFileSpec> files, SchemaIndex index)
    {
        _index = index;
        foreach (var file in files)
        {
            var dispatches = file.Dispatches.ToDictionary(d => d.NodeKey, StringComparer.Ordinal);
            for (var i = 0; i < file.Nodes.Count; i++)
            {
                // As the emitter: format is asserted only when the project opts in.
                var node = AssertionRules.Enforced(file.Nodes[i], file.AssertFormats);
                _steps[file.Methods[i]] = new Step(node, file.Targets[i], dispatches.TryGetValue(node.Key, out var dispatch) ? dispatch : null);
                _methodByKey[node.Key] = file.Methods[i];
            }
        }
    }

    public static ValidationProgram Create(IEnumerable<ValidatorFileSpec> files, SchemaIndex index) => new(files, index);

    /// <summary>The validator method of a schema position, or null when there is none.</summary>
    public string? MethodOf(string key) => _methodByKey.TryGetValue(key, out var method) ? method : null;

    /// <summary>The schema position a validator method checks, with <c>$ref</c>s followed.</summary>
    public ValidationNode? NodeOf(string method)
    {
        for (var hops = 0; hops < 64 && _steps.TryGetValue(method, out var step); hops++)
        {
            if (step.Node.RefKey is null)
            {
                return step.Node;
            }

            method = step.Target;
        }

        return null;
    }

    /// <summary>The validator method of the schema of property <paramref name="jsonName"/> of the object checked by <paramref name="objectMethod"/>.</summary>
    public string? PropertyMethod(string objectMethod, string jsonName)
        => NodeOf(objectMethod) is { } node && node.Properties.FirstOrDefault(p => p.Name == jsonName) is { } property ? MethodOf(property.NodeKey) : null;

    /// <summary>The C# type name of a named schema position (root, definition, inline object), or null.</summary>
    public string? TypeNameOf(string key) => _index.Find(key)?.TypeName;

    /// <summary>
    /// How deep checks may nest. Values nest at most 64 deep, and each level takes a few checks ($ref, allOf).
    /// A schema that refers to itself without reaching into the value (<c>{"$ref": "#"}</c>) would never end:
    /// the plan already cuts such cycles where they close (CC0008); this bound stays because the evaluator runs
    /// inside the compiler, which must end whatever the plan holds.
    /// </summary>
    private const int MaxNesting = 512;

    // Per thread: analyzers run concurrently, and one evaluation runs on one thread from start to end.
    [ThreadStatic]
    private static int t_nesting;

    // The dynamic scope (schema resources entered that declare dynamic anchors, outermost first), as the generated
    // ValidationContext keeps it.
    [ThreadStatic]
    private static List<EquatableArray<PropertyNode>>? t_scope;

    /// <summary>The method a <c>$dynamicRef</c>/<c>$recursiveRef</c> step follows: the outermost declaration of its anchor in scope, else its target.</summary>
    private string DynamicTarget(Step step)
    {
        if (step.Node.DynamicAnchorName is { } name && t_scope is not null)
        {
            foreach (var anchors in t_scope)
            {
                foreach (var anchor in anchors)
                {
                    if (anchor.Name == name && _methodByKey.TryGetValue(anchor.NodeKey, out var method))
                    {
                        return method;
                    }
                }
            }
        }

        return step.Target;
    }

    private static bool EnterScope(ValidationNode node)
    {
        if (node.DynamicScope.IsEmpty)
        {
            return false;
        }

        (t_scope ??= new List<EquatableArray<PropertyNode>>()).Add(node.DynamicScope);
        return true;
    }

    private static void LeaveScope() => t_scope!.RemoveAt(t_scope.Count - 1);

    /// <summary>Every error the generated validator <paramref name="method"/> reports for <paramref name="value"/>, in its order.</summary>
    public IReadOnlyList<Violation> Evaluate(JsonNode value, string method)
    {
        var errors = new List<Violation>();
        if (FirstInvalidUnicode(value, string.Empty) is var (invalid, pointer))
        {
            // At run time such a string ends validation as a whole with one error (no .NET string can hold it),
            // at the first such string in the document (a property name: at its object).
            errors.Add(new Violation(pointer, "type", Violation.InvalidUnicodeMessage, null, invalid, null, null, ValidationNode.AcceptsAll(string.Empty), ViolationPlace.Root));
            return errors;
        }

        Check(method, value, string.Empty, ViolationPlace.Root, errors);
        return errors;
    }

    private void Check(string method, JsonNode value, string pointer, ViolationPlace place, List<Violation> errors)
    {
        if (!_steps.TryGetValue(method, out var step))
        {
            return;
        }

        if (++t_nesting > MaxNesting)
        {
            t_nesting--;
            errors.Add(Error(pointer, "$ref", "the schema refers to itself without end", value, step.Node, place));
            return;
        }

        try
        {
            CheckStep(step, value, pointer, place, errors);
        }
        finally
        {
            t_nesting--;
        }
    }

    private void CheckStep(Step step, JsonNode value, string pointer, ViolationPlace place, List<Violation> errors)
    {

        var node = step.Node;
        if (node.RefKey is not null)
        {
            if (step.Target == ValidatorNames.ReferenceCycle)
            {
                errors.Add(Error(pointer, "$ref", "the schema refers to itself without end (see diagnostic CC0008)", value, node, place));
            }
            else if (step.Target.Length > 0)
            {
                // A $ref into another resource, past its root, enters that resource's dynamic anchors (as the generated validator does).
                var entered = EnterScope(node);
                try
                {
                    Check(DynamicTarget(step), value, pointer, place, errors);
                }
                finally
                {
                    if (entered)
                    {
                        LeaveScope();
                    }
                }
            }
            else
            {
                errors.Add(Error(pointer, "$ref", "the schema reference could not be resolved (see diagnostic CC0002)", value, node, place));
            }

            return;
        }

        if (node.AlwaysFails)
        {
            errors.Add(Error(pointer, "false", "no value is allowed here", value, node, place));
            return;
        }

        var scoped = EnterScope(node);
        try
        {
            CheckInScope(step, value, pointer, place, errors);
        }
        finally
        {
            if (scoped)
            {
                LeaveScope();
            }
        }
    }

    private void CheckInScope(Step step, JsonNode value, string pointer, ViolationPlace place, List<Violation> errors)
    {
        var node = step.Node;
        CheckApplicators(step, value, pointer, place, errors);
        if (!node.Applications.IsEmpty)
        {
            var evaluation = new Evaluation(this, node, pointer, place, errors);
            foreach (var application in node.Applications)
            {
                if ((application.Keyword == "patternProperties" && PatternPropertiesRule.InMemberLoop(node)) || DependenciesRule.InMemberLoop(application))
                {
                    // Applied in CheckObject, as the generated member loop does.
                    continue;
                }

                ApplicatorRules.Find(application.Keyword)!.Evaluate(application, value, evaluation);
            }
        }

        CheckTypeAndValues(node, value, pointer, place, errors);
        switch (value.Kind)
        {
            case JsonNodeKind.String:
            case JsonNodeKind.Number:
                CheckRules(node, value, pointer, place, errors);
                break;
            case JsonNodeKind.Array:
                CheckArray(node, value, pointer, place, errors);
                break;
            case JsonNodeKind.Object:
                CheckObject(node, value, pointer, place, errors);
                break;
        }
    }

    private void CheckApplicators(Step step, JsonNode value, string pointer, ViolationPlace place, List<Violation> errors)
    {
        var node = step.Node;
        foreach (var member in node.AllOf)
        {
            Check(_methodByKey[member], value, pointer, place, errors);
        }

        if (!node.AnyOf.IsEmpty && CountMatches(node.AnyOf, value, pointer, place) == 0)
        {
            errors.Add(Error(pointer, "anyOf", "matches none of the schemas in anyOf", value, node, place));
        }

        if (node.OneOf.IsEmpty)
        {
            return;
        }

        if (step.Dispatch is { } dispatch && value.Kind == JsonNodeKind.Object)
        {
            CheckDispatch(dispatch, node, value, pointer, place, errors);
            return;
        }

        var matched = CountMatches(node.OneOf, value, pointer, place);
        if (matched != 1)
        {
            errors.Add(Error(pointer, "oneOf", matched == 0 ? "matches none of the schemas in oneOf" : "matches more than one schema in oneOf", value, node, place));
        }
    }

    private int CountMatches(EquatableArray<string> members, JsonNode value, string pointer, ViolationPlace place)
    {
        var matched = 0;
        foreach (var member in members)
        {
            var branch = new List<Violation>();
            Check(_methodByKey[member], value, pointer, place, branch);
            if (branch.Count == 0)
            {
                matched++;
            }
        }

        return matched;
    }

    // A discriminated oneOf: only the member the discriminator names is checked (the emitter's UnionDispatch).
    private void CheckDispatch(UnionDispatch dispatch, ValidationNode node, JsonNode value, string pointer, ViolationPlace place, List<Violation> errors)
    {
        var name = dispatch.DiscriminatorJsonName;
        var memberPointer = pointer + "/" + SchemaPaths.EscapePointerSegment(name);
        var unionPlace = place with { OwnerKey = node.Key };
        if (value.FirstMember(name) is not { } discriminator)
        {
            errors.Add(Error(memberPointer, "required", "is required", value, node, unionPlace) with { MemberName = name });
            return;
        }

        if (discriminator.Value.Kind == JsonNodeKind.String)
        {
            for (var i = 0; i < dispatch.Values.Count; i++)
            {
                if (dispatch.Values[i] == discriminator.Value.Text)
                {
                    Check(dispatch.Methods[i], value, pointer, new ViolationPlace(place.OwnerKey, dispatch.NodeKey, dispatch.Values[i]), errors);
                    return;
                }
            }
        }

        errors.Add(Error(memberPointer, "oneOf", dispatch.UnknownValueMessage, value, node, unionPlace) with { Member = discriminator, MemberName = name, Alternatives = dispatch.Values.ToArray() });
    }

    private void CheckTypeAndValues(ValidationNode node, JsonNode value, string pointer, ViolationPlace place, List<Violation> errors)
    {
        // Loops, not LINQ: this runs for every value checked (every keyword of every schema file, for the meta-schema).
        if (!node.Types.IsEmpty)
        {
            var actual = JsonValues.TypeName(value);
            var allowed = false;
            foreach (var type in node.Types)
            {
                allowed |= type == actual || (type == "number" && actual == "integer");
            }

            if (!allowed)
            {
                errors.Add(Error(pointer, "type", node.TypeMessage, value, node, place));
            }
        }

        if (node.ConstJson is not null && !EqualsConstant(value, node.ConstJson))
        {
            errors.Add(Error(pointer, "const", node.ConstMessage, value, node, place));
        }

        if (!node.EnumJson.IsEmpty && !InEnum(node.EnumJson, value))
        {
            errors.Add(Error(pointer, "enum", node.EnumMessage, value, node, place));
        }
    }

    private bool InEnum(EquatableArray<string> candidates, JsonNode value)
    {
        foreach (var candidate in candidates)
        {
            if (EqualsConstant(value, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private void CheckArray(ValidationNode node, JsonNode value, string pointer, ViolationPlace place, List<Violation> errors)
    {
        if (node.ItemsKey is { } items)
        {
            for (var i = 0; i < value.Items.Count; i++)
            {
                Check(_methodByKey[items], value.Items[i], pointer + "/" + Invariant(i), place, errors);
            }
        }

        CheckRules(node, value, pointer, place, errors);
    }

    private void CheckObject(ValidationNode node, JsonNode value, string pointer, ViolationPlace place, List<Violation> errors)
    {
        var memberPlace = place with { OwnerKey = node.Key };
        var seen = node.Required.IsEmpty ? null : new HashSet<string>(StringComparer.Ordinal);
        var patternsHere = PatternPropertiesRule.InMemberLoop(node) ? PatternPropertiesRule.Of(node) : null;
        var members = value.Members;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            seen?.Add(member.Name);
            var memberPointer = pointer + "/" + SchemaPaths.EscapePointerSegment(member.Name);
            if (patternsHere is not null)
            {
                for (var p = 0; p < patternsHere.Schemas.Count; p++)
                {
                    if (PatternRule.IsMatch(patternsHere.Arguments[p], member.Name))
                    {
                        Check(_methodByKey[patternsHere.Schemas[p]], member.Value, memberPointer, place, errors);
                    }
                }
            }

            if (PropertyNamed(node, member.Name) is { } property)
            {
                Check(_methodByKey[property.NodeKey], member.Value, memberPointer, memberPlace, errors);
            }
            else if (PatternPropertiesRule.Patterns(node) is { IsEmpty: false } patterns && patterns.Any(p => PatternRule.IsMatch(p, member.Name)))
            {
                // Checked by patternProperties; not additional.
            }
            else if (node.AdditionalPropertiesKey is { } additional)
            {
                Check(_methodByKey[additional], member.Value, memberPointer, memberPlace, errors);
            }
            else if (node.RejectsAdditionalProperties)
            {
                errors.Add(Error(memberPointer, "additionalProperties", "is not an allowed property", value, node, memberPlace) with { Member = member, MemberName = member.Name });
            }
        }

        foreach (var required in node.Required)
        {
            if (!seen!.Contains(required))
            {
                errors.Add(Error(pointer + "/" + SchemaPaths.EscapePointerSegment(required), "required", "is required", value, node, memberPlace) with { MemberName = required });
            }
        }

        if (DependenciesRule.OfMemberLoop(node).Any())
        {
            DependenciesRule.EvaluateAfterMembers(node, value, new Evaluation(this, node, pointer, place, errors));
        }

        CheckRules(node, value, pointer, place, errors);
    }

    /// <summary>The first property of <paramref name="node"/> named <paramref name="name"/> (a loop: once per member of every object checked).</summary>
    private static PropertyNode? PropertyNamed(ValidationNode node, string name)
    {
        foreach (var property in node.Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>The keywords defined as rules that constrain values of this kind, in rule order (as the emitter writes them).</summary>
    private static void CheckRules(ValidationNode node, JsonNode value, string pointer, ViolationPlace place, List<Violation> errors)
    {
        foreach (var assertion in node.Assertions)
        {
            if (AssertionRules.Find(assertion.Keyword) is { } rule && rule.AppliesTo == value.Kind && !rule.Holds(value, assertion.Argument))
            {
                errors.Add(new Violation(pointer, rule.Keyword, rule.Message(assertion.Argument), rule.Limit(assertion.Argument), value, null, null, node, place));
            }
        }
    }

    /// <summary>
    /// What the position of <paramref name="method"/> evaluates of <paramref name="value"/>, into <paramref name="evaluated"/>:
    /// the generated <c>*_Evaluated</c> method, run at build time (same order, same members tried).
    /// </summary>
    private void Collect(string method, JsonNode value, EvaluatedLocations evaluated, bool nested)
    {
        if (!_steps.TryGetValue(method, out var step) || ++t_nesting > MaxNesting)
        {
            if (step is not null)
            {
                t_nesting--;
            }

            return;
        }

        try
        {
            var node = step.Node;
            if (node.RefKey is not null || node.AlwaysFails)
            {
                if (node.RefKey is not null && step.Target.Length > 0 && step.Target != ValidatorNames.ReferenceCycle)
                {
                    Collect(DynamicTarget(step), value, evaluated, nested: true);
                }

                return;
            }

            var scoped = EnterScope(node);
            try
            {
                CollectInScope(node, value, evaluated, nested);
            }
            finally
            {
                if (scoped)
                {
                    LeaveScope();
                }
            }
        }
        finally
        {
            t_nesting--;
        }
    }

    private void CollectInScope(ValidationNode node, JsonNode value, EvaluatedLocations evaluated, bool nested)
    {
        foreach (var member in node.AllOf)
        {
            Collect(_methodByKey[member], value, evaluated, nested: true);
        }

        foreach (var member in node.AnyOf.Concat(node.OneOf))
        {
            if (Passes(_methodByKey[member], value))
            {
                Collect(_methodByKey[member], value, evaluated, nested: true);
            }
        }

        if (!node.Applications.IsEmpty)
        {
            var evaluation = new Evaluation(this, node, string.Empty, ViolationPlace.Root, new List<Violation>());
            foreach (var application in node.Applications)
            {
                ApplicatorRules.Find(application.Keyword)!.CollectEvaluated(application, value, evaluation, evaluated, nested);
            }
        }

        if (value.Kind == JsonNodeKind.Object)
        {
            if (node.HasAdditionalProperties)
            {
                evaluated.AllProperties = true;
            }
            else
            {
                foreach (var member in value.Members)
                {
                    if (node.Properties.Any(p => p.Name == member.Name))
                    {
                        evaluated.AddProperty(member.Name);
                    }
                }
            }
        }
        else if (value.Kind == JsonNodeKind.Array && node.ItemsKey is not null)
        {
            evaluated.AllItems = true;
        }
    }

    private bool Passes(string method, JsonNode value)
    {
        var branch = new List<Violation>();
        Check(method, value, string.Empty, ViolationPlace.Root, branch);
        return branch.Count == 0;
    }

    private bool EqualsConstant(JsonNode value, string constantJson)
    {
        var constant = _constants.GetOrAdd(constantJson, static json => JsonTextParser.Parse(json).Root ?? JsonNode.Null(0, 0));
        return JsonValues.JsonEquals(value, constant);
    }

    /// <summary>The first string, in document order, that is not valid Unicode, and its pointer (a property name's: its object's).</summary>
    private static (JsonNode Node, string Pointer)? FirstInvalidUnicode(JsonNode value, string pointer)
    {
        // The walk keeps the path as names and indexes: the pointer is written only for the string found, not for every value.
        var path = new List<(string? Name, int Index)>();
        if (FindInvalidUnicode(value, path) is not { } found)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(pointer);
        foreach (var (name, index) in path)
        {
            builder.Append('/').Append(name is null ? index.ToString(CultureInfo.InvariantCulture) : SchemaPaths.EscapePointerSegment(name));
        }

        return (found, builder.ToString());
    }

    private static JsonNode? FindInvalidUnicode(JsonNode value, List<(string? Name, int Index)> path)
    {
        if (value.HasInvalidUnicode)
        {
            return value;
        }

        var members = value.Members;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (member.NameHasInvalidUnicode)
            {
                return value;
            }

            path.Add((member.Name, 0));
            if (FindInvalidUnicode(member.Value, path) is { } found)
            {
                return found;
            }

            path.RemoveAt(path.Count - 1);
        }

        for (var i = 0; i < value.Items.Count; i++)
        {
            path.Add((null, i));
            if (FindInvalidUnicode(value.Items[i], path) is { } found)
            {
                return found;
            }

            path.RemoveAt(path.Count - 1);
        }

        return null;
    }

    private static Violation Error(string pointer, string keyword, string message, JsonNode value, ValidationNode node, ViolationPlace place)
        => new(pointer, keyword, message, null, value, null, null, node, place);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The applicator rules' view of one check: sub-schemas run through this program, errors into its list.</summary>
    private sealed class Evaluation(ValidationProgram program, ValidationNode node, string pointer, ViolationPlace place, List<Violation> errors) : ApplicatorEvaluation
    {
        public override string Pointer => pointer;

        public override void Check(string schemaKey, JsonNode value, string at) => program.Check(program._methodByKey[schemaKey], value, at, place, errors);

        public override bool Matches(string schemaKey, JsonNode value)
        {
            var branch = new List<Violation>();
            program.Check(program._methodByKey[schemaKey], value, pointer, place, branch);
            return branch.Count == 0;
        }

        public override void Fail(string at, string keyword, string message, JsonNode value) => errors.Add(Error(at, keyword, message, value, node, place));

        public override void Collect(string schemaKey, JsonNode value, EvaluatedLocations evaluated) => program.Collect(program._methodByKey[schemaKey], value, evaluated, nested: true);

        public override EvaluatedLocations EvaluatedHere(JsonNode value)
        {
            var evaluated = new EvaluatedLocations();
            program.Collect(program._methodByKey[node.Key], value, evaluated, nested: false);
            return evaluated;
        }

        public override bool IsMatch(string pattern, string text) => PatternRule.IsMatch(pattern, text);
    }

    private sealed record Step(ValidationNode Node, string Target, UnionDispatch? Dispatch);
}
