using System.Collections.Generic;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using Newtonsoft.Json.Linq;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Finds keywords CaseContracts would not enforce, at every depth where a sub-schema can stand, so
/// that no part of a schema is silently ignored. Vendor keywords (<c>x-…</c>) are allowed.
/// </summary>
internal static class UnsupportedKeywordScanner
{
    public static void Scan(JObject schema, JsonLocator locator, List<DiagnosticInfo> diagnostics)
    {
        foreach (var property in schema.Properties())
        {
            var keyword = property.Name;
            if (!SchemaKeywords.Supported.Contains(keyword) && !SchemaKeywords.IsVendorExtension(keyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedKeyword, locator.NameOf(property), keyword));
                continue;
            }

            if (keyword == "items" && property.Value is JArray)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedKeyword, locator.NameOf(property), "items (array form)"));
                continue;
            }

            foreach (var subSchema in SubSchemas(keyword, property.Value))
            {
                Scan(subSchema, locator, diagnostics);
            }
        }
    }

    private static IEnumerable<JObject> SubSchemas(string keyword, JToken value)
    {
        if (System.Array.IndexOf(SchemaKeywords.SchemaMaps, keyword) >= 0 && value is JObject map)
        {
            foreach (var entry in map.Properties())
            {
                if (entry.Value is JObject sub)
                {
                    yield return sub;
                }
            }
        }
        else if (System.Array.IndexOf(SchemaKeywords.SchemaArrays, keyword) >= 0 && value is JArray array)
        {
            foreach (var item in array)
            {
                if (item is JObject sub)
                {
                    yield return sub;
                }
            }
        }
        else if (System.Array.IndexOf(SchemaKeywords.SingleSchemas, keyword) >= 0 && value is JObject single)
        {
            yield return single;
        }
    }
}
