using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Rules;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// One schema file → one validator method per schema position. Each method checks the value at the
/// reader in a single pass over its tokens, records every failure with its JSON Pointer, and leaves
/// the reader on the value's last token. <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> branches run on
/// copies of the reader (the whole document is in memory), so no value is parsed into a DOM; when nothing after them reads
/// the value, the last one leaves the reader on the value's last token instead of a further pass skipping it.
/// </summary>
internal static class ValidatorEmitter
{
    private const string Support = JsonSupportEmitter.TypeName;
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string Kind = Support + ".JsonKind";

    public static string Emit(ValidatorFileSpec file)
    {
        var methods = new Dictionary<string, string>();
        for (var i = 0; i < file.Nodes.Count; i++)
        {
            methods[file.Nodes[i].Key] = file.Methods[i];
        }

        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + file.Namespace);
        // [GeneratedCode] sits on the declaration in the validation runtime file (once per partial class).
        writer.Open("internal static partial class " + Pipeline.ValidatorNames.ClassName);
        if (file.DocumentEntry.Length > 0)
        {
            writer.Line("/// <summary>Validates a whole JSON document against this file's root schema: null when valid.</summary>");
            writer.Line($"internal static global::System.Collections.Generic.IReadOnlyList<ValidationError>? {file.DocumentEntry}(global::System.ReadOnlySpan<byte> utf8Json, out string? malformed)");
            writer.Line($"    => Run(utf8Json, {file.RootMethod}, out malformed);");
            writer.Line();
        }

