using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CaseContracts.Generator.Analyzers.Evaluation;
using CaseContracts.Generator.Analyzers.Fixes;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CaseContracts.Generator.Analyzers;

/// <summary>A violation as a diagnostic: which one, where (offsets in the checked text), its message arguments and its fixes.</summary>
internal sealed record ViolationReport(DiagnosticDescriptor Descriptor, int Start, int Length, string[] MessageArgs, IReadOnlyList<SuggestedFix> Fixes);

/// <summary>How the checked value was written, which decides the fixes that can be offered.</summary>
internal enum ValueSource
{
    /// <summary>
    /// JSON that cannot be edited: a JSON file (a C# code fix cannot edit an AdditionalFile), or a literal whose
    /// characters could not be mapped back to the source. Reported, never fixed.
    /// </summary>
    ReadOnlyJson,
    /// <summary>JSON in a C# string literal: fixes edit the JSON in place.</summary>
    JsonLiteral,
    /// <summary>A C# constant (an initializer value): fixes replace the constant.</summary>
    CSharpConstant,
}

/// <summary>
/// Turns <see cref="Violation"/>s into the CC02xx diagnostics: one kind of diagnostic per kind of
/// violation, the message naming the field in the contract's terms (<c>connector '.jira'</c>), and
/// the fixes the analyzer can decide (rename, remove, add, replace).
/// </summary>
internal sealed class ViolationReports
{
    private readonly ValidationProgram _program;
    private readonly string _rootLabel;
    private readonly ValueSource _source;
    private readonly string _text;
    private readonly bool _integralConstant;

    /// <param name="rootLabel">How messages call the checked value itself (its type or schema name).</param>
    /// <param name="text">The checked text (for JSON: to lay out inserted members like their neighbours).</param>
    /// <param name="integralConstant">A C# constant of an integral type: replacements must be whole numbers.</param>
    public ViolationReports(ValidationProgram program, string rootLabel, ValueSource source, string text, bool integralConstant = false)
    {
        _program = program;
        _rootLabel = rootLabel;
        _source = source;
        _text = text;
        _integralConstant = integralConstant;
    }

    /// <summary>
    /// The most violations reported for one value, as the generated validators report at most 100 errors: the
    /// rest are summed up in one <see cref="DiagnosticDescriptors.MoreViolations"/> (<see cref="Limited"/>).
    /// </summary>
    public const int MaxReported = 100;

    // A message argument read from the checked text (a member name, a value) is cut here, as the run-time messages are.
    private const int MaxArgumentLength = 256;

    /// <summary>The reports of <paramref name="violations"/>: the first <see cref="MaxReported"/>, then one saying how many more there are (at <paramref name="value"/>).</summary>
    public IEnumerable<ViolationReport> Limited(IReadOnlyList<Violation> violations, JsonNode value)
    {
        for (var i = 0; i < violations.Count && i < MaxReported; i++)
        {
            yield return Describe(violations[i]);
        }

        if (violations.Count > MaxReported)
        {
            yield return new ViolationReport(DiagnosticDescriptors.MoreViolations, value.Start, value.Length,
                new[] { (violations.Count - MaxReported).ToString(CultureInfo.InvariantCulture), MaxReported.ToString(CultureInfo.InvariantCulture) },
                Array.Empty<SuggestedFix>());
        }
    }

    public ViolationReport Describe(Violation violation)
    {
        var report = DescribeUnbounded(violation);
        return report.MessageArgs.Any(a => a.Length > MaxArgumentLength)
            ? report with { MessageArgs = report.MessageArgs.Select(a => a.Length > MaxArgumentLength ? a.Substring(0, char.IsHighSurrogate(a[MaxArgumentLength - 1]) ? MaxArgumentLength - 1 : MaxArgumentLength) + "…" : a).ToArray() }
            : report;
    }

