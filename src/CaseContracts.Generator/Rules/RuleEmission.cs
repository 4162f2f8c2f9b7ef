namespace CaseContracts.Generator.Rules;

/// <summary>
/// Where a rule's generated check stands: the validator method's names for the value, so a rule writes a
/// condition and nothing about the method around it.
/// </summary>
/// <param name="Support">The generated JSON runtime class (its helpers: <c>CompareNumber</c>, <c>IsMultipleOf</c>…).</param>
/// <param name="Reader">A <c>Utf8JsonReader</c> variable on the value's first token (for a string or a number: the value).</param>
/// <param name="Count">For arrays and objects: a <c>long</c> variable holding the number of items or members.</param>
internal sealed record RuleEmission(string Support, string Reader, string? Count);
