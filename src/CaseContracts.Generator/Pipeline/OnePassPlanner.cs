using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Rules;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// Decides where the validating reader can check a value in the same pass that binds it, and where it
/// must fall back to validating a copy first. Every fast path is used only where it is provably the
/// same verdict as the schema position's own validator; everything else takes the fallback.
/// </summary>
internal sealed class OnePassPlanner
{
    private readonly Dictionary<string, ValidationNode> _nodes;
    private readonly SchemaIndex _index;
    private readonly GeneratorOptions _options;

    public OnePassPlanner(SchemaDocument document, SchemaIndex index, GeneratorOptions options)
    {
        // A $ref that closes a cycle is, as its validator is, a position that accepts nothing: no fast path
        // may read past it to its target.
        var cycles = ReferenceCycles.Of(index);
        _nodes = document.ValidationNodes
            .Select(n => cycles.Closes(n.Key) ? n with { RefKey = null, AlwaysFails = true } : n)
            .Select(n => AssertionRules.Enforced(n, options.AssertFormats))
            .GroupBy(n => n.Key).ToDictionary(g => g.Key, g => g.First());
        _index = index;
        _options = options;
    }

    public string Validator(string key) => ValidatorNames.Method(key, _options);

    /// <summary>A record is simple when its schema position asserts nothing beyond its shape.</summary>
    public bool IsSimpleObject(NamedSchema schema, IReadOnlyList<PropertySpec> properties)
        => _nodes.TryGetValue(schema.Key, out var node) && AssertsOnlyObjectShape(node, properties.Select(p => p.JsonName));

    /// <summary>
    /// An object's schema position asserts its shape alone: type object (or null), exactly these properties,
    /// required ones among them, unknown ones allowed or not, nothing else.
    /// </summary>
    public static bool AssertsOnlyObjectShape(ValidationNode node, IEnumerable<string> propertyNames)
    {
        if (!AssertsOnlyShape(node) || !node.Types.Contains("object") || node.Types.Any(t => t is not ("object" or "null")) || node.AdditionalPropertiesKey is not null)
        {
            return false;
        }

        var names = new HashSet<string>(node.Properties.Select(p => p.Name));
        return names.SetEquals(propertyNames) && node.Required.All(names.Contains);
    }

    /// <summary>A union is simple when its schema position is only the discriminated <c>oneOf</c>, and no member rejects every value.</summary>
    public bool IsSimpleUnion(NamedSchema schema)
        => _nodes.TryGetValue(schema.Key, out var node) && node.Types.IsEmpty && node.ConstJson is null && node.EnumJson.IsEmpty
           && node.AllOf.IsEmpty && node.AnyOf.IsEmpty && node.RefKey is null && !node.AlwaysFails
           && node.Properties.IsEmpty && node.Required.IsEmpty && !node.RejectsAdditionalProperties && node.Assertions.IsEmpty && node.Applications.IsEmpty
           && !node.OneOf.Any(member => _nodes.TryGetValue(member, out var m) && m.AlwaysFails);

    public OnePassRead Plan(string ownerKey, SchemaProperty property, ValueSpec? value)
    {
        var key = ownerKey + "/properties/" + SchemaPaths.EscapePointerSegment(property.JsonName);
        return _nodes.TryGetValue(key, out var node)
            ? Plan(node, property.Value, property.ConstJson, value)
            : new OnePassRead(ReadMode.Fallback, Validator(key));
    }

    /// <summary>
    /// The plan for a property whose schema position is <paramref name="node"/>: one of this file's, or, for the
    /// members a union reads for all its variants, a variant's (<see cref="Model.MemberSummary"/>).
    /// </summary>
    public OnePassRead Plan(ValidationNode node, SchemaValue schemaValue, string? constJson, ValueSpec? value)
    {
        node = AssertionRules.Enforced(node, _options.AssertFormats);
        var validator = Validator(node.Key);
        if (value is null)
        {
            // A fixed value (const, or null only): when that is all its schema asserts, matching it is validity.
            return new OnePassRead(ReadMode.Scalar, validator, BindImpliesValid: FixedValueOnly(node, constJson ?? "null", _options.AssertFormats));
        }

        if (IsScalar(value.Kind))
        {
            var bindImpliesValid = BindImpliesValid(node, value);
            return new OnePassRead(ReadMode.Scalar, validator, BindImpliesValid: bindImpliesValid, TypeMessage: bindImpliesValid ? TypeAlone(node, value) : null);
        }

        var named = schemaValue.Kind == SchemaValueKind.Named ? schemaValue.NamedKey : null;
        // A union of kinds reads by validating a copy anyway; as a fallback its null (a member of the union) binds too.
        if (value.Kind == ValueKind.Record && named is not null && _index.Find(named) is not { Kind: NamedSchemaKind.KindUnion })
        {
            if (node.Key == named || node.RefKey == named)
            {
                return new OnePassRead(ReadMode.Record, validator);
            }

            if (IsNullableReference(node, named) && _index.Find(named) is { IsStrictObject: true })
            {
                return new OnePassRead(ReadMode.Record, validator, NullBeforeRecord: true);
            }
        }

        if (value.Kind == ValueKind.Array && value.Element is { } element && node.ItemsKey is { } itemsKey && IsPlainArray(node))
        {
            if (IsScalar(element.Kind))
            {
                var elementBindImpliesValid = _nodes.TryGetValue(itemsKey, out var itemsNode) && BindImpliesValid(itemsNode, element);
                return new OnePassRead(ReadMode.Array, validator, ItemsValidator: Validator(itemsKey), ElementMode: ReadMode.Scalar, ElementBindImpliesValid: elementBindImpliesValid,
                    ElementTypeMessage: elementBindImpliesValid ? TypeAlone(itemsNode!, element) : null);
            }

            var elementNamed = schemaValue.Element is { Kind: SchemaValueKind.Named } e ? e.NamedKey : null;
            if (element.Kind == ValueKind.Record && !element.Nullable && elementNamed is not null
                && _nodes.TryGetValue(itemsKey, out var items) && (items.Key == elementNamed || items.RefKey == elementNamed))
            {
                return new OnePassRead(ReadMode.Array, validator, ItemsValidator: Validator(itemsKey), ElementMode: ReadMode.Record);
            }
        }

        return new OnePassRead(ReadMode.Fallback, validator);
    }