    private ViolationReport DescribeUnbounded(Violation violation)
    {
        var label = Label(violation.Pointer);
        var value = violation.Value;
        switch (violation.Keyword)
        {
            case "additionalProperties" when violation.Member is { } member:
                var fields = violation.Node.Properties.Select(p => p.Name).ToList();
                return new ViolationReport(DiagnosticDescriptors.UnknownField, member.NameStart, member.NameLength,
                    new[] { member.Name, Owner(violation), fields.Count == 0 ? "none" : string.Join(", ", fields) },
                    UnknownFieldFixes(value, member, fields));

            case "required":
                return new ViolationReport(DiagnosticDescriptors.MissingRequiredField, value.Start, Math.Min(1, value.Length),
                    new[] { violation.MemberName!, Owner(violation) },
                    MissingFieldFixes(violation));

            case "type" when violation.Message == Violation.InvalidUnicodeMessage:
                return new ViolationReport(DiagnosticDescriptors.MalformedJson, value.Start, value.Length, new[] { violation.Message }, Array.Empty<SuggestedFix>());

            case "type" when violation.Node.Types.Count == 1 && violation.Node.Types[0] == "null":
                return new ViolationReport(DiagnosticDescriptors.FieldMustBeNull, value.Start, value.Length,
                    new[] { label, Owner(violation) },
                    Replace(value, "null"));

            case "type":
                return new ViolationReport(DiagnosticDescriptors.WrongJsonType, value.Start, value.Length,
                    new[] { label, string.Join(" or ", violation.Node.Types), JsonValues.TypeName(value) },
                    Array.Empty<SuggestedFix>());

            case "const" or "enum":
                var allowed = violation.Keyword == "const" ? new[] { violation.Node.ConstJson! } : violation.Node.EnumJson.ToArray();
                return new ViolationReport(DiagnosticDescriptors.ValueNotAllowed, value.Start, value.Length,
                    new[] { label, Display(value), string.Join(", ", allowed) },
                    ClosestAllowed(value, allowed) is { } closest ? Replace(value, closest) : Array.Empty<SuggestedFix>());

            case "oneOf" when violation.Member is { } discriminator && violation.Alternatives.Count > 0:
                var written = discriminator.Value;
                var known = violation.Alternatives;
                var closestType = written.Kind == JsonNodeKind.String ? EditDistance.Closest(written.Text!, known) : known[0];
                return new ViolationReport(DiagnosticDescriptors.UnknownVariant, written.Start, written.Length,
                    new[] { written.Kind == JsonNodeKind.String ? written.Text! : Display(written), discriminator.Name, UnionLabel(violation), string.Join(", ", known) },
                    closestType is null ? Array.Empty<SuggestedFix>() : Replace(written, Quote(closestType)));

            case var keyword when Rules.AssertionRules.Find(keyword) is not null:
                // An inclusive bound is itself the closest allowed value (for an integer member, when it is whole).
                var fixes = Rules.AssertionRules.Find(violation.Keyword)?.LimitIsAFix == true && violation.Limit is { } limit
                    ? Replace(value, limit)
                    : Array.Empty<SuggestedFix>();
                return new ViolationReport(DiagnosticDescriptors.ValueOutOfLimits, value.Start, value.Length, new[] { label, violation.Message }, fixes);

            default:
                return new ViolationReport(DiagnosticDescriptors.NoMatchingSchema, value.Start, value.Length, new[] { label, violation.Message }, Array.Empty<SuggestedFix>());
        }
    }

    /// <summary>A malformed document as a diagnostic.</summary>
    public static ViolationReport Malformed(JsonSyntaxError error)
        => new(DiagnosticDescriptors.MalformedJson, error.Start, error.Length, new[] { error.Message }, Array.Empty<SuggestedFix>());

    private IReadOnlyList<SuggestedFix> UnknownFieldFixes(JsonNode obj, JsonMember member, List<string> fields)
    {
        if (_source != ValueSource.JsonLiteral)
        {
            return Array.Empty<SuggestedFix>();
        }

        var fixes = new List<SuggestedFix>();
        var present = new HashSet<string>(obj.Members.Select(m => m.Name), StringComparer.Ordinal);
        if (EditDistance.Likely(member.Name, fields.Where(f => !present.Contains(f))) is { } likely)
        {
            fixes.Add(new SuggestedFix($"Rename '{member.Name}' to '{likely}'", "CaseContracts.RenameField", FixTarget.JsonInLiteral, member.NameStart, member.NameLength, Quote(likely)));
        }

        var (start, end) = RemovalSpan(obj, member);
        fixes.Add(new SuggestedFix($"Remove '{member.Name}'", "CaseContracts.RemoveField", FixTarget.JsonInLiteral, start, end - start, string.Empty));
        return fixes;
    }

    // The member and one separator: the comma and space after it, or (for the last member) before it.
    private static (int Start, int End) RemovalSpan(JsonNode obj, JsonMember member)
    {
        var members = obj.Members;
        var index = IndexOf(members, member);
        if (members.Count == 1)
        {
            return (obj.Start + 1, obj.End - 1);
        }

        return index < members.Count - 1
            ? (member.NameStart, members[index + 1].NameStart)
            : (members[index - 1].End, member.End);
    }

    private IReadOnlyList<SuggestedFix> MissingFieldFixes(Violation violation)
    {
        var obj = violation.Value;
        var name = violation.MemberName!;
        if (_source != ValueSource.JsonLiteral || obj.Kind != JsonNodeKind.Object
            || violation.Node.Properties.FirstOrDefault(p => p.Name == name) is not { } property
            || _program.MethodOf(property.NodeKey) is not { } method
            || _program.Evaluate(JsonNode.Null(0, 4), method).Count > 0)
        {
            return Array.Empty<SuggestedFix>();
        }

        var added = Quote(name) + ": null";
        var title = $"Add '{name}': null";
        if (obj.Members.Count == 0)
        {
            return new[] { new SuggestedFix(title, "CaseContracts.AddRequiredField", FixTarget.JsonInLiteral, obj.Start + 1, 0, added) };
        }

        // Laid out like the members already there: on its own line with their indentation, or inline.
        var first = obj.Members[0];
        var last = obj.Members[obj.Members.Count - 1];
        var multiLine = _text.IndexOf('\n', obj.Start, first.NameStart - obj.Start) >= 0;
        var separator = multiLine ? "\n" + Indentation(last.NameStart) : " ";
        return new[] { new SuggestedFix(title, "CaseContracts.AddRequiredField", FixTarget.JsonInLiteral, last.End, 0, "," + separator + added) };
    }

