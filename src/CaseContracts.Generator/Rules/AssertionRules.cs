using System;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Rules;

/// <summary>Every keyword defined as an <see cref="AssertionRule"/>, in the order their checks run.</summary>
internal static class AssertionRules
{
    /// <summary>The rules; a new keyword is one file and one line here.</summary>
    public static readonly AssertionRule[] All =
    {
        LengthRule.Minimum,
        LengthRule.Maximum,
        new PatternRule(),
        new FormatRule(),
        NumberBoundRule.Minimum,
        NumberBoundRule.Maximum,
        NumberBoundRule.ExclusiveMinimum,
        NumberBoundRule.ExclusiveMaximum,
        new MultipleOfRule(),
        ItemCountRule.Minimum,
        ItemCountRule.Maximum,
        new UniqueItemsRule(),
        PropertyCountRule.Minimum,
        PropertyCountRule.Maximum,
    };

    private static readonly Dictionary<string, AssertionRule> s_byKeyword = All.ToDictionary(r => r.Keyword, StringComparer.Ordinal);

    /// <summary>The rule of <paramref name="keyword"/>, or null when the keyword is not a rule.</summary>
    public static AssertionRule? Find(string keyword) => s_byKeyword.TryGetValue(keyword, out var rule) ? rule : null;

    /// <summary>
    /// <paramref name="node"/> as its validator checks it: without the opt-in rules (<see cref="AssertionRule.IsOptIn"/>)
    /// unless <paramref name="assertFormats"/>. The emitter, the evaluation and the one-pass planner all see this.
    /// </summary>
    public static Model.Validation.ValidationNode Enforced(Model.Validation.ValidationNode node, bool assertFormats)
        => assertFormats || !node.Assertions.Any(a => Find(a.Keyword)?.IsOptIn == true)
            ? node
            : node with { Assertions = Model.EquatableArray.ToEquatableArray(node.Assertions.Where(a => Find(a.Keyword)?.IsOptIn != true)) };

    /// <summary>Whether any of <paramref name="assertions"/> constrains values of <paramref name="kind"/>.</summary>
    public static bool AnyFor(Model.EquatableArray<Model.Validation.Assertion> assertions, JsonNodeKind kind)
        => assertions.Any(a => Find(a.Keyword)?.AppliesTo == kind);

    /// <summary>Whether any of <paramref name="assertions"/> constrains values of <paramref name="kind"/> by their count (<see cref="AssertionRule.UsesCount"/>).</summary>
    public static bool AnyCountFor(Model.EquatableArray<Model.Validation.Assertion> assertions, JsonNodeKind kind)
        => assertions.Any(a => Find(a.Keyword) is { UsesCount: true } rule && rule.AppliesTo == kind);
}
