using System;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Reads the assertions of every schema position of one file into <see cref="ValidationNode"/>s:
/// what the generated validators enforce. Keyword values of the wrong shape (a negative
/// <c>minLength</c>, a pattern .NET cannot compile…) are reported in the file, not guessed at.
/// </summary>
internal sealed class ConstraintReader
{
    private readonly string _path;
    private readonly JsonLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly List<ValidationNode> _nodes = new();

    private ConstraintReader(string path, JsonLocator locator, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _locator = locator;
        _diagnostics = diagnostics;
    }

    public static List<ValidationNode> Read(string path, JToken root, JsonLocator locator, List<DiagnosticInfo> diagnostics)
    {
        var reader = new ConstraintReader(path, locator, diagnostics);
        reader.Visit(root, SchemaPaths.RootPointer);
        return reader._nodes;
    }

    private string Visit(JToken schema, string pointer)
    {
        var key = SchemaPaths.Key(_path, pointer);
        if (schema is JValue { Type: JTokenType.Boolean } boolean)
        {
            _nodes.Add(ValidationNode.AcceptsAll(key) with { AlwaysFails = !(bool)boolean! });
            return key;
        }

        if (schema is not JObject obj)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.ValueOf(schema), "a schema must be an object or a boolean"));
            _nodes.Add(ValidationNode.AcceptsAll(key));
            return key;
        }

        if (obj["$ref"] is JValue { Type: JTokenType.String } reference)
        {
            // Draft 7: a schema with $ref is only that reference; other keywords beside it are ignored.
            _nodes.Add(ValidationNode.AcceptsAll(key) with { RefKey = SchemaPaths.ResolveReference(_path, (string)reference!) });
            VisitDefinitions(obj, pointer);
            return key;
        }

        var node = new ValidationNode(
            key,
            AlwaysFails: false,
            Types: TypesOf(obj),
            ConstJson: obj.Property("const", StringComparison.Ordinal)?.Value.ToString(Formatting.None),
            EnumJson: obj["enum"] is JArray values ? values.Select(v => v.ToString(Formatting.None)).ToEquatableArray() : default,
            MinLength: Count(obj, "minLength"),
            MaxLength: Count(obj, "maxLength"),
            Pattern: PatternOf(obj),
            Minimum: NumberText(obj, "minimum"),
            Maximum: NumberText(obj, "maximum"),
            ExclusiveMinimum: NumberText(obj, "exclusiveMinimum"),
            ExclusiveMaximum: NumberText(obj, "exclusiveMaximum"),
            MultipleOf: PositiveNumberText(obj, "multipleOf"),
            MinItems: Count(obj, "minItems"),
            MaxItems: Count(obj, "maxItems"),
            UniqueItems: obj["uniqueItems"] is JValue { Type: JTokenType.Boolean } unique && (bool)unique!,
            ItemsKey: obj["items"] is { Type: JTokenType.Object or JTokenType.Boolean } items ? Visit(items, pointer + "/items") : null,
            Properties: PropertiesOf(obj, pointer),
            Required: obj["required"] is JArray required ? required.Where(r => r.Type == JTokenType.String).Select(r => (string)r!).Distinct().ToEquatableArray() : default,
            RejectsAdditionalProperties: obj["additionalProperties"] is JValue { Type: JTokenType.Boolean } additional && !(bool)additional!,
            AdditionalPropertiesKey: obj["additionalProperties"] is JObject additionalSchema ? Visit(additionalSchema, pointer + "/additionalProperties") : null,
            AllOf: Members(obj, "allOf", pointer),
            AnyOf: Members(obj, "anyOf", pointer),
            OneOf: Members(obj, "oneOf", pointer),
            RefKey: null,
            Format: obj["format"] is JValue { Type: JTokenType.String } format ? (string)format! : null);
        _nodes.Add(node);
        VisitDefinitions(obj, pointer);
        return key;
    }

    private void VisitDefinitions(JObject obj, string pointer)
    {
        if (obj["definitions"] is JObject definitions)
        {
            foreach (var definition in definitions.Properties())
            {
                Visit(definition.Value, pointer + "/definitions/" + SchemaPaths.EscapePointerSegment(definition.Name));
            }
        }
    }

    private EquatableArray<PropertyNode> PropertiesOf(JObject obj, string pointer)
    {
        if (obj["properties"] is not JObject properties)
        {
            return default;
        }

        return properties.Properties()
            .Select(p => new PropertyNode(p.Name, Visit(p.Value, pointer + "/properties/" + SchemaPaths.EscapePointerSegment(p.Name))))
            .ToEquatableArray();
    }

    private EquatableArray<string> Members(JObject obj, string keyword, string pointer)
    {
        if (obj[keyword] is not JArray members)
        {
            return default;
        }

        return members.Select((member, index) => Visit(member, pointer + "/" + keyword + "/" + index)).ToEquatableArray();
    }

    private static EquatableArray<string> TypesOf(JObject obj) => obj["type"] switch
    {
        JValue { Type: JTokenType.String } single when SchemaKeywords.TypeNames.Contains((string)single!) => new[] { (string)single! }.ToEquatableArray(),
        JArray many => many.Where(t => t.Type == JTokenType.String && SchemaKeywords.TypeNames.Contains((string)t!)).Select(t => (string)t!).Distinct().ToEquatableArray(),
        _ => default,
    };

    private long? Count(JObject obj, string keyword)
    {
        if (obj.Property(keyword, StringComparison.Ordinal) is not { } property)
        {
            return null;
        }

        // Draft 7 allows 2.0 for 2: any number with no fraction that is not negative.
        if (property.Value.Type is JTokenType.Integer or JTokenType.Float)
        {
            var value = property.Value.Value<double>();
            if (value >= 0 && Math.Floor(value) == value && value <= long.MaxValue)
            {
                return (long)value;
            }
        }

        Report(property, $"'{keyword}' must be a non-negative integer");
        return null;
    }

    private string? NumberText(JObject obj, string keyword)
    {
        if (obj.Property(keyword, StringComparison.Ordinal) is not { } property)
        {
            return null;
        }

        if (property.Value.Type is JTokenType.Integer or JTokenType.Float)
        {
            return property.Value.ToString(Formatting.None);
        }

        Report(property, $"'{keyword}' must be a number");
        return null;
    }

    private string? PositiveNumberText(JObject obj, string keyword)
    {
        var text = NumberText(obj, keyword);
        if (text is not null && obj[keyword]!.Value<double>() <= 0)
        {
            Report(obj.Property(keyword, StringComparison.Ordinal)!, $"'{keyword}' must be greater than 0");
            return null;
        }

        return text;
    }

    private string? PatternOf(JObject obj)
    {
        if (obj.Property("pattern", StringComparison.Ordinal) is not { } property)
        {
            return null;
        }

        if (property.Value.Type != JTokenType.String)
        {
            Report(property, "'pattern' must be a string");
            return null;
        }

        var pattern = (string)property.Value!;
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

    private void Report(JProperty property, string message)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.NameOf(property), message));
}
