namespace CaseContracts.Generator.Model.Specs;

/// <summary>The mapped operations of one OpenAPI document, in document order: what <see cref="Emit.ApiMapEmitter"/> maps together.</summary>
internal sealed record ApiMapSpec(string HintName, string DocumentPath, EquatableArray<ApiOperationSpec> Operations);
