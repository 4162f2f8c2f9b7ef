using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Api;

namespace CaseContracts.Generator.Pipeline;

/// <summary>What one OpenAPI operation resolves to against the schema files: whether every <c>$ref</c> holds, and the problems if not.</summary>
internal sealed record ApiOperationResolution(ApiOperation Operation, bool Resolved, EquatableArray<DiagnosticInfo> Diagnostics);
