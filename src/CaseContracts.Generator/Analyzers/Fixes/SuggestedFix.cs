using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace CaseContracts.Generator.Analyzers.Fixes;

/// <summary>What a suggested fix edits.</summary>
internal enum FixTarget
{
    /// <summary>JSON inside a C# string literal: <see cref="SuggestedFix.Start"/>/<see cref="SuggestedFix.Length"/> are offsets in the literal's value.</summary>
    JsonInLiteral,
    /// <summary>A C# constant expression: the diagnostic's own span is replaced by <see cref="SuggestedFix.Text"/>.</summary>
    CSharpExpression,
}

/// <summary>
/// One edit that fixes a diagnostic, decided by the analyzer (which knows the JSON and the schema) and
/// carried to the code fix in the diagnostic's properties, so the code fix only applies it.
/// </summary>
/// <param name="Title">What the fix does, as the IDE shows it.</param>
/// <param name="EquivalenceKey">Groups the same kind of fix (for Fix All).</param>
/// <param name="Text">The new text: JSON for <see cref="FixTarget.JsonInLiteral"/> (encoded into the literal's form by the code fix), C# otherwise.</param>
internal sealed record SuggestedFix(string Title, string EquivalenceKey, FixTarget Target, int Start, int Length, string Text)
{
    private const string Prefix = "CaseContracts.Fix";
    private const string CountKey = Prefix + ".Count";

    /// <summary>The fixes as diagnostic properties.</summary>
    public static ImmutableDictionary<string, string?> ToProperties(IReadOnlyList<SuggestedFix> fixes)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (fixes.Count == 0)
        {
            return properties.ToImmutable();
        }

        properties.Add(CountKey, fixes.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < fixes.Count; i++)
        {
            var key = Prefix + i.ToString(CultureInfo.InvariantCulture) + ".";
            properties.Add(key + nameof(Title), fixes[i].Title);
            properties.Add(key + nameof(EquivalenceKey), fixes[i].EquivalenceKey);
            properties.Add(key + nameof(Target), fixes[i].Target.ToString());
            properties.Add(key + nameof(Start), fixes[i].Start.ToString(CultureInfo.InvariantCulture));
            properties.Add(key + nameof(Length), fixes[i].Length.ToString(CultureInfo.InvariantCulture));
            properties.Add(key + nameof(Text), fixes[i].Text);
        }

        return properties.ToImmutable();
    }

    /// <summary>The fixes a diagnostic carries (none when its properties are missing or not ours).</summary>
    public static IReadOnlyList<SuggestedFix> FromProperties(ImmutableDictionary<string, string?> properties)
    {
        var fixes = new List<SuggestedFix>();
        if (!properties.TryGetValue(CountKey, out var countText) || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return fixes;
        }

        for (var i = 0; i < count; i++)
        {
            var key = Prefix + i.ToString(CultureInfo.InvariantCulture) + ".";
            if (properties.TryGetValue(key + nameof(Title), out var title) && title is not null
                && properties.TryGetValue(key + nameof(EquivalenceKey), out var equivalenceKey) && equivalenceKey is not null
                && properties.TryGetValue(key + nameof(Target), out var target) && System.Enum.TryParse<FixTarget>(target, out var parsedTarget)
                && properties.TryGetValue(key + nameof(Start), out var start) && int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedStart)
                && properties.TryGetValue(key + nameof(Length), out var length) && int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedLength)
                && properties.TryGetValue(key + nameof(Text), out var text) && text is not null)
            {
                fixes.Add(new SuggestedFix(title, equivalenceKey, parsedTarget, parsedStart, parsedLength, text));
            }
        }

        return fixes;
    }
}
