using CaseContracts.Generator.Analyzers.Evaluation;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>minimum</c> / <c>maximum</c> / <c>exclusiveMinimum</c> / <c>exclusiveMaximum</c>: a number compared with
/// the bound, exactly in decimal when both fit, else in double (<c>JsonSupport.CompareNumber</c>); a whole bound and a
/// number written as a whole one, as 64-bit integers.
/// </summary>
internal sealed class NumberBoundRule : AssertionRule
{
    public static readonly NumberBoundRule Minimum = new("minimum", "<", "must be at least ", inclusive: true);

    public static readonly NumberBoundRule Maximum = new("maximum", ">", "must be at most ", inclusive: true);

    public static readonly NumberBoundRule ExclusiveMinimum = new("exclusiveMinimum", "<=", "must be greater than ", inclusive: false);

    public static readonly NumberBoundRule ExclusiveMaximum = new("exclusiveMaximum", ">=", "must be less than ", inclusive: false);

    private readonly bool _inclusive;
    private readonly string _failingComparison;
    private readonly string _message;

    private NumberBoundRule(string keyword, string failingComparison, string message, bool inclusive)
    {
        Keyword = keyword;
        _inclusive = inclusive;
        _failingComparison = failingComparison;
        _message = message;
        LimitIsAFix = inclusive;
    }

    public override string Keyword { get; }

    public override JsonNodeKind AppliesTo => JsonNodeKind.Number;

    public override bool LimitIsAFix { get; }

    public override string? Read(JsonNode value, RuleReading reading) => reading.Number(value);

    /// <summary>
    /// Draft 4 writes an exclusive bound as <c>maximum</c> with a boolean <c>exclusiveMaximum</c> modifying it
    /// (<c>true</c>: the limit itself is out); later drafts give each bound its own number. Either way the
    /// validators get the same inclusive or exclusive bound.
    /// </summary>
    public override string? Read(SchemaNode schema, JsonMember keyword, RuleReading reading)
    {
        if (schema.Draft != SchemaDraft.Draft4)
        {
            return Read(keyword.Value, reading);
        }

        var limit = _inclusive ? keyword.Name : (keyword.Name == "exclusiveMinimum" ? "minimum" : "maximum");
        var modifierName = _inclusive ? (keyword.Name == "minimum" ? "exclusiveMinimum" : "exclusiveMaximum") : keyword.Name;
        var modifier = schema.Value(modifierName);
        if (!_inclusive && modifier!.Kind != JsonNodeKind.Boolean)
        {
            return reading.Invalid($"'{modifierName}' must be a boolean in draft 4 (it modifies '{limit}')");
        }

        var exclusive = modifier is { Kind: JsonNodeKind.Boolean } && modifier.Text == "true";
        if (exclusive == _inclusive)
        {
            return null;
        }

        return schema.Value(limit) is { } bound ? reading.Number(bound) : null;
    }

    public override string FailsWhen(string argument, RuleEmission emission)
        => long.TryParse(argument, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var whole)
            ? $"{emission.Support}.CompareNumber(ref {emission.Reader}, {whole.ToString(System.Globalization.CultureInfo.InvariantCulture)}L) {_failingComparison} 0"
            : $"{emission.Support}.CompareNumber(ref {emission.Reader}, {NumberLiterals.Decimal(argument)}, {NumberLiterals.Double(argument)}) {_failingComparison} 0";

    public override bool Holds(JsonNode value, string argument)
    {
        var comparison = JsonValues.Compare(value.Text!, argument);
        return _failingComparison switch
        {
            "<" => comparison >= 0,
            ">" => comparison <= 0,
            "<=" => comparison > 0,
            _ => comparison < 0,
        };
    }

    public override string Message(string argument) => _message + argument;

    public override string? Limit(string argument) => argument;
}
