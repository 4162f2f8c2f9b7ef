namespace CaseContracts.Generator.Model.Specs;

/// <summary>
/// Which runtime files the contract's endpoints need (see <see cref="Emit.RuntimeFileEmitter"/>): the shared plumbing
/// for any endpoint, Kibana's error body and words for <c>x-operation</c>s and documents with
/// <c>"x-error-profile": "kibana"</c>, problem details for the other documents, the parameter and result plumbing for
/// any OpenAPI operation.
/// </summary>
/// <param name="ReportPath">The file a failure to emit them is reported at (the first operation's).</param>
internal sealed record RuntimeFilesSpec(
    string Namespace,
    bool Endpoints,
    bool KibanaEndpoints,
    bool KibanaMessages,
    bool ProblemDetails,
    bool Operations,
    string ReportPath);
