using CaseContracts.Generator.Analyzers.Evaluation;
using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>multipleOf</c>: a number must divide by the argument with no remainder. Exactly in decimal when both
/// fit (<c>0.1</c> divides <c>0.3</c>), else in double; a quotient beyond double's range is no multiple.
/// </summary>
internal sealed class MultipleOfRule : AssertionRule
{
    public override string Keyword => "multipleOf";

    public override JsonNodeKind AppliesTo => JsonNodeKind.Number;

    public override string? Read(JsonNode value, RuleReading reading)
    {
        if (value.Kind != JsonNodeKind.Number)
        {
            return reading.Invalid("'multipleOf' must be a number");
        }

        return value.TryGetDouble(out var divisor) && divisor > 0 ? value.Text : reading.Invalid("'multipleOf' must be greater than 0");
    }

    public override string FailsWhen(string argument, RuleEmission emission)
        => $"!{emission.Support}.IsMultipleOf(ref {emission.Reader}, {NumberLiterals.Decimal(argument)}, {NumberLiterals.Double(argument)})";

    // As the generated check's runtime helper (JsonSupport.IsMultipleOf) decides it.
    public override bool Holds(JsonNode value, string argument)
    {
        if (JsonValues.TryDecimal(argument) is { } exact && exact != 0m
            && JsonValues.TryDecimal(value.Text!) is { } number && (number != 0m || JsonValues.Double(value.Text!) == 0d))
        {
            try
            {
                return number % exact == 0m;
            }
            catch (System.OverflowException)
            {
                // falls through to double arithmetic, as at run time
            }
        }

        var quotient = JsonValues.Double(value.Text!) / JsonValues.Double(argument);
        return !double.IsInfinity(quotient) && !double.IsNaN(quotient) && System.Math.Floor(quotient) == quotient;
    }

    public override string Message(string argument) => "must be a multiple of " + argument;
}
