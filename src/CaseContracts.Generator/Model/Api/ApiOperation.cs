namespace CaseContracts.Generator.Model.Api;

/// <summary>One Operation Object of an OpenAPI document: a method on a path template.</summary>
/// <param name="OperationId">The declared <c>operationId</c> (it names the generated C# members).</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template (<c>/api/tickets/{id}</c>).</param>
/// <param name="Parameters">Path-item and operation parameters merged (the operation's win), in declaration order.</param>
/// <param name="RequestBody">The JSON request body, or null when the operation takes none.</param>
/// <param name="Responses">Every declared response, in document order.</param>
/// <param name="Security">The security schemes one of which the operation requires (the document's unless it says otherwise); empty for none.</param>
/// <param name="Location">The method's key in the path item (where operation-level problems are reported).</param>
/// <param name="DocumentTitle">The document's <c>info.title</c> (it names the extension that maps the whole API).</param>
/// <param name="ErrorProfile">The document's <c>x-error-profile</c>: the body errors are answered with; null when it names none (the <c>CaseContractsErrorProfile</c> option, else problem details).</param>
internal sealed record ApiOperation(
    string OperationId,
    string Method,
    string Path,
    string? Summary,
    string? Description,
    EquatableArray<string> Tags,
    EquatableArray<ApiParameter> Parameters,
    ApiRequestBody? RequestBody,
    EquatableArray<ApiResponse> Responses,
    EquatableArray<string> Security,
    string FilePath,
    SourceLocation Location,
    string DocumentTitle = "",
    ApiErrorProfile? ErrorProfile = null);
