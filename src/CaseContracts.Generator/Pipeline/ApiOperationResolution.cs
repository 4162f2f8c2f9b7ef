using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Api;

namespace CaseContracts.Generator.Pipeline;

/// <summary>What one OpenAPI operation resolves to against the schema files: whether every <c>$ref</c> holds, the problems if not, and the spec its endpoint is emitted from.</summary>
internal sealed record ApiOperationResolution(ApiOperation Operation, bool Resolved, EquatableArray<DiagnosticInfo> Diagnostics, Model.Specs.ApiOperationSpec? Spec = null);
