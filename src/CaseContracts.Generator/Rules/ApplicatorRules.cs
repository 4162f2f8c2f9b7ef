using System;
using System.Collections.Generic;
using System.Linq;

namespace CaseContracts.Generator.Rules;

/// <summary>Every keyword defined as an <see cref="ApplicatorRule"/>, in the order their checks run.</summary>
internal static class ApplicatorRules
{
    /// <summary>The rules; a new applicator is one file and one line here.</summary>
    public static readonly ApplicatorRule[] All =
    {
        new NotRule(),
        new ConditionalRule(),
        DependenciesRule.Dependencies,
        DependenciesRule.DependentRequired,
        DependenciesRule.DependentSchemas,
        new PropertyNamesRule(),
        new PatternPropertiesRule(),
        new TupleItemsRule(),
        new PrefixItemsRule(),
        new ContainsRule(),
        UnevaluatedRule.Properties,
        UnevaluatedRule.Items,
    };

    private static readonly Dictionary<string, ApplicatorRule> s_byKeyword = All.ToDictionary(r => r.Keyword, StringComparer.Ordinal);

    /// <summary>Every keyword the rules read, companions included.</summary>
    public static IEnumerable<string> Keywords => All.SelectMany(r => new[] { r.Keyword }.Concat(r.CompanionKeywords));

    /// <summary>The rule of <paramref name="keyword"/>, or null.</summary>
    public static ApplicatorRule? Find(string keyword) => s_byKeyword.TryGetValue(keyword, out var rule) ? rule : null;
}
