using CaseContracts.Generator.Model.Api;

namespace CaseContracts.Generator.Model.Specs;

/// <summary>
/// An operation of an OpenAPI document, fully resolved for its emitter (<see cref="Emit.ApiOperationEmitter"/>):
/// C# names, typed parameters with the validator of each, the request body's type, one result factory per
/// declared response, and the error format of its document.
/// </summary>
/// <param name="Name">The operation id as a C# name (<c>GetTicket</c> → <c>GetTicketParameters</c>, <c>GetTicketResult</c>, <c>MapGetTicket</c>).</param>
/// <param name="ApiName">The document's <c>info.title</c> as a C# name (<c>Tickets</c> → <c>MapTicketsApi</c>).</param>
/// <param name="RequestBodyType">The request body's generated type, <c>global::</c>-qualified, or null when the operation takes none.</param>
/// <param name="RequiresAuthorization">The operation's <c>security</c> names at least one scheme.</param>
/// <param name="DocumentFile">The declaring document's file name, for documentation.</param>
/// <param name="DocumentPath">The declaring document's path (where a failure to emit is reported).</param>
internal sealed record ApiOperationSpec(
    string Namespace,
    string HintName,
    string OperationId,
    string Name,
    string ApiName,
    string Method,
    string Path,
    string? Summary,
    string? Description,
    EquatableArray<string> Tags,
    EquatableArray<ApiParameterSpec> Parameters,
    string? RequestBodyType,
    bool RequestBodyRequired,
    EquatableArray<ApiResponseSpec> Responses,
    bool RequiresAuthorization,
    ApiErrorProfile ErrorProfile,
    string DocumentFile,
    string DocumentPath);
