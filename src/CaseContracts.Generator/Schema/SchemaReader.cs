using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// The one place schema text is read: text → <see cref="SchemaDocument"/>. NJsonSchema reads the
/// schema model; Newtonsoft's line information places every diagnostic in the file. Never throws
/// for bad input: a bad file yields diagnostics and whatever could be read.
/// </summary>
internal static class SchemaReader
{
    private static readonly JsonLoadSettings s_loadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
    };

    /// <summary>Reads one schema file.</summary>
    /// <param name="filePath">The AdditionalFile's path (diagnostics are reported against it).</param>
    /// <param name="text">Its text; null when the compiler could not read it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static SchemaDocument Read(string filePath, SourceText? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return Empty(SchemaPaths.Normalize(filePath), new List<DiagnosticInfo>
            {
                DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, SourceLocation.StartOf(filePath), filePath, "the file could not be read"),
            });
        }

        var path = SchemaPaths.Normalize(filePath);
        var locator = new JsonLocator(filePath, text);
        var diagnostics = new List<DiagnosticInfo>();
        var json = text.ToString();

        JToken root;
        try
        {
            root = JToken.Parse(json, s_loadSettings);
        }
        catch (JsonReaderException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.At(e.LineNumber, e.LinePosition), filePath, FirstSentence(e.Message)));
            return Empty(path, diagnostics);
        }

        if (!IsSchemaFileName(path) && (root is not JObject marked || marked.Property("$schema", StringComparison.Ordinal) is null))
        {
            // Example payloads and other JSON may sit beside the schemas: say so once, then leave them alone.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotASchema, locator.FileStart, filePath,
                "its name does not end in .schema.json and it has no \"$schema\""));
            return Empty(path, diagnostics);
        }

        if (root is JValue { Type: JTokenType.Boolean })
        {
            // A boolean schema (true: anything, false: nothing) has assertions but no types.
            return new SchemaDocument(path, default, default, ConstraintReader.Read(path, root, locator, diagnostics).ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        if (root is not JObject rootObject)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, locator.ValueOf(root), "the root of a schema file must be a JSON object or a boolean"));
            return Empty(path, diagnostics);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var references = SchemaScanner.Scan(path, rootObject, locator, diagnostics);
        var validationNodes = ConstraintReader.Read(path, rootObject, locator, diagnostics);
        var operation = OperationReader.Read(path, rootObject, locator, diagnostics);
        var components = ComponentReader.Read(path, rootObject).ToEquatableArray();

        // The type model comes from NJsonSchema; where it cannot read a schema, the file still gets
        // its validators (read above), only not its types.
        JsonSchema model;
        try
        {
            model = JsonSchema.FromJsonAsync(WithoutReferences(rootObject), cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, locator.FileStart, "no types can be generated from this schema: " + FirstSentence(e.Message)));
            return new SchemaDocument(path, default, references.ToEquatableArray(), validationNodes.ToEquatableArray(), diagnostics.ToEquatableArray(), operation, components);
        }

        var walker = new SchemaWalker(path, locator, diagnostics);
        walker.ReadDocument(model, rootObject);
        return new SchemaDocument(path, walker.Schemas.ToEquatableArray(), references.ToEquatableArray(), validationNodes.ToEquatableArray(), diagnostics.ToEquatableArray(), operation, components);
    }

    /// <summary>
    /// The schema with every <c>$ref</c> renamed, for NJsonSchema. References are resolved by the
    /// generator itself, by key, among the schema AdditionalFiles: NJsonSchema's resolver would read
    /// files or URLs (a compiler must not) and loops forever on some references (<c>"#foo"</c>).
    /// </summary>
    private static string WithoutReferences(JObject root)
    {
        var copy = (JObject)root.DeepClone();
        HideReferences(copy);
        return copy.ToString(Formatting.None);
    }

    // Only at schema positions: a property *named* "$ref" inside "properties" is data, not a reference.
    private static void HideReferences(JObject schema)
    {
        if (schema.Property("$ref", StringComparison.Ordinal) is { } reference)
        {
            reference.Replace(new JProperty(HiddenReferenceKeyword, reference.Value));
        }

        foreach (var keyword in schema.Properties().ToList())
        {
            foreach (var subSchema in SchemaKeywords.SubSchemas(keyword.Name, keyword.Value))
            {
                HideReferences(subSchema);
            }
        }
    }

    private const string HiddenReferenceKeyword = "x-casecontracts-ref";

    public static bool IsSchemaFileName(string path) => path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);

    private static SchemaDocument Empty(string path, List<DiagnosticInfo> diagnostics)
        => new(path, default, default, default, diagnostics.ToEquatableArray());

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut < 0 ? message : message.Substring(0, cut)).TrimEnd('.');
    }
}
