using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>minProperties</c> / <c>maxProperties</c>: an object must have at least / at most that many members.
/// The generated validator counts the members as it walks the object (no second pass).
/// </summary>
internal sealed class PropertyCountRule : AssertionRule
{
    public static readonly PropertyCountRule Minimum = new("minProperties", "<", "at least");

    public static readonly PropertyCountRule Maximum = new("maxProperties", ">", "at most");

    private readonly string _failingComparison;
    private readonly string _bound;

    private PropertyCountRule(string keyword, string failingComparison, string bound)
    {
        Keyword = keyword;
        _failingComparison = failingComparison;
        _bound = bound;
    }

    public override string Keyword { get; }

    public override JsonNodeKind AppliesTo => JsonNodeKind.Object;

    public override string? Read(JsonNode value, RuleReading reading) => reading.Count(value);

    public override string FailsWhen(string argument, RuleEmission emission) => $"{emission.Count} {_failingComparison} {argument}L";

    public override bool Holds(JsonNode value, string argument)
    {
        var limit = long.Parse(argument, System.Globalization.CultureInfo.InvariantCulture);
        return _failingComparison == "<" ? value.Members.Count >= limit : value.Members.Count <= limit;
    }

    public override string Message(string argument) => $"must have {_bound} {argument} {(argument == "1" ? "property" : "properties")}";

    public override string? Limit(string argument) => argument;
}
