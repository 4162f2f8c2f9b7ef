namespace CaseContracts.Generator.Model.Api;

/// <summary>A place in <see cref="ServedDocumentText"/> the resolver writes.</summary>
/// <param name="Kind">What goes there.</param>
/// <param name="Target">
/// For <see cref="ServedDocumentSlotKind.SchemaReference"/>: the schema key the <c>$ref</c> resolves to; for
/// <see cref="ServedDocumentSlotKind.OperationResponses"/>: the operation, as <c>METHOD path</c>; otherwise null.
/// </param>
/// <param name="Comma">
/// For a <see cref="ServedDocumentSlotKind.SchemaReference"/>: which comma the member carries, so an empty slot leaves
/// valid JSON. A slot at the end of an object has <see cref="SlotComma.None"/>: the resolver puts a comma before what
/// it writes there unless the text so far ends with the object's opening brace (earlier slots may have been left empty).
/// </param>
internal sealed record ServedDocumentSlot(ServedDocumentSlotKind Kind, string? Target, SlotComma Comma);
