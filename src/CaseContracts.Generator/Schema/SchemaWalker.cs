using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;

using CaseContracts.Generator.Rules;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Walks one file's schema positions and collects the schemas that become C# types: the root, each
/// definition, and inline objects, enums and unions. References stay keys; the resolver matches them
/// across files.
/// </summary>
internal sealed class SchemaWalker
{
    private readonly string _path;
    private readonly SchemaLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;

    public SchemaWalker(string path, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _locator = locator;
        _diagnostics = diagnostics;
    }

    public List<NamedSchema> Schemas { get; } = new();

    public void ReadDocument(SchemaNode root)
    {
        var rootName = TitleOf(root) is { } title ? Naming.ToPascalCase(title) : Naming.ToPascalCase(SchemaPaths.Stem(_path));
        ReadNamed(root, rootName);

        foreach (var definition in root.Definitions())
        {
            if (definition.IsObject || definition.IsBoolean)
            {
                var name = TitleOf(definition) is { } definitionTitle ? Naming.ToPascalCase(definitionTitle) : Naming.ToPascalCase(definition.Name!);
                ReadNamed(definition, name);
            }
        }
    }

    /// <summary>
    /// Gives a type to every position of this file a <c>$ref</c> of the file names that the walk did not name: a
    /// definition nested in another (<c>#/definitions/a/definitions/b</c>), a property's schema
    /// (<c>#/definitions/a/properties/b</c>, <c>#/properties/c</c>). Named from its path (<c>AB</c>), not its title (titles
    /// repeat across definitions), so it rarely meets another type's name; when it does, that is a CC0005 like any collision. A position another file names keeps no type of its own: its values
    /// bind as JSON, validated by its position's validator.
    /// </summary>
    public void ReadReferenced(SchemaNode root, IEnumerable<SchemaReference> references)
    {
        var named = new HashSet<string>(Schemas.Select(s => s.Key), System.StringComparer.Ordinal);
        foreach (var reference in references)
        {
            var (file, pointer) = SchemaPaths.SplitKey(reference.TargetKey);
            if (file != _path || pointer.Length < 2 || pointer[1] != '/' || named.Contains(reference.TargetKey)
                || Descendant(root, pointer) is not { } target || !(target.IsObject || target.IsBoolean))
            {
                continue;
            }

            ReadNamed(target, NameOfPath(root, pointer));
            named.UnionWith(Schemas.Select(s => s.Key));
        }
    }

