namespace CaseContracts.Generator.Model.Api;

/// <summary>
/// An OpenAPI 3.1 document (<c>*.openapi.json</c> in the schema folder) as read: the HTTP operations it
/// declares, over the types of the JSON Schema files. Checked for shape by the reader; its <c>$ref</c>s to the
/// schema files are resolved later, across files (<see cref="Pipeline.Stages.ApiOperationStage"/>).
/// </summary>
/// <param name="Title">The document's <c>info.title</c>.</param>
/// <param name="Version">The document's <c>info.version</c>.</param>
/// <param name="ErrorProfile">The body errors are written in (<c>x-error-profile</c>).</param>
/// <param name="Operations">Every operation, in document order; one with a problem is left out.</param>
/// <param name="SecuritySchemes">The document's <c>components.securitySchemes</c>.</param>
/// <param name="Served">The document as written, with slots for what the served document adds (<see cref="Schema.OpenApiDocumentWriter"/>).</param>
internal sealed record ApiDocument(
    string FilePath,
    string Title,
    string Version,
    ApiErrorProfile ErrorProfile,
    EquatableArray<ApiOperation> Operations,
    EquatableArray<ApiSecurityScheme> SecuritySchemes,
    ServedDocumentText Served);
