using System;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Rules;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Reads the assertions of every schema position of one file into <see cref="ValidationNode"/>s:
/// what the generated validators enforce. Keyword values of the wrong shape (a negative
/// <c>minLength</c>, a pattern .NET cannot compile…) are reported in the file, not guessed at.
/// </summary>
internal sealed class ConstraintReader
{
    private readonly SchemaLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly List<ValidationNode> _nodes = new();

    private ConstraintReader(SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        _locator = locator;
        _diagnostics = diagnostics;
    }

    public static List<ValidationNode> Read(SchemaNode root, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        var reader = new ConstraintReader(locator, diagnostics);
        reader.Visit(root);
        return reader._nodes;
    }

    private string Visit(SchemaNode schema)
    {
        var key = schema.Key;
        if (schema.IsBoolean)
        {
            _nodes.Add(ValidationNode.AcceptsAll(key) with { AlwaysFails = schema.Json.Text == "false" });
            return key;
        }

        if (!schema.IsObject)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.Of(schema), "a schema must be an object or a boolean"));
            _nodes.Add(ValidationNode.AcceptsAll(key));
            return key;
        }

        string? referenceBeside = null;
        if (schema.String("$ref") is { } reference)
        {
            var target = schema.ResolveReference(reference);
            if (schema.Draft < SchemaDraft.Draft201909 || !HasAssertionsBesideReference(schema))
            {
                // Drafts 4 to 7: a schema with $ref is only that reference; other keywords beside it are ignored.
                _nodes.Add(ValidationNode.AcceptsAll(key) with { RefKey = target });
                VisitDefinitions(schema);
                return key;
            }

            // 2019-09 on, $ref is an applicator like any other: it applies together with its siblings, as one
            // more member of the position's allOf (a position of its own, named by the keyword's pointer).
            referenceBeside = SchemaPaths.Key(SchemaPaths.SplitKey(key).File, schema.Pointer + "/$ref");
            _nodes.Add(ValidationNode.AcceptsAll(referenceBeside) with { RefKey = target });
        }

        var additional = schema.Value("additionalProperties");
        ReportNumbersBeyondDouble(schema, "const");
        ReportNumbersBeyondDouble(schema, "enum");
        var node = new ValidationNode(
            key,
            // "type": [] allows no value in any draft (and is reported): the validator fails closed.
            // So does "enum": [] (allowed from draft 6 on): no value is one of none.
            AlwaysFails: schema.Array("type") is { Count: 0 } || schema.Array("enum") is { Count: 0 },
            Types: TypesOf(schema),
            ConstJson: schema.Value("const")?.ToJson(),
            EnumJson: schema.Array("enum") is { } values ? values.Select(v => v.ToJson()).ToEquatableArray() : default,
            MinLength: Count(schema, "minLength"),
            MaxLength: Count(schema, "maxLength"),
            Pattern: PatternOf(schema),
            Minimum: Bound(schema, "minimum", "exclusiveMinimum", exclusive: false),
            Maximum: Bound(schema, "maximum", "exclusiveMaximum", exclusive: false),
            ExclusiveMinimum: Bound(schema, "minimum", "exclusiveMinimum", exclusive: true),
            ExclusiveMaximum: Bound(schema, "maximum", "exclusiveMaximum", exclusive: true),
            MinItems: Count(schema, "minItems"),
            MaxItems: Count(schema, "maxItems"),
            UniqueItems: schema.Boolean("uniqueItems") == true,
            ItemsKey: schema.Child("items") is { } items ? Visit(items) : null,
            Properties: schema.Children("properties").Select(p => new PropertyNode(p.Name!, Visit(p))).ToEquatableArray(),
            Required: schema.Strings("required") is { } required ? required.Distinct().ToEquatableArray() : default,
            RejectsAdditionalProperties: schema.Boolean("additionalProperties") == false,
            AdditionalPropertiesKey: additional is { Kind: JsonNodeKind.Object } ? Visit(schema.Child("additionalProperties")!) : null,
            AllOf: referenceBeside is null ? Members(schema, "allOf") : Members(schema, "allOf").Concat(new[] { referenceBeside }).ToEquatableArray(),
            AnyOf: Members(schema, "anyOf"),
            OneOf: Members(schema, "oneOf"),
            RefKey: null,
            Format: schema.String("format"),
            Assertions: AssertionsOf(schema));
        _nodes.Add(node);
        VisitDefinitions(schema);
        return key;
    }

    private static bool HasAssertionsBesideReference(SchemaNode schema)
    {
        foreach (var keyword in schema.Keywords)
        {
            if (keyword.Name != "$ref" && SchemaKeywords.Constraining.Contains(keyword.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The keywords defined as rules, each read by its rule (which reports a value it cannot enforce).</summary>
    private EquatableArray<Assertion> AssertionsOf(SchemaNode schema)
    {
        List<Assertion>? assertions = null;
        foreach (var rule in AssertionRules.All)
        {
            if (schema.Keyword(rule.Keyword) is { } keyword && rule.Read(keyword.Value, new RuleReading(_locator, _diagnostics, keyword)) is { } argument)
            {
                (assertions ??= new List<Assertion>()).Add(new Assertion(rule.Keyword, argument));
            }
        }

        return assertions is null ? default : assertions.ToEquatableArray();
    }

    private void VisitDefinitions(SchemaNode schema)
    {
        foreach (var definition in schema.Definitions())
        {
            Visit(definition);
        }
    }

    private EquatableArray<string> Members(SchemaNode schema, string keyword)
        => schema.Array(keyword) is null ? default : schema.Children(keyword).Select(Visit).ToEquatableArray();

    private static EquatableArray<string> TypesOf(SchemaNode schema) => schema.Value("type") switch
    {
        { Kind: JsonNodeKind.String } single when SchemaKeywords.TypeNames.Contains(single.Text!) => new[] { single.Text! }.ToEquatableArray(),
        { Kind: JsonNodeKind.Array } many => many.Items.Where(t => t.Kind == JsonNodeKind.String && SchemaKeywords.TypeNames.Contains(t.Text!)).Select(t => t.Text!).Distinct().ToEquatableArray(),
        _ => default,
    };

    private long? Count(SchemaNode schema, string keyword)
    {
        if (schema.Keyword(keyword) is not { } property)
        {
            return null;
        }

        // Draft 7 allows 2.0 for 2: any number with no fraction that is not negative.
        if (property.Value.TryGetDouble(out var value) && value >= 0 && Math.Floor(value) == value && value <= long.MaxValue)
        {
            return (long)value;
        }

        Report(property, $"'{keyword}' must be a non-negative integer");
        return null;
    }

    /// <summary>
    /// An inclusive or exclusive bound. Draft 4 writes an exclusive bound as <c>maximum</c> with a boolean
    /// <c>exclusiveMaximum</c> modifying it (<c>true</c>: the limit itself is out); later drafts give each its
    /// own number. Either way the validators get the same two numbers.
    /// </summary>
    private string? Bound(SchemaNode schema, string limit, string exclusiveKeyword, bool exclusive)
    {
        if (schema.Draft != SchemaDraft.Draft4)
        {
            return NumberText(schema, exclusive ? exclusiveKeyword : limit);
        }

        var modifier = schema.Keyword(exclusiveKeyword);
        if (modifier is not null && modifier.Value.Kind != JsonNodeKind.Boolean)
        {
            // Reported once, with the inclusive reading.
            if (!exclusive)
            {
                Report(modifier, $"'{exclusiveKeyword}' must be a boolean in draft 4 (it modifies '{limit}')");
            }

            return null;
        }

        var isExclusive = modifier is not null && modifier.Value.Text == "true";
        return isExclusive == exclusive ? (exclusive ? NumberTextQuiet(schema, limit) : NumberText(schema, limit)) : null;
    }

    /// <summary>The number of <paramref name="keyword"/>, reported (when it is not one) by whichever reading of it runs first.</summary>
    private string? NumberTextQuiet(SchemaNode schema, string keyword)
        => schema.Value(keyword) is { Kind: JsonNodeKind.Number } value && value.TryGetDouble(out _) ? value.Text : NumberText(schema, keyword);

    private string? NumberText(SchemaNode schema, string keyword)
    {
        if (schema.Keyword(keyword) is not { } property)
        {
            return null;
        }

        if (property.Value.Kind == JsonNodeKind.Number)
        {
            if (!property.Value.TryGetDouble(out _))
            {
                Report(property, BeyondDouble(keyword, property.Value));
                return null;
            }

            return property.Value.Text;
        }

        Report(property, $"'{keyword}' must be a number");
        return null;
    }

    /// <summary>A constant the generated C# could not hold is reported; the validators still compare it as JSON (failing closed).</summary>
    private void ReportNumbersBeyondDouble(SchemaNode schema, string keyword)
    {
        if (schema.Keyword(keyword) is { } property && property.Value.FirstNumberBeyondDouble() is { } number)
        {
            Report(property, BeyondDouble(keyword, number));
        }
    }

    private static string BeyondDouble(string keyword, JsonNode number)
        => $"'{keyword}' holds {number.Text}, a number beyond the range of double that C# cannot represent; write a number between ±1.7976931348623157E+308";

    private string? PatternOf(SchemaNode schema)
    {
        if (schema.Keyword("pattern") is not { } property)
        {
            return null;
        }

        if (property.Value.Kind != JsonNodeKind.String)
        {
            Report(property, "'pattern' must be a string");
            return null;
        }

        var pattern = property.Value.Text!;
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return pattern;
        }
        catch (ArgumentException e)
        {
            Report(property, $"'pattern' is not a regular expression .NET can run: {e.Message}");
            return null;
        }
    }

    private void Report(JsonMember property, string message)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.NameOf(property), message));
}