        var lookups = MemberLookups.Positions(file.Nodes);
        var recording = MemberLookups.Recording(file.Nodes, lookups);
        var byKey = file.Nodes.ToDictionary(n => n.Key, n => n, System.StringComparer.Ordinal);
        var firstTokens = FirstTokens(byKey);
        var checkNothing = new HashSet<string>(file.Nodes.Where(n => n.ChecksNothing).Select(n => n.Key), StringComparer.Ordinal);
        for (var i = 0; i < file.Nodes.Count; i++)
        {
            var dispatch = file.Dispatches.FirstOrDefault(d => d.NodeKey == file.Nodes[i].Key);
            var node = AssertionRules.Enforced(file.Nodes[i], file.AssertFormats);
            // An object a lookup may read after this position's own member loop is recorded as that loop reads it (a
            // member's own schema runs before those its parent's in-place schemas apply).
            var members = lookups.Contains(node.Key) ? MemberAccess.LookUp
                : recording.Contains(node.Key) ? MemberAccess.Record
                : MemberAccess.Read;
            var readsFirst = !file.EmitsEvaluated && dispatch is null && Walks(node) && MemberLookups.LooksUpInPlace(node, byKey, lookups);
            EmitNode(writer, node, file.Labels[i], file.Methods[i], file.Targets[i], dispatch, methods, firstTokens, file.EmitsEvaluated, members, readsFirst, checkNothing);
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    /// <summary>How a validator's own object checks reach the object's members.</summary>
    private enum MemberAccess
    {
        /// <summary>Reads the object.</summary>
        Read,

        /// <summary>Reads the object, recording its member table for schemas applied to it after.</summary>
        Record,

        /// <summary>Looks members up in the object's table (read once for all such validators), else reads it.</summary>
        LookUp,
    }

    private static void EmitNode(SourceWriter writer, ValidationNode node, string label, string method, string target, UnionDispatch? dispatch, Dictionary<string, string> methods, Dictionary<string, string> firstTokens, bool emitsEvaluated, MemberAccess members, bool readsFirst, HashSet<string> checkNothing)
    {
        var fields = new List<string>();
        if (emitsEvaluated)
        {
            EmitCollector(writer, node, method, target, methods, fields);
        }

        writer.Line("// " + SingleLine(label));
        writer.Open($"internal static void {method}(ref {Reader} reader, ref ValidationContext context)");
        if (node.RefKey is not null)
        {
            // A $ref into another resource, past its root, enters that resource's dynamic anchors while its target validates.
            var entered = target.Length > 0 && target != Pipeline.ValidatorNames.ReferenceCycle && EnterDynamicScope(writer, node, method, methods, fields, emitsEvaluated);
            if (target.Length > 0 && node.DynamicAnchorName is { } anchor && target != Pipeline.ValidatorNames.ReferenceCycle)
            {
                writer.Line($"FollowDynamic({CSharpLiterals.String(anchor)}, {target}, ref reader, ref context);");
            }
            else if (target.Length > 0)
            {
                writer.Line($"{target}(ref reader, ref context);");
            }
            else
            {
                writer.Line("context.Add(\"$ref\", null, \"the schema reference could not be resolved (see diagnostic CC0002)\");");
                writer.Line("context.Skip(ref reader);");
            }

            if (entered)
            {
                writer.Line("context.LeaveScope();");
            }

            writer.Close();
            foreach (var field in fields)
            {
                writer.Line(field);
            }

            writer.Line();
            return;
        }

        if (node.AlwaysFails)
        {
            writer.Line($"context.Add(\"false\", ref reader, \"no value is allowed here\");");
            writer.Line("context.Skip(ref reader);");
            writer.Close();
            writer.Line();
            return;
        }

        var scope = EnterDynamicScope(writer, node, method, methods, fields, emitsEvaluated);
        if (readsFirst)
        {
            EmitOwnChecksFirst(writer, node, method, methods, firstTokens, fields, members, scope, checkNothing);
            return;
        }

        // When the method's own checks do not walk the value (at most they look at its first token), the applicator
        // written last may leave the reader where one of its copies ended (the value's last token) rather than the value
        // being read once more to step past it: under nested allOf, if/then, not, oneOf and patternProperties that pass
        // multiplied at every level. With own checks, the copy's end is kept in valueEnd and taken after them.
        var consumer = LastConsumer(node, dispatch);
        var endVariable = consumer == Consumer.None ? null
            : OnlySkips(node) && consumer is Consumer.AllOf or Consumer.Application ? "reader"
            : "valueEnd";
        if (endVariable == "valueEnd")
        {
            writer.Line("var valueEnd = reader;");
        }

        var consumed = EmitApplicators(writer, node, dispatch, methods, firstTokens, consumer, endVariable);
        consumed |= EmitApplications(writer, node, method, methods, fields, consumer, endVariable);
        EmitTypeAndValues(writer, node, method, fields);
        EmitByToken(writer, node, method, methods, fields, consumed ? endVariable : null, members, checkNothing);
        if (scope)
        {
            writer.Line("context.LeaveScope();");
        }

        writer.Close();
        foreach (var field in fields)
        {
            writer.Line(field);
        }

        writer.Line();
    }

    /// <summary>
    /// A node whose in-place schemas look members up (<see cref="MemberLookups.LooksUpInPlace"/>) runs its own checks
    /// first, reading the object once and recording its table, then the in-place schemas on a copy of the reader, which
    /// find the table. Their errors are put back before the node's own (<c>PutBefore</c>), as if they had run first;
    /// when errors were dropped at the limit, which ones depends on the order, so both run again in order, as they do
    /// for a document too short to have member tables.
    /// </summary>
    private static void EmitOwnChecksFirst(SourceWriter writer, ValidationNode node, string method, Dictionary<string, string> methods, Dictionary<string, string> firstTokens, List<string> fields, MemberAccess members, bool scope, HashSet<string> checkNothing)
    {
        var own = method + "_own";
        var inPlace = method + "_inPlace";
        writer.Line("var ownFirst = context.HasMemberTables;");
        writer.Open("if (ownFirst)");
        writer.Line("var start = reader;");
        writer.Line("var own = context.ErrorCount;");
        writer.Line($"{own}(ref reader, ref context);");
        writer.Line("var applied = context.ErrorCount;");
        writer.Line($"{{ var copy = start; {inPlace}(ref copy, ref context); }}");
        writer.Open("if (!context.PutBefore(own, applied))");
        writer.Line("context.Truncate(own);");
        writer.Line("reader = start;");
        writer.Line("ownFirst = false;");
        writer.Close();
        writer.Close();
        writer.Line();
        // A short document (no tables), or errors dropped at the limit: in the order the errors are reported in.
        writer.Open("if (!ownFirst)");
        writer.Line($"{{ var copy = reader; {inPlace}(ref copy, ref context); }}");
        writer.Line($"{own}(ref reader, ref context);");
        writer.Close();
        if (scope)
        {
            writer.Line("context.LeaveScope();");
        }

        writer.Close();
        writer.Line();

        writer.Open($"private static void {own}(ref {Reader} reader, ref ValidationContext context)");
        EmitTypeAndValues(writer, node, method, fields);
        EmitByToken(writer, node, method, methods, fields, null, members == MemberAccess.LookUp ? members : MemberAccess.Record, checkNothing);
        writer.Close();
        writer.Line();

        writer.Open($"private static void {inPlace}(ref {Reader} reader, ref ValidationContext context)");
        EmitApplicators(writer, node, null, methods, firstTokens, Consumer.None, null);
        EmitApplications(writer, node, method, methods, fields, Consumer.None, null);
        writer.Close();
        foreach (var field in fields)
        {
            writer.Line(field);
        }

        writer.Line();
    }

    /// <summary>Writes the applicator rules' keywords (if/then/else, not, patternProperties…); true when the last one left <paramref name="endVariable"/> on the value's last token.</summary>
    private static bool EmitApplications(SourceWriter writer, ValidationNode node, string method, Dictionary<string, string> methods, List<string> fields, Consumer consumer, string? endVariable)
    {
        var applications = new ApplicatorEmission(writer, Support, methods, fields, method) { EndVariable = endVariable ?? "reader" };
        for (var i = 0; i < node.Applications.Count; i++)
        {
            if ((node.Applications[i].Keyword == "patternProperties" && PatternPropertiesRule.InMemberLoop(node)) || DependenciesRule.InMemberLoop(node.Applications[i]))
            {
                // Applied by the object's own member loop (EmitObject).
                continue;
            }

            applications.MayConsume = consumer == Consumer.Application && i == node.Applications.Count - 1;
            ApplicatorRules.Find(node.Applications[i].Keyword)!.Emit(node.Applications[i], applications);
        }

        return applications.Consumed;
    }

    /// <summary>A schema resource that declares dynamic anchors enters them into the dynamic scope while it validates.</summary>
    private static bool EnterDynamicScope(SourceWriter writer, ValidationNode node, string method, Dictionary<string, string> methods, List<string> fields, bool emitsEvaluated)
    {
        if (node.DynamicScope.IsEmpty)
        {
            return false;
        }

        var field = "s_scope_" + method;
        if (!fields.Any(f => f.Contains(" " + field + " ")))
        {
            var anchors = node.DynamicScope.Select(a =>
                $"new DynamicAnchor({CSharpLiterals.String(a.Name)}, {methods[a.NodeKey]}, {(emitsEvaluated ? ApplicatorEmission.CollectorOf(methods[a.NodeKey]) : "null")})");
            fields.Add($"private static readonly DynamicAnchor[] {field} = [{string.Join(", ", anchors)}];");
        }

        writer.Line($"context.EnterScope({field});");
        return true;
    }

    /// <summary>
    /// The method gathering what <paramref name="node"/> evaluates of a value it is applied to (for <c>unevaluated*</c>):
    /// its own <c>properties</c>, <c>additionalProperties</c> and <c>items</c>, each applicator rule's share, and what the
    /// in-place members the value passes evaluate (<c>allOf</c> members all count: a value failing one fails anyway).
    /// </summary>
    private static void EmitCollector(SourceWriter writer, ValidationNode node, string method, string target, Dictionary<string, string> methods, List<string> fields)
    {
        var collector = ApplicatorEmission.CollectorOf(method);
        writer.Open($"internal static void {collector}({Reader} reader, ref ValidationContext context, EvaluatedLocations evaluated, bool nested)");
        if (node.RefKey is not null || node.AlwaysFails)
        {
            if (node.RefKey is not null && target.Length > 0 && target != Pipeline.ValidatorNames.ReferenceCycle)
            {
                writer.Line(node.DynamicAnchorName is { } anchor
                    ? $"CollectDynamic({CSharpLiterals.String(anchor)}, {ApplicatorEmission.CollectorOf(target)}, reader, ref context, evaluated);"
                    : $"{ApplicatorEmission.CollectorOf(target)}(reader, ref context, evaluated, true);");
            }

            writer.Close();
            writer.Line();
            return;
        }

        var emission = new ApplicatorEmission(writer, Support, methods, fields, method);
        var scope = EnterDynamicScope(writer, node, method, methods, fields, emitsEvaluated: true);
        foreach (var member in node.AllOf)
        {
            writer.Line($"{ApplicatorEmission.CollectorOf(methods[member])}(reader, ref context, evaluated, true);");
        }

        foreach (var member in node.AnyOf.Concat(node.OneOf))
        {
            emission.IfPasses(member, "reader", $"{ApplicatorEmission.CollectorOf(methods[member])}(reader, ref context, evaluated, true);");
        }

        foreach (var application in node.Applications)
        {
            ApplicatorRules.Find(application.Keyword)!.EmitEvaluated(application, emission);
        }

        if (node.HasAdditionalProperties)
        {
            writer.Line($"if (reader.TokenType == {TokenType}.StartObject) {{ evaluated.AllProperties = true; }}");
        }
        else if (!node.Properties.IsEmpty)
        {
            writer.Open($"if (reader.TokenType == {TokenType}.StartObject)");
            writer.Open("while (true)");
            writer.Line($"{Support}.Next(ref reader);");
            writer.Open($"if (reader.TokenType == {TokenType}.EndObject)");
            writer.Line("break;");
            writer.Close();
            writer.Line("var name = reader.GetString()!;");
            writer.Open($"switch (name)");
            foreach (var property in node.Properties.Select(p => p.Name).Distinct())
            {
                writer.Line($"case {CSharpLiterals.String(property)}: evaluated.AddProperty(name); break;");
            }

            writer.Close();
            writer.Line($"{Support}.Next(ref reader);");
            writer.Line("context.Skip(ref reader);");
            writer.Close();
            writer.Close();
        }

        if (node.ItemsKey is not null)
        {
            writer.Line($"if (reader.TokenType == {TokenType}.StartArray) {{ evaluated.AllItems = true; }}");
        }

        if (scope)
        {
            writer.Line("context.LeaveScope();");
        }

        writer.Close();
        writer.Line();
    }

    /// <summary>Whether the node's own checks (after its applicators) only skip the value: no type, const, enum or keyword reads it.</summary>
    private static bool OnlySkips(ValidationNode node)
        => node.Types.IsEmpty && node.ConstJson is null && node.EnumJson.IsEmpty
           && !AssertionRules.AnyFor(node.Assertions, JsonNodeKind.String) && !AssertionRules.AnyFor(node.Assertions, JsonNodeKind.Number)
           && !Walks(node);

    /// <summary>Whether the node's own checks walk the value's members or items (not only its first token).</summary>
    private static bool Walks(ValidationNode node)
        => node.ItemsKey is not null || AssertionRules.AnyFor(node.Assertions, JsonNodeKind.Array)
           || ChecksObject(node);

    /// <summary>Whether the node has checks of an object's members or count, made by its own member loop (EmitObject).</summary>
    private static bool ChecksObject(ValidationNode node)
        => !node.Properties.IsEmpty || !node.Required.IsEmpty || node.RejectsAdditionalProperties || node.AdditionalPropertiesKey is not null
           || AssertionRules.AnyFor(node.Assertions, JsonNodeKind.Object) || DependenciesRule.OfMemberLoop(node).Any();

    /// <summary>Which applicator, written last, may leave the reader on the value's last token (none when the node's own checks walk the value).</summary>
    private enum Consumer
    {
        None,
        AllOf,
        AnyOf,
        OneOf,
        Application,
    }

    private static Consumer LastConsumer(ValidationNode node, UnionDispatch? dispatch)
    {
        if (Walks(node))
        {
            return Consumer.None;
        }

        // The order EmitNode writes them in: allOf, anyOf, oneOf, then the applicator rules.
        if (!node.Applications.IsEmpty)
        {
            var last = node.Applications[node.Applications.Count - 1];
            return ApplicatorRules.Find(last.Keyword)!.CanConsume(last) ? Consumer.Application : Consumer.None;
        }

        return !node.OneOf.IsEmpty ? (dispatch is null ? Consumer.OneOf : Consumer.None)
            : !node.AnyOf.IsEmpty ? Consumer.AnyOf
            : !node.AllOf.IsEmpty ? Consumer.AllOf
            : Consumer.None;
    }

    /// <summary>Writes allOf, anyOf and oneOf; true when the one written last left <paramref name="endVariable"/> on the value's last token.</summary>
    private static bool EmitApplicators(SourceWriter writer, ValidationNode node, UnionDispatch? dispatch, Dictionary<string, string> methods, Dictionary<string, string> firstTokens, Consumer consumer, string? endVariable)
    {
        for (var i = 0; i < node.AllOf.Count; i++)
        {
            var member = node.AllOf[i];
            writer.Line(consumer == Consumer.AllOf && i == node.AllOf.Count - 1
                ? $"{methods[member]}(ref {endVariable}, ref context);"
                : $"{{ var branch = reader; {methods[member]}(ref branch, ref context); }}");
        }

        EmitCountingBranches(writer, "anyOf", node.AnyOf, methods, firstTokens, "matched == 0", "matches none of the schemas in anyOf", consumer == Consumer.AnyOf ? endVariable : null);
        if (dispatch is null)
        {
            EmitCountingBranches(writer, "oneOf", node.OneOf, methods, firstTokens, "matched != 1", null, consumer == Consumer.OneOf ? endVariable : null);
        }
        else
        {
            EmitDispatch(writer, dispatch);
            // Not an object: no member's discriminator applies, so count matches exactly as oneOf does.
            writer.Open("else");
            EmitCountingBranches(writer, "oneOf", node.OneOf, methods, firstTokens, "matched != 1", null, null);
            writer.Close();
            writer.Line();
        }

        return consumer is Consumer.AllOf or Consumer.AnyOf or Consumer.OneOf;
    }

    private static void EmitDispatch(SourceWriter writer, UnionDispatch dispatch)
    {
        var pointer = CSharpLiterals.Pointer(dispatch.DiscriminatorJsonName);
        var expected = CSharpLiterals.String(dispatch.UnknownValueMessage);
        writer.Open($"if (reader.TokenType == {TokenType}.StartObject)");
        writer.Line("var lookahead = reader;");
        writer.Open($"if (!{Support}.SeekProperty(ref lookahead, {CSharpLiterals.Utf8(dispatch.DiscriminatorJsonName)}))");
        writer.Line($"context.AddAt({pointer}, \"required\", null, \"is required\");");
        writer.Close();
        for (var i = 0; i < dispatch.Values.Count; i++)
        {
            writer.Open($"else if (lookahead.TokenType == {TokenType}.String && lookahead.ValueTextEquals({CSharpLiterals.Utf8(dispatch.Values[i])}))");
            writer.Line($"var branch = reader;");
            writer.Line($"{dispatch.Methods[i]}(ref branch, ref context);");
            writer.Close();
        }

        writer.Open("else");
        writer.Line($"context.AddAt({pointer}, \"oneOf\", ref lookahead, {expected});");
        writer.Close();
        writer.Close();
    }

    private static void EmitCountingBranches(SourceWriter writer, string keyword, Model.EquatableArray<string> members, Dictionary<string, string> methods, Dictionary<string, string> firstTokens, string failure, string? message, string? endVariable)
    {
        if (members.IsEmpty)
        {
            return;
        }

        writer.Open(string.Empty);
        writer.Line("var mark = context.ErrorCount;");
        writer.Line("var matched = 0;");
        // A member's errors are dropped once counted (the keyword reports one error of its own): counted, never made.
        writer.Line("context.BeginVerdict();");
        for (var i = 0; i < members.Count; i++)
        {
            // The last member's copy ends on the value's last token: kept when nothing after reads the value.
            var end = endVariable is not null && i == members.Count - 1 ? $" {endVariable} = branch;" : string.Empty;
            var trial = $"{{ var branch = reader; {methods[members[i]]}(ref branch, ref context); if (context.ErrorCount == mark) {{ matched++; }} context.Truncate(mark);{end} }}";
            // A member whose type the value's first token rules out fails: not tried (its type error would be dropped),
            // unless its copy's end is kept.
            writer.Line(end.Length == 0 && firstTokens.TryGetValue(members[i], out var tokens) ? $"if (reader.TokenType is {tokens}) {trial}" : trial);
        }

        writer.Line("context.EndVerdict();");

        writer.Open($"if ({failure})");
        var text = message is null
            ? "matched == 0 ? \"matches none of the schemas in oneOf\" : \"matches more than one schema in oneOf\""
            : CSharpLiterals.String(message);
        writer.Line($"context.Add(\"{keyword}\", ref reader, {text});");
        writer.Close();
        writer.Close();
    }

    /// <summary>The tokens a JSON kind (other than a lone <c>Integer</c>) starts with.</summary>
    private static string[] TokenTypes(string kind) => kind switch
    {
        "Null" => new[] { "Null" },
        "Boolean" => new[] { "True", "False" },
        "Integer" or "Number" => new[] { "Number" },
        "String" => new[] { "String" },
        "Object" => new[] { "StartObject" },
        _ => new[] { "StartArray" },
    };

    /// <summary>
    /// For each position whose <c>type</c> (its own, or that of what its <c>$ref</c> leads to) restricts the value's first
    /// token: the pattern of the tokens allowed. A value starting with another token fails the position's type check.
    /// </summary>
    private static Dictionary<string, string> FirstTokens(Dictionary<string, ValidationNode> byKey)
    {
        var tokens = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var start in byKey.Values)
        {
            var node = start;
            for (var hops = 0; node.RefKey is { } target && hops < 16 && byKey.TryGetValue(target, out var next); hops++)
            {
                node = next;
            }

            if (node.RefKey is null && !node.Types.IsEmpty)
            {
                tokens[start.Key] = TokenPattern(AllowedKinds(node));
            }
        }

        return tokens;
    }

