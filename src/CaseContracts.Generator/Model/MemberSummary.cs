using CaseContracts.Generator.Model.Validation;

namespace CaseContracts.Generator.Model;

/// <summary>
/// A property of an object that may be a union variant, as the union sees it from another file: enough to
/// tell whether every variant declares it alike (then the union's reader reads it before it knows the variant).
/// </summary>
/// <param name="Value">The value's shape.</param>
/// <param name="ConstJson">The JSON text of a <c>const</c> (or one-value <c>enum</c>), else null.</param>
/// <param name="Schema">The assertions of the property's schema position when they stand alone (no sub-schema
/// of their own file, so equal assertions mean an equal validator); null otherwise.</param>
internal sealed record MemberSummary(string JsonName, bool Required, SchemaValue Value, string? ConstJson, ValidationNode? Schema);
