namespace CaseContracts.Generator.Model.Api;

/// <summary>
/// The declared OpenAPI document as compact JSON text, written by the reader from the located JSON (so nothing
/// downstream parses it again), with a slot wherever the served document differs from the declared one: each
/// <c>$ref</c> to a schema file, the end of each operation's <c>responses</c>, and where the schema components go.
/// <see cref="Pipeline.ServedDocumentResolver"/> fills the slots.
/// </summary>
/// <param name="Parts">Text around the slots: one part more than <paramref name="Slots"/>.</param>
/// <param name="Slots">The slots, in text order.</param>
internal sealed record ServedDocumentText(EquatableArray<string> Parts, EquatableArray<ServedDocumentSlot> Slots);
