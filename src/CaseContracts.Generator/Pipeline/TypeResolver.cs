using System;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// Schema model → type specs: resolves references through the index, gives C# names, decides which
/// objects are union variants. Works on one document at a time (plus the index), so an edit to one
/// schema file re-resolves only that file; it reports the cross-file problems (name collisions,
/// duplicate discriminator values, reference cycles) that lie in its file, at their places there.
/// </summary>
internal sealed class TypeResolver
{
    /// <summary>Member names the generated code uses itself; a schema property with such a name gets a <c>Value</c> suffix.</summary>
    private static readonly HashSet<string> s_reservedMemberNames = new(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "GetType", "EqualityContract", "Deconstruct", "PrintMembers", "Clone",
        "ReadFrom", "WriteTo", "Parse", "TryParse", "TryParseAsync", "Validate", "ToJson", "ToUtf8Json", "Match", "Switch", "JsonNames",
    };

    /// <summary>What a variant its union reads in one pass generates besides (see <c>ValidatingReaderEmitter</c>).</summary>
    private static readonly HashSet<string> s_reservedVariantMemberNames = new(StringComparer.Ordinal) { "OwnMembers", "ReadOwnMember", "CreateValidated" };

    private readonly SchemaIndex _index;
    private readonly GeneratorOptions _options;
    private readonly OnePassPlanner _onePass;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    private TypeResolver(SchemaDocument document, SchemaIndex index, GeneratorOptions options)
    {
        _index = index;
        _options = options;
        _onePass = new OnePassPlanner(document, index, options);
    }

    public static DocumentTypes Resolve(SchemaDocument document, SchemaIndex index, GeneratorOptions options)
    {
        var resolver = new TypeResolver(document, index, options);
        var types = new List<TypeSpec>();
        foreach (var schema in document.Schemas)
        {
            if (resolver.ResolveType(schema) is { } type && !NameCollisions.IsShadowed(schema.Key, index))
            {
                types.Add(type with { SchemaFile = document.FilePath });
            }
        }

        if (resolver.ResolveDocumentType(document) is { } entry)
        {
            types.Add(entry with { SchemaFile = document.FilePath });
        }

        resolver.ReportUnresolvedReferences(document);
        resolver._diagnostics.AddRange(NameCollisions.Report(document, index));
        resolver._diagnostics.AddRange(ReferenceCycles.Of(index).Report(document, options));
        return new DocumentTypes(document.FilePath, types.ToEquatableArray(), resolver._diagnostics.ToEquatableArray());
    }

    private TypeSpec? ResolveType(NamedSchema schema)
    {
        switch (schema.Kind)
        {
            case NamedSchemaKind.Enum:
                return new EnumTypeSpec(_options.Namespace, schema.TypeName, schema.Description, HintName(null, schema.TypeName), EnumMembers(schema.EnumValues));

            case NamedSchemaKind.Union when _index.Find(schema.Key) is { } summary && UnionLayout.Of(summary, _index) is { } layout:
                _diagnostics.AddRange(layout.Report(schema));
                var variants = layout.Variants.Select(v => new UnionVariantSpec(v.Member.TypeName, v.Value, Naming.ToCamelCase(v.Member.TypeName),
                    ValidatorNames.Method(PropertyKey(v.Member.Key, layout.DiscriminatorJsonName), _options)));
                var readMode = !_onePass.IsSimpleUnion(schema) ? UnionReadMode.ValidateThenBind
                    : layout.ReadsInOnePass ? UnionReadMode.OnePass
                    : UnionReadMode.Lookahead;
                var commonMembers = readMode == UnionReadMode.OnePass ? ResolveCommonMembers(layout) : new List<PropertySpec>();
                return new UnionTypeSpec(_options.Namespace, schema.TypeName, schema.Description, HintName(null, schema.TypeName),
                    layout.DiscriminatorJsonName, Naming.ToPascalCase(layout.DiscriminatorJsonName), variants.ToEquatableArray(), ValidatorNames.Method(schema.Key, _options),
                    readMode, commonMembers.ToEquatableArray());

            case NamedSchemaKind.KindUnion:
                var members = schema.Properties.Select(m => new KindMemberSpec(m.JsonName, "As" + Naming.ToPascalCase(m.JsonName), m.Description,
                    ResolveValue(m.Value, new HashSet<string>()) with { Nullable = false }));
                return new KindUnionTypeSpec(_options.Namespace, schema.TypeName, schema.Description, HintName(null, schema.TypeName), members.ToEquatableArray(),
                    ValidatorNames.Method(schema.Key, _options));

            case NamedSchemaKind.Object:
                var union = UnionLayout.ContainingUnion(schema.Key, _index);
                var container = union?.Union.TypeName;
                var properties = ResolveProperties(schema, union?.DiscriminatorJsonName, union is { ReadsInOnePass: true });
                return new ObjectTypeSpec(_options.Namespace, schema.TypeName, schema.Description, HintName(container, schema.TypeName), container,
                    properties.ToEquatableArray(), schema.RejectsUnknownProperties, ValidatorNames.Method(schema.Key, _options),
                    _onePass.IsSimpleObject(schema, properties),
                    union is { ReadsInOnePass: true } ? union.CommonMembers.Select(m => m.JsonName).ToEquatableArray() : null);

            default:
                return null;
        }
    }