    /// <summary>The JSON kinds <c>type</c> allows (<c>Integer</c> alone for "integer", both for "number").</summary>
    private static List<string> AllowedKinds(ValidationNode node)
        => node.Types.SelectMany(type => type switch
        {
            "null" => new[] { "Null" },
            "boolean" => new[] { "Boolean" },
            "integer" => new[] { "Integer" },
            "number" => new[] { "Integer", "Number" },
            "string" => new[] { "String" },
            "object" => new[] { "Object" },
            _ => new[] { "Array" },
        }).Distinct().ToList();

    /// <summary>The first tokens of values of <paramref name="kinds"/>, as a pattern (an integer is a number token).</summary>
    private static string TokenPattern(List<string> kinds)
        => "(" + string.Join(" or ", kinds.SelectMany(TokenTypes).Distinct().Select(t => TokenType + "." + t)) + ")";

    private static void EmitTypeAndValues(SourceWriter writer, ValidationNode node, string method, List<string> fields)
    {
        if (!node.Types.IsEmpty)
        {
            var kinds = AllowedKinds(node);
            writer.Open(kinds.Contains("Integer") && !kinds.Contains("Number")
                ? $"if ({Support}.KindOf(ref reader) is not ({string.Join(" or ", kinds.Select(k => Kind + "." + k))}))"
                // Telling integers from other numbers takes parsing the number; no other type needs more than the token.
                : $"if (reader.TokenType is not {TokenPattern(kinds)})");
            writer.Line($"context.Add(\"type\", ref reader, {CSharpLiterals.String(node.TypeMessage)});");
            writer.Close();
            writer.Line();
        }

        if (node.ConstJson is not null)
        {
            var field = $"s_const_{method}";
            fields.Add($"private static readonly global::System.Text.Json.JsonElement {field} = {Support}.Constant({CSharpLiterals.String(node.ConstJson)});");
            writer.Open($"if (!{Support}.EqualsConstant(reader, {field}))");
            writer.Line($"context.Add(\"const\", ref reader, {CSharpLiterals.String(node.ConstMessage)});");
            writer.Close();
        }

        if (!node.EnumJson.IsEmpty)
        {
            var field = $"s_enum_{method}";
            fields.Add($"private static readonly global::System.Text.Json.JsonElement[] {field} = [{string.Join(", ", node.EnumJson.Select(e => $"{Support}.Constant({CSharpLiterals.String(e)})"))}];");
            writer.Line("var inEnum = false;");
            writer.Open($"foreach (var candidate in {field})");
            writer.Line($"inEnum = inEnum || {Support}.EqualsConstant(reader, candidate);");
            writer.Close();
            writer.Open("if (!inEnum)");
            writer.Line($"context.Add(\"enum\", ref reader, {CSharpLiterals.String(node.EnumMessage)});");
            writer.Close();
        }
    }

