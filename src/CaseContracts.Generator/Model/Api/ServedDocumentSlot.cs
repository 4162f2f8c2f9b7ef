namespace CaseContracts.Generator.Model.Api;

/// <summary>A place in <see cref="ServedDocumentText"/> the resolver writes.</summary>
/// <param name="Kind">What goes there.</param>
/// <param name="Target">
/// For <see cref="ServedDocumentSlotKind.SchemaReference"/>: the schema key the <c>$ref</c> resolves to; for
/// <see cref="ServedDocumentSlotKind.OperationResponses"/>: the operation, as <c>METHOD path</c>; otherwise null.
/// </param>
/// <param name="Comma">Which comma the written members carry, so an empty slot leaves valid JSON.</param>
internal sealed record ServedDocumentSlot(ServedDocumentSlotKind Kind, string? Target, SlotComma Comma);