    /// <summary>The document record of a file whose root is not bound to a record or union of its own (<see cref="DocumentRoots"/>).</summary>
    private DocumentTypeSpec? ResolveDocumentType(SchemaDocument document)
    {
        var rootKey = SchemaPaths.Key(document.FilePath, SchemaPaths.RootPointer);
        if (!_index.HasValidationNode(rootKey) || _index.Find(rootKey) is not { } root || DocumentRoots.DocumentTypeName(root, _index) is not { } name
            || NameCollisions.IsShadowed(rootKey, _index))
        {
            return null;
        }

        var value = root.Kind switch
        {
            NamedSchemaKind.Alias => ResolveValue(root.AliasOf ?? SchemaValue.Any, new HashSet<string>()),
            NamedSchemaKind.Enum => new ValueSpec(ValueKind.Enum, FullName(null, root.TypeName), false),
            _ => new ValueSpec(ValueKind.Json, "global::System.Text.Json.JsonElement", false),
        };
        var description = document.Schemas.FirstOrDefault(s => s.Key == rootKey)?.Description;
        return new DocumentTypeSpec(_options.Namespace, name, description, HintName(null, name), value, ValidatorNames.Method(rootKey, _options));
    }

    private List<PropertySpec> ResolveProperties(NamedSchema owner, string? discriminatorJsonName, bool readByUnion)
    {
        var result = new List<PropertySpec>();
        var usedNames = new Dictionary<string, SchemaProperty>(StringComparer.Ordinal);
        foreach (var property in owner.Properties)
        {
            var name = Naming.ToPascalCase(property.JsonName);
            if (name == owner.TypeName || s_reservedMemberNames.Contains(name) || (readByUnion && s_reservedVariantMemberNames.Contains(name)))
            {
                name += "Value";
            }

            // created_at and createdAt both read as CreatedAt: the later JSON name gets the next free number
            // (CreatedAt2), so every property of the schema is bound and the record reads what the validator accepts.
            var unique = name;
            for (var n = 2; usedNames.ContainsKey(unique); n++)
            {
                unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            name = unique;
            usedNames.Add(name, property);
            var value = property.Value.Kind == SchemaValueKind.Null ? null : ResolveValue(property.Value, new HashSet<string>());
            var constJson = property.Value.Kind == SchemaValueKind.Null ? "null" : property.ConstJson;
            result.Add(new PropertySpec(property.JsonName, name, property.Description, value, property.Required, constJson, property.JsonName == discriminatorJsonName,
                _onePass.Plan(owner.Key, property, constJson is null ? value : null)));
        }

        return result;
    }

    /// <summary>The members the union reads for every variant, typed and planned as the first variant declares them (all declare them alike).</summary>
    private List<PropertySpec> ResolveCommonMembers(UnionLayout layout)
        => layout.CommonMembers.Select(member =>
        {
            var isNull = member.Value.Kind == SchemaValueKind.Null;
            var value = isNull ? null : ResolveValue(member.Value, new HashSet<string>());
            var constJson = isNull ? "null" : member.ConstJson;
            return new PropertySpec(member.JsonName, Naming.ToPascalCase(member.JsonName), null, value, member.Required, constJson, false,
                _onePass.Plan(member.Schema!, member.Value, constJson, constJson is null ? value : null));
        }).ToList();

    private static string PropertyKey(string ownerKey, string jsonName) => ownerKey + "/properties/" + SchemaPaths.EscapePointerSegment(jsonName);

    private ValueSpec ResolveValue(SchemaValue value, HashSet<string> aliasesSeen)
    {
        switch (value.Kind)
        {
            case SchemaValueKind.String:
                return new ValueSpec(ValueKind.String, "string", value.Nullable);
            case SchemaValueKind.Integer:
                return new ValueSpec(ValueKind.Integer, "long", value.Nullable);
            case SchemaValueKind.Number:
                return new ValueSpec(ValueKind.Number, "double", value.Nullable);
            case SchemaValueKind.Boolean:
                return new ValueSpec(ValueKind.Boolean, "bool", value.Nullable);
            case SchemaValueKind.Array:
                var element = ResolveValue(value.Element ?? SchemaValue.Any, aliasesSeen);
                return new ValueSpec(ValueKind.Array, "global::System.Collections.Generic.IReadOnlyList<" + element.DeclaredType + ">", value.Nullable, element);
            case SchemaValueKind.Map:
                var member = ResolveValue(value.Element ?? SchemaValue.Any, aliasesSeen);
                return new ValueSpec(ValueKind.Map, "global::System.Collections.Generic.IReadOnlyDictionary<string, " + member.DeclaredType + ">", value.Nullable, member);
            case SchemaValueKind.Named when value.NamedKey is { } key && _index.Find(key) is { } target:
                return ResolveNamed(target, value.Nullable, aliasesSeen);
            default:
                // Any JSON, or an unresolved reference (reported separately): bound as a JSON element.
                return new ValueSpec(ValueKind.Json, "global::System.Text.Json.JsonElement", value.Nullable);
        }
    }

    private ValueSpec ResolveNamed(SchemaSummary target, bool nullable, HashSet<string> aliasesSeen)
    {
        switch (target.Kind)
        {
            case NamedSchemaKind.Enum:
                return new ValueSpec(ValueKind.Enum, FullName(null, target.TypeName), nullable);
            case NamedSchemaKind.Union when UnionLayout.Of(target, _index) is not null:
            case NamedSchemaKind.KindUnion:
                return new ValueSpec(ValueKind.Record, FullName(null, target.TypeName), nullable);
            case NamedSchemaKind.Object:
                var container = UnionLayout.ContainingUnion(target.Key, _index)?.Union.TypeName;
                return new ValueSpec(ValueKind.Record, FullName(container, target.TypeName), nullable);
            case NamedSchemaKind.Alias when target.AliasOf is { } aliased && aliasesSeen.Add(target.Key):
                var resolved = ResolveValue(aliased, aliasesSeen);
                return nullable && !resolved.Nullable ? resolved with { Nullable = true } : resolved;
            default:
                return new ValueSpec(ValueKind.Json, "global::System.Text.Json.JsonElement", nullable);
        }
    }

    private void ReportUnresolvedReferences(SchemaDocument document)
    {
        foreach (var reference in document.References)
        {
            // Every schema position (not only those that become types) is one a $ref may name: the validator
            // planner gives each a validator, so only a key that names no position at all is unresolved.
            if (!_index.HasValidationNode(reference.TargetKey))
            {
                var (file, pointer) = SchemaPaths.SplitKey(reference.TargetKey);
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, reference.Location, reference.Written, file, pointer));
            }
        }
    }

    private static EquatableArray<EnumMemberSpec> EnumMembers(EquatableArray<string> values)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberSpec>();
        foreach (var value in values)
        {
            var name = Naming.ToPascalCase(value);
            var unique = name;
            for (var i = 2; !used.Add(unique); i++)
            {
                unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            members.Add(new EnumMemberSpec(unique, value));
        }

        return members.ToEquatableArray();
    }

    private string FullName(string? container, string name)
        => "global::" + _options.Namespace + "." + (container is null ? string.Empty : container + ".") + name;

    private string HintName(string? container, string name)
        => _options.Namespace + "." + (container is null ? string.Empty : container + ".") + name + ".g.cs";
}