    /// <summary>
    /// The checks by kind of value, then the step past it; when an applicator's copy already reached the value's last
    /// token (<paramref name="consumedInto"/>: <c>reader</c> itself, or <c>valueEnd</c>), the checks of the first token and
    /// then the reader taken from there.
    /// </summary>
    private static void EmitByToken(SourceWriter writer, ValidationNode node, string method, Dictionary<string, string> methods, List<string> fields, string? consumedInto, MemberAccess members, HashSet<string> checkNothing)
    {
        var hasString = AssertionRules.AnyFor(node.Assertions, JsonNodeKind.String);
        var hasNumber = AssertionRules.AnyFor(node.Assertions, JsonNodeKind.Number);
        var hasArray = node.ItemsKey is not null || AssertionRules.AnyFor(node.Assertions, JsonNodeKind.Array);
        var hasObject = ChecksObject(node);

        if (!hasString && !hasNumber && !hasArray && !hasObject)
        {
            // Nothing depends on the kind of value: no switch, only the step past it.
            if (consumedInto != "reader")
            {
                writer.Line(consumedInto is null ? "context.Skip(ref reader);" : $"reader = {consumedInto};");
            }

            return;
        }

        writer.Open("switch (reader.TokenType)");
        if (hasString)
        {
            writer.Open($"case {TokenType}.String:");
            if (AssertionRules.AnyCountFor(node.Assertions, JsonNodeKind.String))
            {
                writer.Line($"var length = {Support}.CodePointLength(ref reader);");
            }

            EmitRules(writer, node, JsonNodeKind.String, new RuleEmission(Support, "reader", "length", method), fields);

            writer.Line("break;");
            writer.Close();
        }

        if (hasNumber)
        {
            writer.Open($"case {TokenType}.Number:");
            EmitRules(writer, node, JsonNodeKind.Number, new RuleEmission(Support, "reader", null, method), fields);
            writer.Line("break;");
            writer.Close();
        }

        if (hasArray)
        {
            EmitArray(writer, node, method, methods, fields);
        }

        if (hasObject)
        {
            EmitObject(writer, node, method, methods, fields, members, checkNothing);
        }

        if (consumedInto is null)
        {
            writer.Open("default:");
            writer.Line("context.Skip(ref reader);");
            writer.Line("break;");
            writer.Close();
        }

        writer.Close();
        if (consumedInto is { } end && end != "reader")
        {
            writer.Line($"reader = {end};");
        }
    }

