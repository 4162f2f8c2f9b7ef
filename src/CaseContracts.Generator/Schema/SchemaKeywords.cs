using System;
using System.Collections.Generic;
using System.Linq;

namespace CaseContracts.Generator.Schema;

/// <summary>How a keyword holds sub-schemas, if it does: what makes a schema position a position.</summary>
internal enum SubSchemaShape
{
    /// <summary>The value is data (<c>const</c>, <c>minLength</c>…), not a schema.</summary>
    None,

    /// <summary>The value is one schema (<c>items</c>, <c>additionalProperties</c>).</summary>
    Single,

    /// <summary>The value is an array of schemas (<c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>).</summary>
    Array,

    /// <summary>The value is one schema or an array of schemas (draft 7's <c>items</c>).</summary>
    SingleOrArray,

    /// <summary>The value is an object of named schemas (<c>properties</c>, <c>definitions</c>).</summary>
    Map,
}

/// <summary>The draft-07 keywords CaseContracts understands, and where sub-schemas live.</summary>
internal static class SchemaKeywords
{
    /// <summary>
    /// Keywords that never constrain a value, in any draft: annotations (title, description, default, examples,
    /// deprecated, readOnly, writeOnly, content* (annotations since 2019-09, never asserted by draft 7 either),
    /// identifiers and dialect markers (<c>$id</c>, draft 4's <c>id</c>, <c>$anchor</c>, <c>$vocabulary</c>: a
    /// reference they would resolve is reported by the reference check if nothing else resolves it), and the
    /// editor extensions common in the wild. Known silently.
    /// </summary>
    public static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$vocabulary", "$comment",
        "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
        "contentMediaType", "contentEncoding", "contentSchema", "definitions", "$defs",
        // editors (VS Code, SchemaStore, IntelliJ)
        "markdownDescription", "markdownEnumDescriptions", "enumDescriptions", "deprecationMessage", "errorMessage",
        "patternErrorMessage", "doNotSuggest", "suggestSortText", "defaultSnippets", "allowComments", "allowTrailingCommas",
        "tsType", "$ref_comment",
    };

    /// <summary>
    /// Every keyword of drafts 3 to 2020-12 that constrains a value (assertions and applicators). One the
    /// validators do not enforce is reported (CC0003), never ignored silently.
    /// </summary>
    public static readonly HashSet<string> Constraining = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "format", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
        "maxProperties", "minProperties", "required", "dependentRequired", "dependencies",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
        "prefixItems", "items", "additionalItems", "contains", "properties", "patternProperties", "additionalProperties",
        "propertyNames", "unevaluatedItems", "unevaluatedProperties", "$ref", "$dynamicRef", "$recursiveRef",
        // draft 3, so that a schema written for it is never read as weaker than it is
        "disallow", "extends", "divisibleBy",
    };

    /// <summary>Keywords that are read (as structure, assertion or annotation), the rules' included. A constraining keyword not here is reported.</summary>
    public static readonly HashSet<string> Supported = new(new[]
    {
        "format",
        // shape and applicators, const and enum (not rules: see docs/architecture.md, "One rule per keyword")
        "type", "properties", "required", "additionalProperties", "enum", "const",
        "items", "$ref", "allOf", "anyOf", "oneOf", "$dynamicRef", "$recursiveRef",
    }.Concat(Rules.AssertionRules.All.Select(rule => rule.Keyword)).Concat(Rules.ApplicatorRules.Keywords).Concat(Annotations), StringComparer.Ordinal);

    /// <summary>
    /// The known keyword an unknown one is probably a misspelling of (one edit for short names, two for longer
    /// ones, case ignored), or null: an unknown keyword is ignored as the specification says, and said only
    /// when it looks like a mistake.
    /// </summary>
    public static string? LikelyMeant(string unknown)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var allowed = unknown.Length <= 5 ? 1 : 2;
        foreach (var known in Annotations.Concat(Constraining).Concat(Supported))
        {
            var distance = Analyzers.Fixes.EditDistance.Between(unknown.ToLowerInvariant(), known.ToLowerInvariant());
            if (distance <= allowed && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(known, best) < 0)))
            {
                best = known;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Where each applicator keeps its sub-schemas. A keyword not listed holds data.</summary>
    private static readonly Dictionary<string, SubSchemaShape> s_shapes = new(StringComparer.Ordinal)
    {
        ["properties"] = SubSchemaShape.Map,
        ["definitions"] = SubSchemaShape.Map,
        ["$defs"] = SubSchemaShape.Map,
        ["allOf"] = SubSchemaShape.Array,
        ["anyOf"] = SubSchemaShape.Array,
        ["oneOf"] = SubSchemaShape.Array,
        ["items"] = SubSchemaShape.SingleOrArray,
        ["additionalItems"] = SubSchemaShape.Single,
        ["contains"] = SubSchemaShape.Single,
        ["propertyNames"] = SubSchemaShape.Single,
        ["not"] = SubSchemaShape.Single,
        ["if"] = SubSchemaShape.Single,
        ["then"] = SubSchemaShape.Single,
        ["else"] = SubSchemaShape.Single,
        ["patternProperties"] = SubSchemaShape.Map,
        // Only the entries that are schemas (an array entry lists names).
        ["dependencies"] = SubSchemaShape.Map,
        ["dependentSchemas"] = SubSchemaShape.Map,
        ["prefixItems"] = SubSchemaShape.Array,
        ["unevaluatedItems"] = SubSchemaShape.Single,
        ["unevaluatedProperties"] = SubSchemaShape.Single,
        ["additionalProperties"] = SubSchemaShape.Single,
    };

    /// <summary>Vendor extensions (<c>x-…</c>) are allowed and ignored unless a feature reads them.</summary>
    public static bool IsVendorExtension(string keyword) => keyword.StartsWith("x-", StringComparison.Ordinal);

    public static SubSchemaShape ShapeOf(string keyword) => s_shapes.TryGetValue(keyword, out var shape) ? shape : SubSchemaShape.None;

    /// <summary>The JSON type names draft-07 defines for <c>type</c>.</summary>
    public static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        "string", "integer", "number", "boolean", "object", "array", "null",
    };
}
