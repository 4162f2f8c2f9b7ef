using System;
using System.Collections.Generic;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Official-suite groups that use only keywords CaseContracts supports but that it does not decide as the
/// specification does yet, each with the reason. The verdict test skips them (and prints them); a group that
/// starts passing must be removed from here, so the list is the gap, no more.
/// </summary>
internal static class OfficialSuiteGaps
{
    /// <summary>Whole files not run yet, by file name, with the reason.</summary>
    private static readonly Dictionary<string, string> s_files = new(StringComparer.Ordinal)
    {
    };

    private static readonly Dictionary<string, string> s_reasons = new(StringComparer.Ordinal)
    {
    };

    public static IEnumerable<string> Keys => s_reasons.Keys;

    public static string Key(string draft, string file, string description) => draft + "/" + file + ": " + description;

    public static string? Reason(string draft, string file, string description)
        => s_reasons.TryGetValue(Key(draft, file, description), out var reason) || s_files.TryGetValue(file, out reason) ? "known gap: " + reason : null;
}
