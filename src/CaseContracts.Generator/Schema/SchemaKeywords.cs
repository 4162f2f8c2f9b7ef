using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

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

    /// <summary>The JSON type names draft-07 defines for <c>type</c>.</summary>
    public static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        "string", "integer", "number", "boolean", "object", "array", "null",
    };

    /// <summary>The sub-schemas held by <paramref name="keyword"/>'s value, if it holds any.</summary>
    public static IEnumerable<JObject> SubSchemas(string keyword, JToken value)
    {
        if (Array.IndexOf(SchemaMaps, keyword) >= 0 && value is JObject map)
        {
            foreach (var entry in map.Properties())
            {
                if (entry.Value is JObject sub)
                {
                    yield return sub;
                }
            }
        }
        else if (Array.IndexOf(SchemaArrays, keyword) >= 0 && value is JArray array)
        {
            foreach (var item in array)
            {
                if (item is JObject sub)
                {
                    yield return sub;
                }
            }
        }
        else if (Array.IndexOf(SingleSchemas, keyword) >= 0 && value is JObject single)
        {
            yield return single;
        }
    }
}
