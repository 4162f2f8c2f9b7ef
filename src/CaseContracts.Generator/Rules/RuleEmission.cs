namespace CaseContracts.Generator.Rules;

/// <summary>
/// Where a rule's generated check stands: the validator method's names for the value, so a rule writes a
/// condition and nothing about the method around it.
/// </summary>
/// <param name="Support">The generated JSON runtime class (its helpers: <c>CompareNumber</c>, <c>IsMultipleOf</c>…).</param>
/// <param name="Reader">A <c>Utf8JsonReader</c> variable on the value's first token (for a string or a number: the value).</param>
/// <param name="Count">A <c>long</c> variable holding a string's length in code points, or the number of an array's items or an object's members (when a rule <see cref="AssertionRule.UsesCount"/>).</param>
/// <param name="Method">The validator method, which names the fields its rules declare.</param>
internal sealed record RuleEmission(string Support, string Reader, string? Count, string Method = "")
{
    /// <summary>The static field <paramref name="rule"/>'s check may declare (<see cref="AssertionRule.FieldDeclaration"/>) in this method.</summary>
    public string Field(AssertionRule rule) => $"s_{rule.Keyword}_{Method}";
}