    private static void EmitArray(SourceWriter writer, ValidationNode node, string method, Dictionary<string, string> methods, List<string> fields)
    {
        writer.Open($"case {TokenType}.StartArray:");
        // The array's own errors are reported at its start (the reader ends on its last token); the count
        // serves the item pointers and the rules that read it.
        var rules = node.Assertions.Where(a => AssertionRules.Find(a.Keyword)?.AppliesTo == JsonNodeKind.Array)
            .Select(a => (Rule: AssertionRules.Find(a.Keyword)!, a.Argument)).ToList();
        var counts = node.ItemsKey is not null || AssertionRules.AnyCountFor(node.Assertions, JsonNodeKind.Array);
        var emission = new RuleEmission(Support, "start", "count", method);
        if (rules.Count > 0)
        {
            writer.Line("var start = reader;");
        }

        if (counts)
        {
            writer.Line("var count = 0L;");
        }

        foreach (var (rule, argument) in rules)
        {
            foreach (var line in rule.BeforeItems(argument))
            {
                writer.Line(line);
            }
        }

        writer.Open("while (true)");
        writer.Line($"{Support}.Next(ref reader);");
        writer.Open($"if (reader.TokenType == {TokenType}.EndArray)");
        writer.Line("break;");
        writer.Close();
        writer.Line();
        foreach (var (rule, argument) in rules)
        {
            foreach (var line in rule.OnItem(argument, emission))
            {
                writer.Line(line);
            }
        }

        if (node.ItemsKey is not null)
        {
            writer.Line("var itemErrorsBefore = context.ErrorCount;");
            writer.Line($"{methods[node.ItemsKey]}(ref reader, ref context);");
            ValidatingReaderEmitter.EmitPrefix(writer, "itemErrorsBefore", "(int)count");
        }
        else
        {
            writer.Line("context.Skip(ref reader);");
        }

        if (counts)
        {
            writer.Line("count++;");
        }

        writer.Close();
        EmitRules(writer, node, JsonNodeKind.Array, emission, fields);
        writer.Line("break;");
        writer.Close();
    }

