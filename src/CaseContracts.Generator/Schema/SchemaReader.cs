using System;
using System.Linq;
using System.Collections.Generic;
using System.Threading;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// The one place schema text is read: text → located JSON → <see cref="SchemaNode"/> tree →
/// <see cref="SchemaDocument"/>. The text is parsed once; types, validation rules, references, the
/// operation and the OpenAPI texts are all read from the same nodes. Never throws for bad input: a bad
/// file yields located diagnostics and whatever could be read.
/// </summary>
internal static class SchemaReader
{
    /// <summary>Deeper than any instance the readers accept: a schema nests keywords between its levels.</summary>
    private const int MaxSchemaDepth = 256;

    /// <summary>Reads one schema file.</summary>
    /// <param name="filePath">The AdditionalFile's path (diagnostics are reported against it).</param>
    /// <param name="text">Its text; null when the compiler could not read it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="checkMetaSchema">Validate the file against its draft's meta-schema (off only to read a meta-schema itself).</param>
    /// <param name="defaultDraft">The draft of a file without <c>$schema</c> (<c>CaseContractsDefaultDraft</c>).</param>
    /// <param name="fileUri">The file's URI under the project's <c>CaseContractsSchemaBaseUri</c>, or null (then its <c>file://</c> path).</param>
    public static SchemaDocument Read(string filePath, SourceText? text, CancellationToken cancellationToken, bool checkMetaSchema = true, SchemaDraft defaultDraft = SchemaDrafts.Default, string? fileUri = null)
    {
        if (text is null)
        {
            return Empty(SchemaPaths.Normalize(filePath), new List<DiagnosticInfo>
            {
                DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, SourceLocation.StartOf(filePath), filePath, "the file could not be read"),
            });
        }

        var path = SchemaPaths.Normalize(filePath);
        var locator = new SchemaLocator(filePath, text);
        var diagnostics = new List<DiagnosticInfo>();

        var parsed = JsonTextParser.Parse(text.ToString(), allowComments: true, maxDepth: MaxSchemaDepth);
        if (parsed.Root is not { } root)
        {
            var error = parsed.Error!;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.Span(error.Start, error.Length), filePath, error.Message));
            return Empty(path, diagnostics);
        }

        if (FirstDuplicateName(root) is { } duplicate)
        {
            // Which of the two a reader keeps differs between readers: the schema would mean different things.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.NameOf(duplicate), filePath,
                $"the property name '{duplicate.Name}' appears twice in the same object"));
            return Empty(path, diagnostics);
        }

        if (OpenApiDocumentReader.IsOpenApiFileName(path))
        {
            // An OpenAPI document declares operations over the schema files' types; it holds no schemas itself.
            var parameterSchemas = new List<Model.Validation.ValidationNode>();
            var api = OpenApiDocumentReader.Read(path, root, locator, diagnostics, parameterSchemas);
            return new SchemaDocument(path, default, default, parameterSchemas.ToEquatableArray(), diagnostics.ToEquatableArray(), Api: api);
        }

        if (!IsSchemaFileName(path) && (root.Kind != JsonNodeKind.Object || root.FirstMember("$schema") is null))
        {
            // Example payloads and other JSON may sit beside the schemas: say so once, then leave them alone.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotASchema, locator.FileStart, filePath,
                "its name does not end in .schema.json and it has no \"$schema\""));
            return Empty(path, diagnostics);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var schema = SchemaNode.Root(path, root, DraftOf(root, defaultDraft), fileUri);
        if (schema.IsBoolean)
        {
            // A boolean schema (true: anything, false: nothing) has assertions but no types.
            return new SchemaDocument(path, default, default, ConstraintReader.Read(schema, locator, diagnostics).ToEquatableArray(), diagnostics.ToEquatableArray(), Uris: UrisOf(schema));
        }

        if (!schema.IsObject)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, locator.Of(schema), "the root of a schema file must be a JSON object or a boolean"));
            return Empty(path, diagnostics);
        }

        var references = SchemaScanner.Scan(path, schema, locator, diagnostics);
        var validationNodes = ConstraintReader.Read(schema, locator, diagnostics);
        var operation = OperationReader.Read(path, schema, locator, diagnostics);
        var components = ComponentReader.Read(path, schema).ToEquatableArray();
        var walker = new SchemaWalker(path, locator, diagnostics);
        walker.ReadDocument(schema);
        walker.ReadReferenced(schema, references);
        if (checkMetaSchema)
        {
            // Last: where a reader has already reported something more specific, the meta-schema's finding stays unsaid.
            MetaSchemaCheck.Check(schema, locator, diagnostics);
        }

        return new SchemaDocument(path, walker.Schemas.ToEquatableArray(), references.ToEquatableArray(), validationNodes.ToEquatableArray(), diagnostics.ToEquatableArray(), operation, components, Uris: UrisOf(schema),
            Dialect: DialectOf(schema), Vocabularies: VocabulariesOf(schema));
    }

    /// <summary>The absolute URI of a <c>$schema</c> that names no draft (a custom meta-schema), without an empty fragment; else null.</summary>
    private static string? DialectOf(SchemaNode schema)
        => schema.String("$schema") is { } dialect && SchemaDrafts.FromUri(dialect) is null && Uri.TryCreate(dialect, UriKind.Absolute, out var uri)
            ? uri.AbsoluteUri.TrimEnd('#')
            : null;

    /// <summary>The vocabularies a meta-schema's <c>$vocabulary</c> lists (2019-09 on), in ordinal order.</summary>
    private static EquatableArray<string> VocabulariesOf(SchemaNode schema)
        => schema.Draft >= SchemaDraft.Draft201909 && schema.Value("$vocabulary") is { Kind: JsonNodeKind.Object } vocabulary
            ? vocabulary.Members.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()
            : default;

    private static EquatableArray<PublishedUri> UrisOf(SchemaNode schema)
        => schema.PublishedUris.Select(u => new PublishedUri(u.Key, u.Value)).OrderBy(u => u.Uri, StringComparer.Ordinal).ToEquatableArray();

    /// <summary>The draft the file's <c>$schema</c> names, else <paramref name="defaultDraft"/> (an unknown <c>$schema</c> is read as the default too; the meta-schema check skips it).</summary>
    private static SchemaDraft DraftOf(JsonNode root, SchemaDraft defaultDraft)
        => root.Kind == JsonNodeKind.Object && root.FirstMember("$schema") is { Value: { Kind: JsonNodeKind.String } uri }
            ? SchemaDrafts.FromUri(uri.Text) ?? defaultDraft
            : defaultDraft;

    public static bool IsSchemaFileName(string path) => path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);

    private static SchemaDocument Empty(string path, List<DiagnosticInfo> diagnostics)
        => new(path, default, default, default, diagnostics.ToEquatableArray());

    private static JsonMember? FirstDuplicateName(JsonNode node)
    {
        if (node.Kind == JsonNodeKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in node.Members)
            {
                if (!seen.Add(member.Name))
                {
                    return member;
                }
            }

            foreach (var member in node.Members)
            {
                if (FirstDuplicateName(member.Value) is { } inner)
                {
                    return inner;
                }
            }
        }
        else if (node.Kind == JsonNodeKind.Array)
        {
            foreach (var item in node.Items)
            {
                if (FirstDuplicateName(item) is { } inner)
                {
                    return inner;
                }
            }
        }

        return null;
    }
}
