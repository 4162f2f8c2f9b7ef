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

    private SchemaNode? _root;

    /// <summary>The file's schema positions by key, gathered when a <c>$ref</c> member of a union is first looked up.</summary>
    private Dictionary<string, SchemaNode>? _nodes;

    /// <summary>For each inline schema that became a type (by key): the name its owner's path gives it (owner + property).</summary>
    private readonly Dictionary<string, string> _pathNames = new(System.StringComparer.Ordinal);

    public void ReadDocument(SchemaNode root)
    {
        _root = root;
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

        NameInlineTypesApart();
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

    /// <summary>
    /// Two types of one file that want one name (a title repeated under several definitions, or two property names
    /// that read alike): the root and the definitions keep theirs; an inline type whose name is taken is named from
    /// its owner's path instead (owner + property), numbered in schema order when that is taken too. So every type of
    /// the file is generated and its values bound, and the same file always gets the same names.
    /// </summary>
    private void NameInlineTypesApart()
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var schema in Schemas.Where(s => !_pathNames.ContainsKey(s.Key)))
        {
            taken.UnionWith(GeneratedNames(schema.Kind, schema.TypeName));
            if (Pipeline.DocumentRoots.IsRoot(schema.Key))
            {
                taken.Add(schema.TypeName + Pipeline.DocumentRoots.EnumRootSuffix);
            }
        }

        for (var i = 0; i < Schemas.Count; i++)
        {
            var schema = Schemas[i];
            if (!_pathNames.TryGetValue(schema.Key, out var pathName))
            {
                continue;
            }

            if (GeneratedNames(schema.Kind, schema.TypeName).Any(taken.Contains))
            {
                var name = pathName;
                for (var n = 2; GeneratedNames(schema.Kind, name).Any(taken.Contains); n++)
                {
                    name = pathName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                schema = schema with { TypeName = name };
                Schemas[i] = schema;
            }

            taken.UnionWith(GeneratedNames(schema.Kind, schema.TypeName));
        }
    }

    /// <summary>The type names a named schema generates (as <c>Pipeline.NameCollisions</c> counts them; an alias generates none).</summary>
    private static IEnumerable<string> GeneratedNames(NamedSchemaKind kind, string typeName) => kind switch
    {
        NamedSchemaKind.Enum => new[] { typeName, typeName + "Json" },
        NamedSchemaKind.Object or NamedSchemaKind.Union or NamedSchemaKind.KindUnion => new[] { typeName },
        _ => System.Array.Empty<string>(),
    };

    /// <summary>Reads a schema that gets its own key (file root, definition, inline object/enum/union).</summary>
    /// <param name="pathName">For an inline schema: the name its owner's path gives it, used when <paramref name="typeName"/> is taken.</param>
    private string ReadNamed(SchemaNode schema, string typeName, string? pathName = null)
    {
        if (pathName is not null)
        {
            _pathNames[schema.Key] = pathName;
        }

        var location = _locator.Of(schema);
        var description = DescriptionOf(schema);

        if (KindUnionOf(schema, allowNull: pathName is not null) is { } kinds)
        {
            // First: members of different kinds are never a discriminated union (its members are all objects).
            // Reached inline, a null member makes the value nullable (ReadValue); a definition or root has no such place.
            var kindMembers = kinds.Select(k => new SchemaProperty(k.Kind, k.Members.Count == 1 ? DescriptionOf(k.Members[0]) : null,
                ValueOfKind(schema, k, typeName + Naming.ToPascalCase(k.Kind)), false, null, k.Members.Count == 1 ? _locator.Of(k.Members[0]) : location));
            Schemas.Add(new NamedSchema(schema.Key, NamedSchemaKind.KindUnion, typeName, description, kindMembers.ToEquatableArray(), false, default, default, default, null, location));
        }
        else if (UnionMembersOf(schema) is { } members && IsObjectUnion(schema))
        {
            Schemas.Add(new NamedSchema(schema.Key, NamedSchemaKind.Union, typeName, description, default, false,
                members.Select(m => m.Key).ToEquatableArray(), members.Select(m => m.Location).ToEquatableArray(), default, null, location));
        }
        else if (StringEnumOf(schema) is { } values)
        {
            Schemas.Add(new NamedSchema(schema.Key, NamedSchemaKind.Enum, typeName, description, default, false, default, default, values.ToEquatableArray(), null, location));
        }
        else if (IsPatternObject(schema) && MapOf(schema, typeName + "Value") is { } map)
        {
            // An object of patterns alone, whose patterns agree: a map, not an empty record.
            var value = TypesOf(schema).Contains("null") ? map.OrNull() : map;
            Schemas.Add(new NamedSchema(schema.Key, NamedSchemaKind.Alias, typeName, description, default, false, default, default, default, value, location));
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

            if (allowNamed && ((UnionMembersOf(schema) is not null && IsObjectUnion(schema)) || KindUnionOf(schema, allowNull: true) is not null))
            {
                return SchemaValue.Named(ReadNamed(schema, TitleOrDefault(schema, inlineTypeName), inlineTypeName)).OrNull();
            }

            return OneKindOf(schema) is { } oneKind ? ValueOfKind(schema, oneKind, inlineTypeName).OrNull() : SchemaValue.Any;
        }

        if (allowNamed && KindUnionOf(schema, allowNull: false) is not null)
        {
            return SchemaValue.Named(ReadNamed(schema, TitleOrDefault(schema, inlineTypeName), inlineTypeName));
        }

        if ((!allowNamed || UnionMembersOf(schema) is null || !IsObjectUnion(schema)) && OneKindOf(schema) is { } kind && ValueOfKind(schema, kind, inlineTypeName) is { Kind: not SchemaValueKind.Any } ofKind)
        {
            // Members that all take one kind of value: a value of that kind, as wide as the widest member.
            return ofKind;
        }

        if (OnlyAllOfMember(schema) is { } only)
        {
            return ReadValue(only, inlineTypeName);
        }

        var types = TypesOf(schema);
        var nullable = types.Remove("null");
        if (types.Count == 0 && nullable)
        {
            return new SchemaValue(SchemaValueKind.Null);
        }

        // Before the record: an object of patterns and nothing else is a map when they agree (else an empty record, as before).
        if (types.Count == 1 && types.Contains("object") && MapOf(schema, inlineTypeName + "Value") is { } map)
        {
            return nullable ? map.OrNull() : map;
        }

        if (allowNamed && (StringEnumOf(schema) is not null || IsBoundObject(schema)))
        {
            var named = SchemaValue.Named(ReadNamed(schema, TitleOrDefault(schema, inlineTypeName), inlineTypeName));
            return nullable ? named.OrNull() : named;
        }

        if (allowNamed && KindUnionOf(schema, allowNull: true) is not null)
        {
            // "type": ["string", "array"], or "enum": [1, "1"]: a union of kinds whose members are this schema, one per kind.
            var union = SchemaValue.Named(ReadNamed(schema, TitleOrDefault(schema, inlineTypeName), inlineTypeName));
            return nullable || (schema.Array("enum") is { } values && values.Any(v => v.Kind == JsonNodeKind.Null)) ? union.OrNull() : union;
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

    /// <summary>
    /// The one member of an <c>allOf</c> that asserts anything, when nothing beside the <c>allOf</c> does either but a
    /// <c>type</c> the member takes anyway (<c>{"type": "object", "allOf": [{"$ref": "#/definitions/css"}, {}]}</c>): the
    /// value is that member's. Null otherwise.
    /// </summary>
    private SchemaNode? OnlyAllOfMember(SchemaNode schema)
    {
        if (schema.Children("allOf").Where(m => !AssertsNothing(m)).ToList() is not { Count: 1 } members)
        {
            return null;
        }

        var types = TypesOf(schema);
        var member = members[0];
        return schema.Keywords.All(k => k.Name == "allOf" || IsAnnotation(k.Name) || (k.Name == "type" && types.Count == 1 && KindOf(member, 0) == types.First()))
            ? member
            : null;
    }

    /// <summary><c>true</c>, <c>{}</c> or annotations alone: every value is valid.</summary>
    private static bool AssertsNothing(SchemaNode schema)
        => schema.IsBoolean ? schema.Json.Kind == JsonNodeKind.Boolean && schema.Json.Text == "true" : schema.Keywords.All(k => IsAnnotation(k.Name));

    private static bool IsAnnotation(string keyword)
        => keyword is "description" or "title" or "$comment" or "examples" or "default" or "markdownDescription" or "deprecated" or "readOnly" or "writeOnly";

    /// <summary>
    /// An object schema without <c>properties</c> whose every member has one value shape: the members a
    /// <c>patternProperties</c> pattern matches take that pattern's schema, the others <c>additionalProperties</c>'
    /// (a schema, or false). When they all read as one value (every pattern and the rest alike), the object is a map of
    /// it; else null (bound as JSON). An unconstrained rest (no <c>additionalProperties</c>, or true or <c>{}</c>) is not
    /// a map of anything narrower than JSON. Only the C# shape is decided here: the validator keeps every rule.
    /// </summary>
    private SchemaValue? MapOf(SchemaNode schema, string memberTypeName)
    {
        if (schema.Children("properties").Count > 0)
        {
            return null;
        }

        var members = schema.Children("patternProperties").ToList();
        if (schema.Boolean("additionalProperties") is not false)
        {
            if (schema.Child("additionalProperties") is not { IsObject: true } rest)
            {
                return null;
            }

            members.Add(rest);
        }

        if (members.Count == 0)
        {
            return null;
        }

        // Reading a member's shape may name inline types; when the shapes differ none of them is used, so they go.
        var named = Schemas.Count;
        var values = members.Select(m => ReadValue(m, members.Count == 1 ? TitleOrDefault(m, memberTypeName) : memberTypeName)).ToList();
        if (values[0].Kind is SchemaValueKind.Any or SchemaValueKind.Null || values.Any(v => v != values[0]))
        {
            Schemas.RemoveRange(named, Schemas.Count - named);
            return null;
        }

        return SchemaValue.MapOf(values[0]);
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

    /// <summary>
    /// The kinds of JSON value a schema takes, when the kind of a value picks its C# shape: the members of a
    /// <c>oneOf</c>/<c>anyOf</c> that each take exactly one kind (their <c>type</c>, a string <c>enum</c>/<c>const</c>, or
    /// what a <c>$ref</c> in this file points to says), grouped by kind (<c>integer</c> and <c>number</c> are one kind of
    /// token), the types of a <c>type</c> list (<c>["string", "array"]</c>), or the kinds of an <c>enum</c>'s values
    /// (<c>[1, "1"]</c>). Two kinds at least; null otherwise. A valid value then matches a member of its kind, so binding it
    /// to a C# value that holds every member of that kind is exact.
    /// </summary>
    /// <param name="allowNull">Whether a <c>{"type": "null"}</c> member (or a <c>"null"</c> type or value) may be among them (left out of the result).</param>
    private List<KindGroup>? KindUnionOf(SchemaNode schema, bool allowNull)
        => KindGroupsOf(schema, allowNull) is { Count: >= 2 } groups ? groups : null;

    /// <summary>The members of a <c>oneOf</c>/<c>anyOf</c> (nulls aside) that all take one kind of JSON value; null otherwise.</summary>
    private KindGroup? OneKindOf(SchemaNode schema)
        => schema.Array("oneOf") is not null || schema.Array("anyOf") is not null ? KindGroupsOf(schema, allowNull: true) is { Count: 1 } groups ? groups[0] : null : null;

    /// <summary>Whether a <c>oneOf</c> of <c>$ref</c>s may be a discriminated union: its members are objects, or their kind is not known here.</summary>
    private bool IsObjectUnion(SchemaNode schema) => OneKindOf(schema) is null or { Kind: "object" };

    /// <summary>Members of one kind of JSON value (<c>Members</c> empty when the kind is one of the schema's own <c>type</c>s or <c>enum</c> values).</summary>
    private sealed record KindGroup(string Kind, List<SchemaNode> Members);

    private List<KindGroup>? KindGroupsOf(SchemaNode schema, bool allowNull)
    {
        if (!schema.IsObject || schema.Has("$ref") || schema.Children("properties").Count > 0)
        {
            return null;
        }

        var groups = new List<KindGroup>();
        if (schema.Array("oneOf") is null && schema.Array("anyOf") is null && schema.Array("enum") is { } values && !schema.Has("const"))
        {
            // An enum of values of several kinds ([1, "1"]): one member per kind, the schema itself.
            foreach (var value in values)
            {
                var kind = value.Kind switch
                {
                    JsonNodeKind.String => "string",
                    JsonNodeKind.Number => value.Text!.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 ? "integer" : "number",
                    JsonNodeKind.Boolean => "boolean",
                    JsonNodeKind.Null => "null",
                    _ => null,
                };
                if (kind is null || (kind == "null" && !allowNull))
                {
                    return null;
                }

                if (kind != "null" && !groups.Any(g => g.Kind == kind))
                {
                    AddToGroup(groups, kind, null);
                }
            }

            return groups;
        }

        if (schema.Array("oneOf") is null && schema.Array("anyOf") is null)
        {
            // Several types and nothing that tells a value's shape but the type: one member per type, the schema itself.
            var types = TypesOf(schema);
            if (types.Count < 2 || (types.Contains("null") && !allowNull) || schema.Has("enum") || schema.Has("const"))
            {
                return null;
            }

            foreach (var type in types.Where(t => t != "null"))
            {
                if (type is not ("string" or "integer" or "number" or "boolean" or "object" or "array"))
                {
                    return null;
                }

                AddToGroup(groups, type, null);
            }

            return groups;
        }

        if ((schema.Array("oneOf") is null) == (schema.Array("anyOf") is null))
        {
            return null;
        }

        foreach (var member in schema.Children(schema.Array("oneOf") is not null ? "oneOf" : "anyOf"))
        {
            if (IsNullSchema(member))
            {
                if (!allowNull)
                {
                    return null;
                }

                continue;
            }

            if (KindOf(member, 0) is not { } kind)
            {
                return null;
            }

            AddToGroup(groups, kind, member);
        }

        return groups;
    }

    private static void AddToGroup(List<KindGroup> groups, string kind, SchemaNode? member)
    {
        var token = kind == "integer" ? "number" : kind;
        var index = groups.FindIndex(g => (g.Kind == "integer" ? "number" : g.Kind) == token);
        if (index < 0)
        {
            groups.Add(new KindGroup(kind, member is null ? new List<SchemaNode>() : new List<SchemaNode> { member }));
            return;
        }

        // An integer member beside a number member: a number (every integer is one).
        var group = groups[index];
        groups[index] = group with { Kind = group.Kind == kind ? kind : "number" };
        if (member is not null)
        {
            group.Members.Add(member);
        }
    }

    /// <summary>
    /// The value that holds every valid value of one kind of a union: the members' shared value when they read alike
    /// (one member, or <c>$ref</c>s to one schema), else the widest of the kind (a string, a number, an array of JSON, an
    /// object as JSON). A kind of a <c>type</c> list reads the schema itself as that type (its <c>items</c>, its map).
    /// </summary>
    private SchemaValue ValueOfKind(SchemaNode owner, KindGroup group, string typeName)
    {
        if (group.Members.Count == 0)
        {
            return group.Kind switch
            {
                "string" => new SchemaValue(SchemaValueKind.String),
                "integer" => new SchemaValue(SchemaValueKind.Integer),
                "number" => new SchemaValue(SchemaValueKind.Number),
                "boolean" => new SchemaValue(SchemaValueKind.Boolean),
                "array" => SchemaValue.ArrayOf(!PrefixItemsRule.TakesItems(owner) && owner.Child("items") is { } items ? ReadValue(items, TitleOrDefault(items, typeName + "Item")) : SchemaValue.Any),
                "object" => MapOf(owner, typeName + "Value") ?? SchemaValue.Any,
                _ => SchemaValue.Any,
            };
        }

        // Reading a member's shape may name inline types; when the shapes differ none of them is used, so they go.
        var named = Schemas.Count;
        var values = group.Members.Select(m => ReadValue(m, TitleOrDefault(m, typeName))).ToList();
        if (values.All(v => v == values[0]))
        {
            return values[0];
        }

        Schemas.RemoveRange(named, Schemas.Count - named);
        return group.Kind switch
        {
            "string" => new SchemaValue(SchemaValueKind.String),
            "integer" => new SchemaValue(SchemaValueKind.Integer),
            "number" => new SchemaValue(SchemaValueKind.Number),
            "boolean" => new SchemaValue(SchemaValueKind.Boolean),
            "array" => SchemaValue.ArrayOf(SchemaValue.Any),
            _ => SchemaValue.Any,
        };
    }

    /// <summary>The one JSON kind every value a schema accepts has (<c>integer</c> apart from <c>number</c>), or null.</summary>
    private string? KindOf(SchemaNode schema, int depth)
    {
        if (!schema.IsObject || depth > 8)
        {
            return null;
        }

        if (schema.String("$ref") is { } reference)
        {
            // Up to draft 7 the keywords beside $ref are ignored; from 2019-09 they apply too, and may only narrow the kind.
            return NodeAt(schema.ResolveReference(reference)) is { } target ? KindOf(target, depth + 1) : null;
        }

        var types = TypesOf(schema);
        if (types.Count == 1 && types.First() is "string" or "integer" or "number" or "boolean" or "object" or "array")
        {
            return types.First();
        }

        if (types.Count == 0 && (StringEnumOf(schema) is not null || schema.Value("const") is { Kind: JsonNodeKind.String }
            || (schema.Array("enum") is { Count: 1 } single && single[0].Kind == JsonNodeKind.String)))
        {
            return "string";
        }

        return null;
    }

    /// <summary>A schema position of this file by key (what a local <c>$ref</c> points to); null for other files.</summary>
    private SchemaNode? NodeAt(string key)
    {
        if (_nodes is null)
        {
            _nodes = new Dictionary<string, SchemaNode>(System.StringComparer.Ordinal);
            var pending = new Stack<SchemaNode>();
            pending.Push(_root!);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                if (!_nodes.ContainsKey(node.Key))
                {
                    _nodes.Add(node.Key, node);
                    foreach (var child in node.AllChildren())
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        return _nodes.TryGetValue(key, out var found) ? found : null;
    }

    /// <summary>A record-like object (<see cref="IsBoundObject"/>) that declares no <c>properties</c> but <c>patternProperties</c>, the rest refused.</summary>
    private static bool IsPatternObject(SchemaNode schema)
        => IsBoundObject(schema) && schema.Children("properties").Count == 0 && schema.Children("patternProperties").Count > 0
           && schema.Boolean("additionalProperties") == false && TypesOf(schema) is var types && types.Contains("object");

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