    private static void EmitObject(SourceWriter writer, ValidationNode node, string method, Dictionary<string, string> methods, List<string> fields, MemberAccess members, HashSet<string> checkNothing)
    {
        writer.Open($"case {TokenType}.StartObject:");
        var noted = NotedNames(node);
        var looksUpMembers = members == MemberAccess.LookUp;
        if (looksUpMembers)
        {
            // Without a table (a short document), the object is read as below.
            EmitLookups(writer, node, noted, methods, checkNothing);
            writer.Open("else");
        }

        var counts = AssertionRules.AnyFor(node.Assertions, JsonNodeKind.Object);
        if (counts)
        {
            writer.Line("var start = reader;");
            writer.Line("var count = 0L;");
        }

        DeclareSeen(writer, noted);
        var records = members == MemberAccess.Record;
        if (records)
        {
            writer.Line("var recorded = context.Record(ref reader);");
        }

        writer.Open("while (true)");
        writer.Line($"{Support}.Next(ref reader);");
        writer.Open($"if (reader.TokenType == {TokenType}.EndObject)");
        writer.Line("break;");
        writer.Close();
        writer.Line();
        if (records)
        {
            writer.Line("recorded?.Add(ref reader);");
        }

        if (counts)
        {
            writer.Line("count++;");
        }

        if (node.Properties.Count > 0 || noted.Count > 0)
        {
            PropertyNameMatch.Declare(writer);
        }

        var patternsHere = PatternPropertiesRule.InMemberLoop(node) ? PatternPropertiesRule.Of(node) : null;
        if (patternsHere is { Schemas.Count: 1 } && node.Properties.IsEmpty)
        {
            // A map (one pattern, no named property): the pattern's schema is the only one a member can get besides
            // additionalProperties, so it checks the value on the reader itself, no copy kept.
            EmitNamedMembers(writer, node, noted, methods, null, "reader", null);
            writer.Line("var memberName = reader;");
            writer.Line($"{Support}.Next(ref reader);");
            writer.Open($"if ({Support}.Matches({ApplicatorEmission.RegexField(method, patternsHere.Arguments[0], fields)}, ref memberName))");
            EmitMemberValue(writer, methods[patternsHere.Schemas[0]], "memberName");
            writer.Close();
            writer.Open("else");
            EmitAdditionalMember(writer, node, methods, "memberName");
            writer.Close();
        }
        else if (patternsHere is not null)
        {
            // The member's patterns, before its own checks (see PatternPropertiesRule.InMemberLoop), on copies of the
            // reader, which moves to the value once for all of them and the member's own checks.
            writer.Line("var memberName = reader;");
            writer.Line($"{Support}.Next(ref reader);");
            PatternPropertiesRule.EmitMember(writer, Support, patternsHere, p => ApplicatorEmission.RegexField(method, p, fields), key => methods[key], "memberName", "reader");
            var first = EmitNamedMembers(writer, node, noted, methods, null, "reader", null);
            writer.Open(first ? string.Empty : "else");
            // A member a pattern matched is not additional; its pattern's validator has read its value.
            writer.Open("if (patternEnded)");
            writer.Line("reader = patternEnd;");
            writer.Close();
            writer.Open("else");
            EmitAdditionalMember(writer, node, methods, "memberName");
            writer.Close();
            writer.Close();
        }
        else
        {
            var first = EmitNamedMembers(writer, node, noted, methods, $"{Support}.Next(ref reader);", "reader", null);
            writer.Open(first ? string.Empty : "else");
            // The name is only materialised for an error: keep a copy of the reader on it.
            var keepsName = node.RejectsAdditionalProperties || node.AdditionalPropertiesKey is not null;
            if (keepsName)
            {
                writer.Line("var name = reader;");
            }

            writer.Line($"{Support}.Next(ref reader);");
            EmitAdditionalMember(writer, node, methods, keepsName ? "name" : null);
            writer.Close();
        }

        writer.Close();
        if (records)
        {
            writer.Line("recorded?.End(ref reader);");
        }

        ReportMissing(writer, node, noted);
        EmitRules(writer, node, JsonNodeKind.Object, new RuleEmission(Support, "start", "count", method), fields);
        writer.Line("break;");
        if (looksUpMembers)
        {
            writer.Close();
        }

        writer.Close();
    }

