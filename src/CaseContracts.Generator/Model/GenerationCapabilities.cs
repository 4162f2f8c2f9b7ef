namespace CaseContracts.Generator.Model;

/// <summary>What the consuming compilation offers that generated code may use (optional overloads).</summary>
/// <param name="HasPipeReader"><c>System.IO.Pipelines.PipeReader</c> is referenced: emit the pipe overload of <c>TryParseAsync</c>.</param>
internal sealed record GenerationCapabilities(bool HasPipeReader);
