namespace CaseContracts.Generator.Model;

/// <summary>
/// Everything read from one schema file: its named schemas, the references it makes and the
/// problems found in it. The unit of caching: an edit to one file re-reads only that file.
/// </summary>
/// <param name="Operation">The operation declared by <c>x-operation</c> at the file's root, if any.</param>
/// <param name="Components">The root and definitions as JSON text, for OpenAPI documents.</param>
/// <param name="Api">For an OpenAPI document (<c>*.openapi.json</c>), the operations it declares; null for a schema file.</param>
/// <param name="Dialect">The URI its <c>$schema</c> names when that is no draft's (a custom meta-schema), else null.</param>
/// <param name="Vocabularies">The vocabularies its root's <c>$vocabulary</c> lists, when it is a meta-schema (2019-09 on).</param>
/// <param name="Uris">The absolute URIs the file gives its positions (<c>$id</c>s, anchors, its URI under <c>CaseContractsSchemaBaseUri</c>): how other files may refer to them.</param>
internal sealed record SchemaDocument(
    string FilePath,
    EquatableArray<NamedSchema> Schemas,
    EquatableArray<SchemaReference> References,
    EquatableArray<Validation.ValidationNode> ValidationNodes,
    EquatableArray<DiagnosticInfo> Diagnostics,
    OperationDeclaration? Operation = null,
    EquatableArray<SchemaComponentText> Components = default,
    Api.ApiDocument? Api = null,
    EquatableArray<PublishedUri> Uris = default,
    string? Dialect = null,
    EquatableArray<string> Vocabularies = default);

/// <summary>An absolute URI a schema file registers (without an empty fragment; an anchor's stays) and the key of the position it names.</summary>
internal sealed record PublishedUri(string Uri, string Key);