    /// <summary>
    /// A member no named property or pattern took, its value at <c>reader</c> (left on the value's last token):
    /// <c>additionalProperties</c>' schema or rejection, else stepped over. <paramref name="name"/> is a reader on its
    /// name (decoded only for an error); null when neither applies.
    /// </summary>
    private static void EmitAdditionalMember(SourceWriter writer, ValidationNode node, Dictionary<string, string> methods, string? name)
    {
        if (node.AdditionalPropertiesKey is not null)
        {
            EmitMemberValue(writer, methods[node.AdditionalPropertiesKey], name!);
        }
        else if (node.RejectsAdditionalProperties)
        {
            writer.Line($"context.AddForMember({name}.GetString()!, \"additionalProperties\", ref reader, \"is not an allowed property\");");
            writer.Line("context.Skip(ref reader);");
        }
        else
        {
            writer.Line("context.Skip(ref reader);");
        }
    }

    /// <summary>The member's value at <c>reader</c> checked by <paramref name="validator"/>, its errors under the member whose name the reader <paramref name="name"/> is on.</summary>
    private static void EmitMemberValue(SourceWriter writer, string validator, string name)
    {
        writer.Line("var errorsBefore = context.ErrorCount;");
        writer.Line($"{validator}(ref reader, ref context);");
        writer.Open("if (context.ErrorCount != errorsBefore)");
        writer.Line($"context.PrefixMember(errorsBefore, {name}.GetString()!);");
        writer.Close();
    }