    /// <summary>The position at <paramref name="pointer"/> below <paramref name="node"/>, or null when no schema stands there.</summary>
    private static SchemaNode? Descendant(SchemaNode node, string pointer)
    {
        while (node.Pointer != pointer)
        {
            SchemaNode? next = null;
            foreach (var child in node.AllChildren())
            {
                if (pointer.StartsWith(child.Pointer, System.StringComparison.Ordinal)
                    && (pointer.Length == child.Pointer.Length || pointer[child.Pointer.Length] == '/'))
                {
                    next = child;
                    break;
                }
            }

            if (next is null)
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    /// <summary>The file's name for a position: its path's names without the keywords that hold them (<c>#/definitions/MBOATS/definitions/Video</c> is <c>MBOATSVideo</c>).</summary>
    private string NameOfPath(SchemaNode root, string pointer)
    {
        var name = new System.Text.StringBuilder();
        var keyword = SubSchemaShape.None;
        foreach (var segment in pointer.Substring(2).Split('/'))
        {
            var text = segment.Replace("~1", "/").Replace("~0", "~");
            if (keyword is SubSchemaShape.Map)
            {
                // A name under properties/definitions/$defs.
                name.Append(Naming.ToPascalCase(text));
                keyword = SubSchemaShape.None;
                continue;
            }

            if (keyword is SubSchemaShape.Array || (keyword is SubSchemaShape.SingleOrArray && text.Length > 0 && text.All(char.IsDigit)))
            {
                // An index under allOf/anyOf/oneOf/items, after the keyword's own name.
                name.Append(text);
                keyword = SubSchemaShape.None;
                continue;
            }

            keyword = SchemaKeywords.ShapeOf(text);
            if (text is not ("properties" or "definitions" or "$defs"))
            {
                name.Append(Naming.ToPascalCase(text.TrimStart('$')));
            }
        }

        return name.Length > 0 ? name.ToString() : (TitleOf(root) is { } title ? Naming.ToPascalCase(title) : Naming.ToPascalCase(SchemaPaths.Stem(_path)));
    }

    /// <summary>Reads a schema that gets its own key (file root, definition, inline object/enum/union).</summary>
    private string ReadNamed(SchemaNode schema, string typeName)
    {
        var location = _locator.Of(schema);
        var description = DescriptionOf(schema);

        if (UnionMembersOf(schema) is { } members)
        {
            Schemas.Add(new NamedSchema(schema.Key, NamedSchemaKind.Union, typeName, description, default, false,
                members.Select(m => m.Key).ToEquatableArray(), members.Select(m => m.Location).ToEquatableArray(), default, null, location));
        }
        else if (StringEnumOf(schema) is { } values)
        {
            Schemas.Add(new NamedSchema(schema.Key, NamedSchemaKind.Enum, typeName, description, default, false, default, default, values.ToEquatableArray(), null, location));
        }
        else if (IsBoundObject(schema))
        {
            var required = schema.Strings("required") ?? new List<string>();
            var properties = new List<SchemaProperty>();
            foreach (var property in schema.Children("properties"))
            {
                var value = ReadValue(property, typeName + Naming.ToPascalCase(property.Name!));
                var nameLocation = schema.Value("properties")!.FirstMember(property.Name!) is { } member ? _locator.NameOf(member) : location;
                properties.Add(new SchemaProperty(property.Name!, DescriptionOf(property), value, required.Contains(property.Name!), ConstOf(property), nameLocation));
            }

            ReportRequiredWithoutProperty(schema, properties);
            Schemas.Add(new NamedSchema(schema.Key, NamedSchemaKind.Object, typeName, description, properties.ToEquatableArray(), RejectsUnknownMembers(schema), default, default, default, null, location,
                IsStrictObject: TypesOf(schema) is { Count: 1 } types && types.Contains("object")));
        }
        else
        {
            var value = ReadValue(schema, typeName, allowNamed: false);
            Schemas.Add(new NamedSchema(schema.Key, NamedSchemaKind.Alias, typeName, description, default, false, default, default, default, value, location));
        }

        return schema.Key;
    }

    /// <summary>Reads the shape of a value; inline objects, enums and unions become named schemas.</summary>
    private SchemaValue ReadValue(SchemaNode schema, string inlineTypeName, bool allowNamed = true)
    {
        if (!schema.IsObject)
        {
            return SchemaValue.Any;
        }

        if (schema.String("$ref") is { } reference)
        {
            return SchemaValue.Named(schema.ResolveReference(reference));
        }

        if (ConstValueOf(schema) is { } constant)
        {
            return ValueOfConst(constant);
        }

        if (NonNullAlternatives(schema) is { } alternatives)
        {
            // oneOf/anyOf: [X, {"type": "null"}] is the draft-07 way to say "X or null".
            if (alternatives.Count == 1)
            {
                return ReadValue(alternatives[0], inlineTypeName).OrNull();
            }

            if (allowNamed && UnionMembersOf(schema) is not null)
            {
                return SchemaValue.Named(ReadNamed(schema, TitleOrDefault(schema, inlineTypeName))).OrNull();
            }

            return SchemaValue.Any;
        }

        if (schema.Children("allOf") is { Count: 1 } allOf && schema.Keywords.All(k => k.Name is "allOf" or "description" or "title" or "$comment"))
        {
            return ReadValue(allOf[0], inlineTypeName);
        }

        var types = TypesOf(schema);
        var nullable = types.Remove("null");
        if (types.Count == 0 && nullable)
        {
            return new SchemaValue(SchemaValueKind.Null);
        }

        if (allowNamed && (StringEnumOf(schema) is not null || IsBoundObject(schema)))
        {
            var named = SchemaValue.Named(ReadNamed(schema, TitleOrDefault(schema, inlineTypeName)));
            return nullable ? named.OrNull() : named;
        }

        // Beside prefixItems (2020-12) items holds only the items past the tuple: not one type for every item.
        var items = PrefixItemsRule.TakesItems(schema) ? null : schema.Child("items");
        var value = types.Count switch
        {
            0 when items is not null => SchemaValue.ArrayOf(ReadValue(items, inlineTypeName + "Item")),
            1 => types.First() switch
            {
                "string" => new SchemaValue(SchemaValueKind.String),
                "integer" => new SchemaValue(SchemaValueKind.Integer),
                "number" => new SchemaValue(SchemaValueKind.Number),
                "boolean" => new SchemaValue(SchemaValueKind.Boolean),
                "array" => SchemaValue.ArrayOf(items is not null ? ReadValue(items, TitleOrDefault(items, inlineTypeName + "Item")) : SchemaValue.Any),
                _ => SchemaValue.Any,
            },
            _ => SchemaValue.Any,
        };
        return nullable ? value.OrNull() : value;
    }

    /// <summary>The type names of <c>type</c> (a string or an array of them); empty when it is absent.</summary>
    private static HashSet<string> TypesOf(SchemaNode schema)
    {
        var types = new HashSet<string>(System.StringComparer.Ordinal);
        if (schema.String("type") is { } single)
        {
            types.Add(single);
        }
        else
        {
            types.UnionWith(schema.Strings("type") ?? new List<string>());
        }

        return types;
    }

    /// <summary>
    /// An object with a known property set (properties declared, or unknown keys rejected) is bound to
    /// a record; a free-form object is bound as JSON.
    /// </summary>
    private static bool IsBoundObject(SchemaNode schema)
    {
        if (!schema.IsObject || schema.Has("$ref"))
        {
            return false;
        }

        var types = TypesOf(schema);
        var hasProperties = schema.Children("properties").Count > 0;
        var declaresObject = types.Contains("object") || (types.Count == 0 && hasProperties);
        var onlyObjectOrNull = types.All(t => t is "object" or "null");
        return declaresObject && onlyObjectOrNull && (hasProperties || schema.Boolean("additionalProperties") is not null);
    }

    private static List<string>? StringEnumOf(SchemaNode schema)
        => schema.Array("enum") is { Count: > 1 } values && values.All(v => v.Kind == JsonNodeKind.String)
            ? values.Select(v => v.Text!).ToList()
            : null;

    /// <summary>A <c>oneOf</c> whose non-null members are all <c>$ref</c>s: a candidate discriminated union.</summary>
    private List<(string Key, SourceLocation Location)>? UnionMembersOf(SchemaNode schema)
    {
        if (schema.Array("oneOf") is null)
        {
            return null;
        }

        var refs = new List<(string, SourceLocation)>();
        foreach (var member in schema.Children("oneOf"))
        {
            if (IsNullSchema(member))
            {
                continue;
            }

            if (!member.IsObject || member.Keywords.Count != 1 || member.Value("$ref") is not { Kind: JsonNodeKind.String } reference)
            {
                return null;
            }

            refs.Add((member.ResolveReference(reference.Text!), _locator.ValueOf(reference)));
        }

        return refs.Count >= 2 ? refs : null;
    }

    /// <summary>For <c>oneOf</c>/<c>anyOf</c> that include <c>{"type":"null"}</c>: the other members; else null.</summary>
    private static List<SchemaNode>? NonNullAlternatives(SchemaNode schema)
    {
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            var members = schema.Children(keyword);
            if (!members.Any(IsNullSchema))
            {
                continue;
            }

            return members.Where(m => !IsNullSchema(m)).ToList();
        }

        return null;
    }

    private static bool IsNullSchema(SchemaNode schema)
        => schema.String("type") == "null" && schema.Keywords.All(k => k.Name is "type" or "description" or "title" or "$comment");

    private static SchemaValue ValueOfConst(JsonNode constant) => constant.Kind switch
    {
        JsonNodeKind.String => new SchemaValue(SchemaValueKind.String),
        JsonNodeKind.Number => constant.Text!.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 ? new SchemaValue(SchemaValueKind.Integer) : new SchemaValue(SchemaValueKind.Number),
        JsonNodeKind.Boolean => new SchemaValue(SchemaValueKind.Boolean),
        JsonNodeKind.Null => new SchemaValue(SchemaValueKind.Null),
        _ => SchemaValue.Any,
    };

    /// <summary>
    /// The value of <c>const</c>, or of a one-value <c>enum</c> (the same constraint); null when C# could not hold it
    /// (<c>1e400</c>, reported by the constraint reader): the property is then typed from the rest of its schema.
    /// </summary>
    private static JsonNode? ConstValueOf(SchemaNode schema)
        => (schema.Value("const") ?? (schema.Array("enum") is { Count: 1 } single ? single[0] : null)) is { } constant && constant.FirstNumberBeyondDouble() is null
            ? constant
            : null;

    private static string? ConstOf(SchemaNode schema) => schema.IsObject ? ConstValueOf(schema)?.ToJson() : null;

    private void ReportRequiredWithoutProperty(SchemaNode schema, List<SchemaProperty> properties)
    {
        if (schema.Array("required") is not { } required || !RejectsUnknownMembers(schema))
        {
            return;
        }

        foreach (var name in required)
        {
            // A required key with no declared schema can only be bound when additional properties are allowed.
            if (name.Kind == JsonNodeKind.String && properties.All(p => p.JsonName != name.Text))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.ValueOf(name),
                    $"'{name.Text}' is required but not declared in 'properties' while 'additionalProperties' is false, so no value can ever be valid"));
            }
        }
    }

    /// <summary>The schema's <c>title</c> when it reads as a type name (<see cref="Naming.IsName"/>); a sentence names nothing.</summary>
    private static string? TitleOf(SchemaNode schema) => schema.String("title") is { } title && Naming.IsName(title) ? title : null;

    private static string TitleOrDefault(SchemaNode schema, string fallback) => TitleOf(schema) is { } title ? Naming.ToPascalCase(title) : fallback;

    private static string? DescriptionOf(SchemaNode schema) => schema.String("description");

    /// <summary>
    /// Members the record does not declare make the value invalid: <c>additionalProperties</c> is false and no
    /// <c>patternProperties</c> pattern could admit a member (the validator decides those by name).
    /// </summary>
    private static bool RejectsUnknownMembers(SchemaNode schema)
        => schema.Boolean("additionalProperties") == false && schema.Children("patternProperties").Count == 0;
}
