namespace CaseContracts.Generator.Model;

/// <summary>
/// An HTTP operation declared by the <c>x-operation</c> keyword at the root of a request schema, as read
/// (checked for shape; the response reference is resolved later, across files).
/// </summary>
/// <param name="Method">The HTTP method, upper case (<c>POST</c>, <c>PUT</c> or <c>PATCH</c>: the schema is the request body).</param>
/// <param name="Route">The route template, starting with <c>/</c>.</param>
/// <param name="OperationId">The declared <c>operationId</c>, or null for the default (derived from the request's type name).</param>
/// <param name="ResponseReference">The <c>response</c> value as written (a <c>$ref</c>-style reference to a schema).</param>
/// <param name="ResponseKey">The key <see cref="ResponseReference"/> resolves to.</param>
/// <param name="Tags">OpenAPI tags; empty for the default (the operation id).</param>
/// <param name="Location">The <c>x-operation</c> keyword (where operation-level problems are reported).</param>
/// <param name="ResponseLocation">The <c>response</c> value (where an unresolvable response is reported).</param>
internal sealed record OperationDeclaration(
    string Method,
    string Route,
    string? OperationId,
    string ResponseReference,
    string ResponseKey,
    string? Summary,
    string? Description,
    EquatableArray<string> Tags,
    SourceLocation Location,
    SourceLocation ResponseLocation);
