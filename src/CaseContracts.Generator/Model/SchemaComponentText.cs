namespace CaseContracts.Generator.Model;

/// <summary>
/// A schema file's root or one of its <c>definitions</c> as JSON text, ready to become an OpenAPI schema
/// component: <c>$schema</c>, <c>definitions</c> and <c>x-operation</c> left out, and a slot for each
/// <c>$ref</c>, which the resolver fills with the component it names (or leaves empty when it names none).
/// Written by the reader from the schema model, so nothing downstream parses JSON again.
/// </summary>
/// <param name="Key">The schema's key (file path and pointer).</param>
/// <param name="Parts">Minified JSON text around the slots: one part more than <paramref name="References"/>.</param>
/// <param name="References">Per slot, in text order: the key the <c>$ref</c> resolves to, and the comma its member carries.</param>
internal sealed record SchemaComponentText(string Key, EquatableArray<string> Parts, EquatableArray<ReferenceSlot> References);

/// <summary>A <c>$ref</c> member left out of a component's text, to be written once its target's component name is known.</summary>
internal sealed record ReferenceSlot(string TargetKey, SlotComma Comma);

/// <summary>Which comma separating a <c>$ref</c> member from its siblings the member carries (so an empty slot leaves valid JSON).</summary>
internal enum SlotComma
{
    /// <summary>The only member.</summary>
    None,

    /// <summary>Members come before it: <c>,"$ref":…</c>.</summary>
    Before,

    /// <summary>It is first and members follow: <c>"$ref":…,</c>.</summary>
    After,
}
