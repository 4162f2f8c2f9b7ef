using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>minItems</c> / <c>maxItems</c>: an array must have at least / at most that many items. The generated
/// validator counts the items as it walks the array (no second pass).
/// </summary>
internal sealed class ItemCountRule : AssertionRule
{
    public static readonly ItemCountRule Minimum = new("minItems", "<", "at least");

    public static readonly ItemCountRule Maximum = new("maxItems", ">", "at most");

    private readonly string _failingComparison;
    private readonly string _bound;

    private ItemCountRule(string keyword, string failingComparison, string bound)
    {
        Keyword = keyword;
        _failingComparison = failingComparison;
        _bound = bound;
    }

    public override string Keyword { get; }

    public override JsonNodeKind AppliesTo => JsonNodeKind.Array;

    public override bool UsesCount => true;

    public override string? Read(JsonNode value, RuleReading reading) => reading.Count(value);

    public override string FailsWhen(string argument, RuleEmission emission) => $"{emission.Count} {_failingComparison} {argument}L";

    public override bool Holds(JsonNode value, string argument)
    {
        var limit = long.Parse(argument, System.Globalization.CultureInfo.InvariantCulture);
        return _failingComparison == "<" ? value.Items.Count >= limit : value.Items.Count <= limit;
    }

    public override string Message(string argument) => $"must have {_bound} {argument} items";

    public override string? Limit(string argument) => argument;
}