    /// <summary>
    /// Strings, booleans and string enums whose schema asserts nothing beyond their type (and enum): a
    /// token that binds is valid. Numbers are left out: a valid number can still fail to fit its C# type.
    /// </summary>
    private bool BindImpliesValid(ValidationNode node, ValueSpec value)
    {
        var expected = value.Kind switch
        {
            ValueKind.String or ValueKind.Enum => "string",
            ValueKind.Boolean => "boolean",
            _ => null,
        };
        var enumOnly = value.Kind == ValueKind.Enum ? node.EnumJson.All(e => e.StartsWith("\"", System.StringComparison.Ordinal)) : node.EnumJson.IsEmpty;
        return expected is not null && enumOnly && node.Types.Contains(expected) && node.Types.All(t => t == expected || (t == "null" && value.Nullable))
               && AssertsNothingElse(node with { EnumJson = default }, allowOneOf: false) && node.ItemsKey is null;
    }

    /// <summary>
    /// For a value whose binding implies validity: when the schema asserts nothing but its type (no enum), the message
    /// of the type error, the one error a value that does not bind can have; otherwise null.
    /// </summary>
    private static string? TypeAlone(ValidationNode node, ValueSpec value)
        => value.Kind is ValueKind.String or ValueKind.Boolean && node.EnumJson.IsEmpty ? node.TypeMessage : null;

    /// <summary>
    /// The schema position asserts only that the value is <paramref name="fixedJson"/> (a string or <c>null</c>),
    /// so a token equal to it is valid (a <c>format</c> counts as an assertion when <paramref name="assertFormats"/>).
    /// </summary>
    public static bool FixedValueOnly(ValidationNode node, string fixedJson, bool assertFormats)
    {
        node = AssertionRules.Enforced(node, assertFormats);
        var isNull = fixedJson == "null";
        var isString = fixedJson.StartsWith("\"", System.StringComparison.Ordinal);
        if (!isNull && !isString)
        {
            return false;
        }

        var types = isNull ? new[] { "null" } : new[] { "string" };
        var fixedByConst = node.ConstJson == fixedJson || (node.ConstJson is null && isNull && node.Types.Count == 1 && node.Types[0] == "null");
        return fixedByConst && node.Types.All(t => types.Contains(t))
               && AssertsNothingElse(node with { ConstJson = null }, allowOneOf: false) && node.ItemsKey is null;
    }

    private static bool IsScalar(ValueKind kind) => kind is ValueKind.String or ValueKind.Integer or ValueKind.Number or ValueKind.Boolean or ValueKind.Enum;

    /// <summary><c>oneOf: [{"$ref": named}, {"type": "null"}]</c>, in either order.</summary>
    private bool IsNullableReference(ValidationNode node, string named)
        => node.OneOf.Count == 2 && AssertsNothingElse(node, allowOneOf: true)
           && node.OneOf.Count(k => _nodes.TryGetValue(k, out var m) && m.RefKey == named) == 1
           && node.OneOf.Count(k => _nodes.TryGetValue(k, out var m) && m.Types.Count == 1 && m.Types[0] == "null" && AssertsNothingElse(m, allowOneOf: false)) == 1;

    private static bool IsPlainArray(ValidationNode node)
        => node.Types.Contains("array") && node.Types.All(t => t is "array" or "null") && AssertsNothingElse(node, allowOneOf: false);

    private static bool AssertsOnlyShape(ValidationNode node)
        => node.ConstJson is null && node.EnumJson.IsEmpty && node.AllOf.IsEmpty && node.AnyOf.IsEmpty && node.OneOf.IsEmpty
           && node.RefKey is null && !node.AlwaysFails && node.Assertions.IsEmpty && node.Applications.IsEmpty;

    /// <summary>No assertion besides <c>type</c>, <c>items</c> (and <c>oneOf</c> when allowed).</summary>
    private static bool AssertsNothingElse(ValidationNode node, bool allowOneOf)
        => node.ConstJson is null && node.EnumJson.IsEmpty
           && node.Assertions.IsEmpty && node.Applications.IsEmpty && node.Properties.IsEmpty && node.Required.IsEmpty && !node.RejectsAdditionalProperties
           && node.AdditionalPropertiesKey is null && node.AllOf.IsEmpty && node.AnyOf.IsEmpty && (allowOneOf || node.OneOf.IsEmpty)
           && node.RefKey is null && !node.AlwaysFails;
}
