using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using Newtonsoft.Json.Linq;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// One pass over every place a sub-schema can stand: reports keywords CaseContracts would not enforce
/// (so no part of a schema is silently ignored; vendor <c>x-…</c> keywords are allowed), misspelt
/// <c>type</c> names, and collects every <c>$ref</c> so the resolver can check each one exactly once.
/// </summary>
internal sealed class SchemaScanner
{
    private readonly string _path;
    private readonly JsonLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;

    private SchemaScanner(string path, JsonLocator locator, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _locator = locator;
        _diagnostics = diagnostics;
    }

    public List<SchemaReference> References { get; } = new();

    public static List<SchemaReference> Scan(string path, JObject root, JsonLocator locator, List<DiagnosticInfo> diagnostics)
    {
        var scanner = new SchemaScanner(path, locator, diagnostics);
        scanner.Visit(root);
        return scanner.References;
    }

    private void Visit(JObject schema)
    {
        foreach (var property in schema.Properties())
        {
            var keyword = property.Name;
            if (!SchemaKeywords.Supported.Contains(keyword) && !SchemaKeywords.IsVendorExtension(keyword))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedKeyword, _locator.NameOf(property), keyword));
                continue;
            }

            switch (keyword)
            {
                case "items" when property.Value is JArray:
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedKeyword, _locator.NameOf(property), "items (array form)"));
                    continue;
                case "$ref" when property.Value is JValue { Type: JTokenType.String } reference:
                    var written = (string)reference!;
                    References.Add(new SchemaReference(written, SchemaPaths.ResolveReference(_path, written), _locator.ValueOf(reference), SchemaPaths.Key(_path, PointerOf(schema))));
                    continue;
                case "$ref":
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.ValueOf(property.Value), "'$ref' must be a string"));
                    continue;
                case "type":
                    CheckTypeNames(property.Value);
                    continue;
            }

            foreach (var subSchema in SchemaKeywords.SubSchemas(keyword, property.Value))
            {
                Visit(subSchema);
            }
        }
    }

    /// <summary>The JSON pointer of a schema inside its file, from the names and indexes that lead to it.</summary>
    private static string PointerOf(JToken schema)
    {
        var segments = new List<string>();
        for (var token = schema; token.Parent is { } parent; token = parent)
        {
            if (parent is JProperty property)
            {
                segments.Add(SchemaPaths.EscapePointerSegment(property.Name));
            }
            else if (parent is JArray array)
            {
                segments.Add(array.IndexOf(token).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        segments.Reverse();
        return SchemaPaths.RootPointer + string.Concat(segments.Select(segment => "/" + segment));
    }

    private void CheckTypeNames(JToken type)
    {
        var names = type is JArray array ? (IEnumerable<JToken>)array : new[] { type };
        foreach (var name in names)
        {
            if (name.Type != JTokenType.String || !SchemaKeywords.TypeNames.Contains((string)name!))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.ValueOf(name),
                    $"'type' must be one of string, integer, number, boolean, object, array, null (found {name.ToString(Newtonsoft.Json.Formatting.None)})"));
            }
        }
    }
}
