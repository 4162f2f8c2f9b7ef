using System.Collections.Generic;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// One pass over every schema position: reports keywords CaseContracts would not enforce (so no part of a
/// schema is silently ignored; vendor <c>x-…</c> keywords are allowed), misspelt <c>type</c> names, and
/// collects every <c>$ref</c> so the resolver can check each one exactly once.
/// </summary>
internal sealed class SchemaScanner
{
    private readonly string _path;
    private readonly SchemaLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;

    private SchemaScanner(string path, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _locator = locator;
        _diagnostics = diagnostics;
    }

    public List<SchemaReference> References { get; } = new();

    public static List<SchemaReference> Scan(string path, SchemaNode root, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        var scanner = new SchemaScanner(path, locator, diagnostics);
        scanner.Visit(root);
        return scanner.References;
    }

    private void Visit(SchemaNode schema)
    {
        if (!schema.IsObject)
        {
            return;
        }

        foreach (var property in schema.Keywords)
        {
            var keyword = property.Name;
            if (!SchemaKeywords.Supported.Contains(keyword))
            {
                if (SchemaKeywords.Constraining.Contains(keyword))
                {
                    // Fail closed: a keyword that would reject values is never dropped without a word.
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedKeyword, _locator.NameOf(property), keyword));
                }
                else if (!SchemaKeywords.IsVendorExtension(keyword) && SchemaKeywords.LikelyMeant(keyword) is { } meant)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MisspeltKeyword, _locator.NameOf(property), keyword, meant));
                }

                continue;
            }

            switch (keyword)
            {
                case "$ref" when property.Value.Kind == JsonNodeKind.String:
                    var written = property.Value.Text!;
                    References.Add(new SchemaReference(written, schema.ResolveReference(written), _locator.ValueOf(property.Value), schema.Key));
                    continue;
                case "$ref":
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.ValueOf(property.Value), "'$ref' must be a string"));
                    continue;
                case "type" when property.Value is { Kind: JsonNodeKind.Array, Items.Count: 0 }:
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.NameOf(property),
                        "'type' must name at least one type: an empty list allows no value (and no draft allows it)"));
                    continue;
                case "type":
                    CheckTypeNames(property.Value);
                    continue;
            }

            foreach (var subSchema in schema.Children(keyword))
            {
                Visit(subSchema);
            }
        }
    }

    private void CheckTypeNames(JsonNode type)
    {
        var names = type.Kind == JsonNodeKind.Array ? type.Items : new[] { type };
        foreach (var name in names)
        {
            if (name.Kind != JsonNodeKind.String || !SchemaKeywords.TypeNames.Contains(name.Text!))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, _locator.ValueOf(name),
                    $"'type' must be one of string, integer, number, boolean, object, array, null (found {name.ToJson()})"));
            }
        }
    }
}
