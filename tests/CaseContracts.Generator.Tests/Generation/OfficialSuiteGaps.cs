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
        [Key("draft2020-12", "dynamicRef.json", "$ref to $dynamicRef finds detached $dynamicAnchor")] =
            "a $dynamicRef whose initial target is in another file: whether that target declares the anchor is decided while one file is read, so the reference is followed statically",
        [Key("draft2020-12", "dynamicRef.json", "$dynamicRef avoids the root of each schema, but scopes are still registered")] =
            "a schema resource entered through a $ref into it (not through its root) does not enter the dynamic scope: only a resource's root validator enters it",
        [Key("draft2020-12", "pattern.json", "pattern with Unicode property escape requires unicode mode")] =
            "ECMA-262 regular expressions: 2020-12 reads patterns in unicode mode, where \\p{digit} is a syntax error and .NET's \\p{...} classes differ",
    };

    public static IEnumerable<string> Keys => s_reasons.Keys;

    public static string Key(string draft, string file, string description) => draft + "/" + file + ": " + description;

    public static string? Reason(string draft, string file, string description)
        => s_reasons.TryGetValue(Key(draft, file, description), out var reason) || s_files.TryGetValue(file, out reason) ? "known gap: " + reason : null;
}
