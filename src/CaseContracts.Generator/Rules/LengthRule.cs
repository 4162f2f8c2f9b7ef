using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>minLength</c> / <c>maxLength</c>: a string must be at least / at most that many characters long, counted
/// in Unicode code points as JSON Schema counts them. The generated validator measures the string once for both.
/// </summary>
internal sealed class LengthRule : AssertionRule
{
    public static readonly LengthRule Minimum = new("minLength", "<", "at least");

    public static readonly LengthRule Maximum = new("maxLength", ">", "at most");

    private readonly string _failingComparison;
    private readonly string _bound;

    private LengthRule(string keyword, string failingComparison, string bound)
    {
        Keyword = keyword;
        _failingComparison = failingComparison;
        _bound = bound;
    }

    public override string Keyword { get; }

    public override JsonNodeKind AppliesTo => JsonNodeKind.String;

    public override bool UsesCount => true;

    public override string? Read(JsonNode value, RuleReading reading) => reading.Count(value);

    public override string FailsWhen(string argument, RuleEmission emission) => $"{emission.Count} {_failingComparison} {argument}L";

    // As the generated check's runtime helper (JsonSupport.CodePointLength) counts.
    public override bool Holds(JsonNode value, string argument)
    {
        var length = Analyzers.Evaluation.JsonValues.CodePointLength(value.Text!);
        var limit = long.Parse(argument, System.Globalization.CultureInfo.InvariantCulture);
        return _failingComparison == "<" ? length >= limit : length <= limit;
    }

    public override string Message(string argument) => $"must be {_bound} {argument} characters long";

    public override string? Limit(string argument) => argument;
}
