namespace CaseContracts.Generator.Model;

/// <summary>
/// Everything read from one schema file: its named schemas, the references it makes and the
/// problems found in it. The unit of caching: an edit to one file re-reads only that file.
/// </summary>
internal sealed record SchemaDocument(
    string FilePath,
    EquatableArray<NamedSchema> Schemas,
    EquatableArray<SchemaReference> References,
    EquatableArray<Validation.ValidationNode> ValidationNodes,
    EquatableArray<DiagnosticInfo> Diagnostics);
