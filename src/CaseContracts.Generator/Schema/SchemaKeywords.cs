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
    /// <summary>Keywords that are read (as structure, assertion or annotation), the rules' included. Anything else is reported.</summary>
    public static readonly HashSet<string> Supported = new(new[]
    {
        // structure and annotations
        "$schema", "$comment", "title", "description", "default", "examples", "readOnly", "writeOnly",
        "definitions", "format", "contentMediaType", "contentEncoding",
        // shape and applicators, const and enum (not rules: see docs/architecture.md, "One rule per keyword")
        "type", "properties", "required", "additionalProperties", "enum", "const",
        "items", "$ref", "allOf", "anyOf", "oneOf",
    }.Concat(Rules.AssertionRules.All.Select(rule => rule.Keyword)).Concat(Rules.ApplicatorRules.Keywords), StringComparer.Ordinal);

    /// <summary>Where each applicator keeps its sub-schemas. A keyword not listed holds data.</summary>
    private static readonly Dictionary<string, SubSchemaShape> s_shapes = new(StringComparer.Ordinal)
    {
        ["properties"] = SubSchemaShape.Map,
        ["definitions"] = SubSchemaShape.Map,
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
