namespace CaseContracts.Generator.Model.Specs;

/// <summary>An OpenAPI document to serve, complete: what the emitter turns into a class holding it and a <c>Map…</c> extension.</summary>
/// <param name="ClassName">The generated static class (<c>TicketsOpenApi</c>).</param>
/// <param name="MapMethodName">The extension that serves it (<c>MapTicketsOpenApi</c>).</param>
/// <param name="DefaultRoute">Where that extension serves it unless told otherwise (<c>/openapi/tickets.json</c>).</param>
/// <param name="Json">The document, compact JSON.</param>
/// <param name="FilePath">The declared document's path (where a failure to emit is reported).</param>
internal sealed record ServedDocumentSpec(
    string Namespace,
    string HintName,
    string ClassName,
    string MapMethodName,
    string DefaultRoute,
    string Title,
    string Version,
    string Json,
    string FilePath);