    private string Indentation(int position)
    {
        var lineStart = _text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var indentation = _text.Substring(lineStart, position - lineStart);
        return indentation.Trim().Length == 0 ? indentation : string.Empty;
    }

    private IReadOnlyList<SuggestedFix> Replace(JsonNode value, string json)
    {
        switch (_source)
        {
            case ValueSource.JsonLiteral:
                return new[] { new SuggestedFix($"Replace {Display(value)} with {json}", "CaseContracts.ReplaceValue", FixTarget.JsonInLiteral, value.Start, value.Length, json) };
            case ValueSource.CSharpConstant when CSharpLiteral(json) is { } code:
                return new[] { new SuggestedFix($"Replace with {code}", "CaseContracts.ReplaceValue", FixTarget.CSharpExpression, value.Start, value.Length, code) };
            default:
                return Array.Empty<SuggestedFix>();
        }
    }

    /// <summary>The allowed value closest to the one written: by spelling for strings, by size for numbers, else the first of its JSON type.</summary>
    private static string? ClosestAllowed(JsonNode value, IReadOnlyList<string> allowedJson)
    {
        var allowed = allowedJson.Select(json => (Json: json, Node: JsonTextParser.Parse(json).Root)).Where(a => a.Node is not null).ToList();
        var sameKind = allowed.Where(a => a.Node!.Kind == value.Kind).ToList();
        if (sameKind.Count == 0)
        {
            return allowed.Count == 1 ? allowed[0].Json : null;
        }

        return value.Kind switch
        {
            JsonNodeKind.String => sameKind.OrderBy(a => EditDistance.Between(value.Text!, a.Node!.Text!)).First().Json,
            JsonNodeKind.Number => sameKind.OrderBy(a => Math.Abs(JsonValues.Double(a.Node!.Text!) - JsonValues.Double(value.Text!))).First().Json,
            _ => sameKind[0].Json,
        };
    }

    /// <summary>A JSON scalar as C# (for replacing a constant); null for what a C# constant cannot be.</summary>
    private string? CSharpLiteral(string json)
    {
        var node = JsonTextParser.Parse(json).Root;
        switch (node?.Kind)
        {
            case JsonNodeKind.String:
                return SymbolDisplay.FormatLiteral(node.Text!, quote: true);
            case JsonNodeKind.Number when !_integralConstant || IsPlainInteger(node.Text!):
            case JsonNodeKind.Boolean:
            case JsonNodeKind.Null:
                return json;
            default:
                return null;
        }
    }

    private static bool IsPlainInteger(string number) => long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>How messages name the value at <paramref name="pointer"/>: its property name (with element indexes), or the root's label.</summary>
    private string Label(string pointer)
    {
        if (pointer.Length == 0)
        {
            return _rootLabel;
        }

        var segments = pointer.Substring(1).Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToList();
        var last = segments.Count - 1;
        var label = new StringBuilder();
        while (last > 0 && IsIndex(segments[last]))
        {
            last--;
        }

        label.Append(IsIndex(segments[last]) ? _rootLabel + "[" + segments[last] + "]" : segments[last]);
        for (var i = last + 1; i < segments.Count; i++)
        {
            label.Append('[').Append(segments[i]).Append(']');
        }

        return label.ToString();
    }

    private static bool IsIndex(string segment) => segment.Length > 0 && segment.All(c => c >= '0' && c <= '9');

    /// <summary>The object a member belongs to, in the contract's terms: <c>connector '.jira'</c> inside a union variant, else its type.</summary>
    private string Owner(Violation violation)
    {
        var place = violation.Place;
        if (place.UnionKey is not null)
        {
            return UnionName(place.UnionKey) + " '" + place.Variant + "'";
        }

        if (place.OwnerKey is not null && _program.TypeNameOf(place.OwnerKey) is { } typeName)
        {
            return "'" + typeName + "'";
        }

        var pointer = violation.Pointer.Substring(0, Math.Max(0, violation.Pointer.LastIndexOf('/')));
        return pointer.Length == 0 ? "'" + _rootLabel + "'" : "'" + Label(pointer) + "'";
    }

    private string UnionLabel(Violation violation)
        => violation.Place.OwnerKey is { } key ? UnionName(key) : _rootLabel;

    private string UnionName(string key)
    {
        var name = _program.TypeNameOf(key) ?? _rootLabel;
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static int IndexOf(IReadOnlyList<JsonMember> members, JsonMember member)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (ReferenceEquals(members[i], member))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A value as messages show it: JSON text for scalars, its type for objects and arrays.</summary>
    public static string Display(JsonNode value) => value.Kind switch
    {
        JsonNodeKind.String => Quote(value.Text!),
        JsonNodeKind.Object => "an object",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.Null => "null",
        _ => value.Text!,
    };

    /// <summary>A string as a JSON string literal.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(JsonStrings.Escape(c));
        }

        return builder.Append('"').ToString();
    }
}
