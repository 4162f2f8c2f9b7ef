using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Pipeline;

/// <summary>What one schema file's <c>x-operation</c> resolves to: an endpoint, or the problems that prevent it.</summary>
/// <param name="Location">The declaration (where a duplicate of another operation is reported).</param>
internal sealed record OperationResolution(string FilePath, EndpointSpec? Endpoint, SourceLocation Location, EquatableArray<DiagnosticInfo> Diagnostics);
