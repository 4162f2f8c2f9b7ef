namespace CaseContracts.Generator.Model.Specs;

/// <summary>
/// A generated minimal-API endpoint, fully resolved: the operation declared by <c>x-operation</c> with its
/// request and response types and their OpenAPI schema component names.
/// </summary>
/// <param name="OperationId">The operation id as declared (or derived): the endpoint name and the OpenAPI operationId.</param>
/// <param name="Name">The operation id as a C# name (<c>CreateCase</c> → <c>MapCreateCase</c>, <c>CreateCaseEndpoint</c>…).</param>
/// <param name="RequestType">The request body's generated type, <c>global::</c>-qualified.</param>
/// <param name="ResponseType">The response's generated type, <c>global::</c>-qualified.</param>
/// <param name="RequestSchema">The request schema's OpenAPI component name.</param>
/// <param name="ResponseSchema">The response schema's OpenAPI component name.</param>
/// <param name="SchemaFile">The schema file that declares the operation (its name, for documentation).</param>
internal sealed record EndpointSpec(
    string Namespace,
    string HintName,
    string OperationId,
    string Name,
    string Method,
    string Route,
    string RequestType,
    string ResponseType,
    string RequestSchema,
    string ResponseSchema,
    string? Summary,
    string? Description,
    EquatableArray<string> Tags,
    string SchemaFile)
{
    /// <summary>The declaring schema file's path (where a failure to emit the endpoint is reported).</summary>
    public string SchemaPath { get; init; } = string.Empty;
}
