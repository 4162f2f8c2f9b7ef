using System;
using System.Collections.Generic;

namespace CaseContracts.Generator.Schema;

/// <summary>The draft-07 keywords CaseContracts understands, and where sub-schemas live.</summary>
internal static class SchemaKeywords
{
    /// <summary>Keywords that are read (as structure, assertion or annotation). Anything else is reported.</summary>
    public static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        // structure and annotations
        "$schema", "$comment", "title", "description", "default", "examples", "readOnly", "writeOnly",
        "definitions", "format", "contentMediaType", "contentEncoding",
        // assertions and applicators
        "type", "properties", "required", "additionalProperties", "enum", "const",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "items", "minItems", "maxItems", "uniqueItems", "$ref", "allOf", "anyOf", "oneOf",
    };

    /// <summary>Vendor extensions (<c>x-…</c>) are allowed and ignored unless a feature reads them.</summary>
    public static bool IsVendorExtension(string keyword) => keyword.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>Keywords whose value is an object of named sub-schemas.</summary>
    public static readonly string[] SchemaMaps = { "properties", "definitions" };

    /// <summary>Keywords whose value is an array of sub-schemas.</summary>
    public static readonly string[] SchemaArrays = { "allOf", "anyOf", "oneOf" };

    /// <summary>Keywords whose value is one sub-schema (when it is an object).</summary>
    public static readonly string[] SingleSchemas = { "items", "additionalProperties" };
}
