using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Walks one parsed schema (NJsonSchema's model, with the JSON tree beside it for locations and the
/// keywords NJsonSchema does not model, such as <c>const</c>) and collects the schemas that become
/// C# types. References stay keys; the resolver matches them across files.
/// </summary>
internal sealed class SchemaWalker
{
    private readonly string _path;
    private readonly JsonLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;

    public SchemaWalker(string path, JsonLocator locator, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _locator = locator;
        _diagnostics = diagnostics;
    }

    public List<NamedSchema> Schemas { get; } = new();

    public void ReadDocument(JsonSchema root, JObject rootToken)
    {
        var rootName = TitleOf(rootToken) is { } title ? Naming.ToPascalCase(title) : Naming.ToPascalCase(SchemaPaths.Stem(_path));
        ReadNamed(root, rootToken, SchemaPaths.RootPointer, rootName);

        if (rootToken["definitions"] is JObject definitionTokens)
        {
            foreach (var definition in root.Definitions)
            {
                var token = definitionTokens[definition.Key] as JObject;
                var name = TitleOf(token) is { } definitionTitle ? Naming.ToPascalCase(definitionTitle) : Naming.ToPascalCase(definition.Key);
                ReadNamed(definition.Value, token, "#/definitions/" + SchemaPaths.EscapePointerSegment(definition.Key), name);
            }
        }
    }

    /// <summary>Reads a schema that gets its own key (file root, definition, inline object/enum/union).</summary>
    private string ReadNamed(JsonSchema schema, JObject? token, string pointer, string typeName)
    {
        var key = SchemaPaths.Key(_path, pointer);
        var location = token is null ? _locator.FileStart : _locator.ValueOf(token);
        var description = DescriptionOf(token);

        if (UnionMembersOf(token) is { } members)
        {
            Schemas.Add(new NamedSchema(key, NamedSchemaKind.Union, typeName, description, default, false,
                members.Select(m => m.Key).ToEquatableArray(), members.Select(m => m.Location).ToEquatableArray(), default, null, location));
        }
        else if (StringEnumOf(token) is { } values)
        {
            Schemas.Add(new NamedSchema(key, NamedSchemaKind.Enum, typeName, description, default, false, default, default, values.ToEquatableArray(), null, location));
        }
        else if (IsBoundObject(schema, token))
        {
            var properties = new List<SchemaProperty>();
            var propertyTokens = token?["properties"] as JObject;
            foreach (var property in schema.Properties)
            {
                var propertyToken = propertyTokens?[property.Key] as JObject;
                var propertyPointer = pointer + "/properties/" + SchemaPaths.EscapePointerSegment(property.Key);
                var value = ReadValue(property.Value, propertyToken, propertyPointer, typeName + Naming.ToPascalCase(property.Key));
                var nameLocation = propertyTokens?.Property(property.Key, System.StringComparison.Ordinal) is { } p ? _locator.NameOf(p) : location;
                properties.Add(new SchemaProperty(
                    property.Key,
                    DescriptionOf(propertyToken),
                    value,
                    schema.RequiredProperties.Contains(property.Key),
                    ConstOf(propertyToken),
                    nameLocation));
            }

            ReportRequiredWithoutProperty(schema, token, properties);
            var rejectsUnknown = token?["additionalProperties"] is JValue { Type: JTokenType.Boolean } additional && !(bool)additional!;
            Schemas.Add(new NamedSchema(key, NamedSchemaKind.Object, typeName, description, properties.ToEquatableArray(), rejectsUnknown, default, default, default, null, location,
                IsStrictObject: schema.Type == JsonObjectType.Object));
        }
        else
        {
            var value = ReadValue(schema, token, pointer, typeName, allowNamed: false);
            Schemas.Add(new NamedSchema(key, NamedSchemaKind.Alias, typeName, description, default, false, default, default, default, value, location));
        }

        return key;
    }

    /// <summary>Reads the shape of a value; inline objects, enums and unions become named schemas.</summary>
    private SchemaValue ReadValue(JsonSchema schema, JObject? token, string pointer, string inlineTypeName, bool allowNamed = true)
    {
        if (token?["$ref"] is JValue { Type: JTokenType.String } reference)
        {
            return SchemaValue.Named(SchemaPaths.ResolveReference(_path, (string)reference!));
        }

        if (ConstOf(token) is { } constJson)
        {
            return ValueOfConst(JToken.Parse(constJson));
        }

        if (NonNullAlternatives(schema, token) is { } alternatives)
        {
            // oneOf/anyOf: [X, {"type": "null"}] is the draft-07 way to say "X or null".
            if (alternatives.Count == 1)
            {
                var index = alternatives[0].Index;
                return ReadValue(alternatives[0].Schema, alternatives[0].Token, pointer + "/" + alternatives[0].Keyword + "/" + index, inlineTypeName).OrNull();
            }

            if (allowNamed && UnionMembersOf(token) is not null)
            {
                return SchemaValue.Named(ReadNamed(schema, token, pointer, TitleOrDefault(token, inlineTypeName))).OrNull();
            }

            return SchemaValue.Any;
        }

        if (schema.AllOf.Count == 1 && token?["allOf"] is JArray { Count: 1 } allOf && token.Properties().All(p => p.Name is "allOf" or "description" or "title" or "$comment"))
        {
            return ReadValue(schema.AllOf.First(), allOf[0] as JObject, pointer + "/allOf/0", inlineTypeName);
        }

        var nullable = schema.Type.HasFlag(JsonObjectType.Null);
        var type = schema.Type & ~JsonObjectType.Null;
        if (type == JsonObjectType.None && nullable)
        {
            return new SchemaValue(SchemaValueKind.Null);
        }

        if (allowNamed && (StringEnumOf(token) is not null || IsBoundObject(schema, token)))
        {
            var named = SchemaValue.Named(ReadNamed(schema, token, pointer, TitleOrDefault(token, inlineTypeName)));
            return nullable ? named.OrNull() : named;
        }

        var value = type switch
        {
            JsonObjectType.String => new SchemaValue(SchemaValueKind.String),
            JsonObjectType.Integer => new SchemaValue(SchemaValueKind.Integer),
            JsonObjectType.Number => new SchemaValue(SchemaValueKind.Number),
            JsonObjectType.Boolean => new SchemaValue(SchemaValueKind.Boolean),
            JsonObjectType.Array => SchemaValue.ArrayOf(schema.Item is { } item
                ? ReadValue(item, token?["items"] as JObject, pointer + "/items", TitleOrDefault(token?["items"] as JObject, inlineTypeName + "Item"))
                : SchemaValue.Any),
            JsonObjectType.None when schema.Item is { } untypedItem => SchemaValue.ArrayOf(
                ReadValue(untypedItem, token?["items"] as JObject, pointer + "/items", inlineTypeName + "Item")),
            _ => SchemaValue.Any,
        };
        return nullable ? value.OrNull() : value;
    }

    /// <summary>
    /// An object with a known property set (properties declared, or unknown keys rejected) is bound to
    /// a record; a free-form object is bound as JSON.
    /// </summary>
    private static bool IsBoundObject(JsonSchema schema, JObject? token)
    {
        if (token?["$ref"] is not null)
        {
            return false;
        }

        var declaresObject = schema.Type.HasFlag(JsonObjectType.Object) || (schema.Type == JsonObjectType.None && schema.Properties.Count > 0);
        var onlyObjectOrNull = (schema.Type & ~(JsonObjectType.Object | JsonObjectType.Null)) == JsonObjectType.None;
        return declaresObject && onlyObjectOrNull && (schema.Properties.Count > 0 || token?["additionalProperties"] is JValue { Type: JTokenType.Boolean });
    }

    private static List<string>? StringEnumOf(JObject? token)
        => token?["enum"] is JArray { Count: > 1 } values && values.All(v => v.Type == JTokenType.String)
            ? values.Select(v => (string)v!).ToList()
            : null;

    /// <summary>A <c>oneOf</c> whose non-null members are all <c>$ref</c>s: a candidate discriminated union.</summary>
    private List<(string Key, SourceLocation Location)>? UnionMembersOf(JObject? token)
    {
        if (token?["oneOf"] is not JArray members)
        {
            return null;
        }

        var refs = new List<(string, SourceLocation)>();
        foreach (var member in members)
        {
            if (IsNullSchema(member))
            {
                continue;
            }

            if (member is not JObject { Count: 1 } memberObject || memberObject["$ref"] is not JValue { Type: JTokenType.String } reference)
            {
                return null;
            }

            refs.Add((SchemaPaths.ResolveReference(_path, (string)reference!), _locator.ValueOf(reference)));
        }

        return refs.Count >= 2 ? refs : null;
    }

    /// <summary>
    /// For <c>oneOf</c>/<c>anyOf</c> that include <c>{"type":"null"}</c>: the other members; else null.
    /// </summary>
    private static List<(JsonSchema Schema, JObject? Token, string Keyword, int Index)>? NonNullAlternatives(JsonSchema schema, JObject? token)
    {
        foreach (var (keyword, members) in new[] { ("oneOf", schema.OneOf), ("anyOf", schema.AnyOf) })
        {
            if (token?[keyword] is not JArray tokens || tokens.Count != members.Count || !tokens.Any(IsNullSchema))
            {
                continue;
            }

            var result = new List<(JsonSchema, JObject?, string, int)>();
            var index = 0;
            foreach (var member in members)
            {
                if (!IsNullSchema(tokens[index]))
                {
                    result.Add((member, tokens[index] as JObject, keyword, index));
                }

                index++;
            }

            return result;
        }

        return null;
    }

    private static bool IsNullSchema(JToken token)
        => token is JObject obj && obj["type"] is JValue { Type: JTokenType.String } type && (string)type! == "null"
           && obj.Properties().All(p => p.Name is "type" or "description" or "title" or "$comment");

    private static SchemaValue ValueOfConst(JToken constant) => constant.Type switch
    {
        JTokenType.String => new SchemaValue(SchemaValueKind.String),
        JTokenType.Integer => new SchemaValue(SchemaValueKind.Integer),
        JTokenType.Float => new SchemaValue(SchemaValueKind.Number),
        JTokenType.Boolean => new SchemaValue(SchemaValueKind.Boolean),
        JTokenType.Null => new SchemaValue(SchemaValueKind.Null),
        _ => SchemaValue.Any,
    };

    /// <summary>The JSON text of <c>const</c>, or of a one-value <c>enum</c> (the same constraint).</summary>
    private static string? ConstOf(JObject? token)
    {
        if (token is null)
        {
            return null;
        }

        if (token.Property("const", System.StringComparison.Ordinal) is { } constant)
        {
            return constant.Value.ToString(Formatting.None);
        }

        return token["enum"] is JArray { Count: 1 } single ? single[0].ToString(Formatting.None) : null;
    }

    private void ReportRequiredWithoutProperty(JsonSchema schema, JObject? token, List<SchemaProperty> properties)
    {
        if (token?["required"] is not JArray required)
        {
            return;
        }

        foreach (var name in required)
        {
            if (name.Type == JTokenType.String && properties.All(p => p.JsonName != (string)name!) && schema.RequiredProperties.Contains((string)name!))
            {
                // A required key with no declared schema can only be bound when additional properties are allowed.
                if (token["additionalProperties"] is JValue { Type: JTokenType.Boolean } additional && !(bool)additional!)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.ValueOf(name),
                        $"'{(string)name!}' is required but not declared in 'properties' while 'additionalProperties' is false, so no value can ever be valid"));
                }
            }
        }
    }

    private static string? TitleOf(JObject? token) => token?["title"] is JValue { Type: JTokenType.String } title ? (string)title! : null;

    private static string TitleOrDefault(JObject? token, string fallback) => TitleOf(token) is { } title ? Naming.ToPascalCase(title) : fallback;

    private static string? DescriptionOf(JObject? token) => token?["description"] is JValue { Type: JTokenType.String } description ? (string)description! : null;
}