    /// <summary>
    /// The checks of the member named <c>propertyName</c> by name: <paramref name="noted"/> names marked seen, a declared property's
    /// schema applied to the value at <paramref name="value"/> (reached by <paramref name="toValue"/>; null when there already), unless the schema's key is
    /// in <paramref name="skipped"/>. Returns whether
    /// no property branch was written (the caller's <c>else</c> is then a block of its own).
    /// </summary>
    private static bool EmitNamedMembers(SourceWriter writer, ValidationNode node, List<string> noted, Dictionary<string, string> methods, string? toValue, string value, HashSet<string>? skipped)
    {
        // Noted names with a declared schema are marked seen in their branch below; others are checked here.
        for (var i = 0; i < noted.Count; i++)
        {
            if (!node.Properties.Any(p => p.Name == noted[i]))
            {
                writer.Line($"if ({PropertyNameMatch.Is(noted[i])}) {{ seen{i} = true; }}");
            }
        }

        var first = true;
        foreach (var property in node.Properties)
        {
            writer.Open($"{(first ? string.Empty : "else ")}if ({PropertyNameMatch.Is(property.Name)})");
            first = false;
            var notedIndex = noted.IndexOf(property.Name);
            if (notedIndex >= 0)
            {
                writer.Line($"seen{notedIndex} = true;");
            }

            if (skipped is null || !skipped.Contains(property.NodeKey))
            {
                if (toValue is not null)
                {
                    writer.Line(toValue);
                }

                writer.Line("var errorsBefore = context.ErrorCount;");
                writer.Line($"{methods[property.NodeKey]}(ref {value}, ref context);");
                ValidatingReaderEmitter.EmitPrefix(writer, "errorsBefore", CSharpLiterals.Pointer(property.Name));
            }

            writer.Close();
        }

        return first;
    }

    /// <summary>
    /// The object checks of a position that looks members up by name (<see cref="MemberLookups"/>) when the document
    /// has a member table: over its entries, in document order.
    /// </summary>
    private static void EmitLookups(SourceWriter writer, ValidationNode node, List<string> noted, Dictionary<string, string> methods, HashSet<string> checkNothing)
    {
        writer.Open("if (context.Members(ref reader) is { } members)");
        DeclareSeen(writer, noted);
        writer.Open("for (var member = 0; member < members.Count; member++)");
        PropertyNameMatch.Declare(writer, "members.Name(member)");
        // A member whose schema checks nothing is not read: the table's copy of it would only be stepped over.
        EmitNamedMembers(writer, node, noted, methods, "var value = members.Value(member);", "value", checkNothing);
        writer.Close();
        writer.Line("members.StepOver(ref reader);");
        ReportMissing(writer, node, noted);
        writer.Line("break;");
        writer.Close();
    }

    /// <summary>
    /// The names whose presence the member loop notes (a <c>seen</c> flag each, by index): the <c>required</c> names
    /// first, then those of the array-form <c>dependencies</c>/<c>dependentRequired</c> entries.
    /// </summary>
    private static List<string> NotedNames(ValidationNode node)
        => node.Required.Concat(DependenciesRule.NamesNoted(node)).Distinct(StringComparer.Ordinal).ToList();

    private static void DeclareSeen(SourceWriter writer, List<string> noted)
    {
        for (var i = 0; i < noted.Count; i++)
        {
            writer.Line($"var seen{i} = false;");
        }
    }

    /// <summary>After the member loop: the <c>required</c> names not seen, then the dependencies not met.</summary>
    private static void ReportMissing(SourceWriter writer, ValidationNode node, List<string> noted)
    {
        for (var i = 0; i < node.Required.Count; i++)
        {
            writer.Open($"if (!seen{i})");
            writer.Line($"context.AddAt({CSharpLiterals.Pointer(node.Required[i])}, \"required\", null, \"is required\");");
            writer.Close();
        }

        DependenciesRule.EmitAfterMembers(writer, node, name => "seen" + noted.IndexOf(name).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The checks of the keywords defined as rules that constrain <paramref name="kind"/>, in rule order.</summary>
    private static void EmitRules(SourceWriter writer, ValidationNode node, JsonNodeKind kind, RuleEmission emission, List<string> fields)
    {
        foreach (var assertion in node.Assertions)
        {
            if (AssertionRules.Find(assertion.Keyword) is not { AppliesTo: var appliesTo } rule || appliesTo != kind)
            {
                continue;
            }

            if (rule.FieldDeclaration(assertion.Argument, emission) is { } field)
            {
                fields.Add(field);
            }

            var limit = rule.Limit(assertion.Argument) is { } text ? ", " + CSharpLiterals.String(text) : string.Empty;
            writer.Open($"if ({rule.FailsWhen(assertion.Argument, emission)})");
            writer.Line($"context.Add({CSharpLiterals.String(rule.Keyword)}, ref {emission.Reader}, {CSharpLiterals.String(rule.Message(assertion.Argument))}{limit});");
            writer.Close();
        }
    }

    /// <summary>Control characters (legal in JSON names) would end a <c>//</c> comment: show them escaped.</summary>
    private static string SingleLine(string text)
    {
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            clean = !EndsComment(text[i]);
        }

        if (clean)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (EndsComment(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool EndsComment(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
