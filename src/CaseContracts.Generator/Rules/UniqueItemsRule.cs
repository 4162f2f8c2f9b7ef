using CaseContracts.Generator.Analyzers.Evaluation;
using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// <c>uniqueItems</c>: no two items of an array are equal as JSON Schema compares (numbers by value, objects
/// regardless of member order). The generated validator keeps each item as it walks the array and compares it
/// with those before (<c>JsonSupport.JsonEquals</c>); <c>uniqueItems: false</c> asserts nothing.
/// </summary>
internal sealed class UniqueItemsRule : AssertionRule
{
    public override string Keyword => "uniqueItems";

    public override JsonNodeKind AppliesTo => JsonNodeKind.Array;

    // A value that is no boolean is the meta-schema check's to report (CC0007 there, not twice); it asserts nothing.
    public override string? Read(JsonNode value, RuleReading reading)
        => value.Kind == JsonNodeKind.Boolean && value.Text == "true" ? "true" : null;

    public override string[] BeforeItems(string argument) => new[]
    {
        "var items = new global::System.Collections.Generic.List<global::System.Text.Json.JsonElement>();",
        "var duplicate = false;",
    };

    public override string[] OnItem(string argument, RuleEmission emission) => new[]
    {
        "var copy = reader;",
        "var item = global::System.Text.Json.JsonElement.ParseValue(ref copy);",
        $"duplicate |= items.Exists(seen => {emission.Support}.JsonEquals(seen, item));",
        "items.Add(item);",
    };

    public override string FailsWhen(string argument, RuleEmission emission) => "duplicate";

    public override bool Holds(JsonNode value, string argument)
    {
        var items = value.Items;
        for (var i = 1; i < items.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonValues.JsonEquals(items[j], items[i]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public override string Message(string argument) => "must not contain duplicate items";
}
