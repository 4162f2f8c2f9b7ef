using System;
using System.Collections.Generic;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>
/// Where <see cref="SchemaDifferentialTests"/> finds our verdict differing from JsonSchema.Net's, one schema at a time
/// (<c>suite: file: group description</c> or <c>corpus: schema</c>) with the kind of disagreement it excuses and the reason; also in docs/validation.md.
/// Each entry must still be needed with the default seed: the test fails on one whose schema agrees on every document.
/// </summary>
internal static class SchemaDifferentialExceptions
{
    public static readonly Dictionary<string, (DisagreementKind Kind, string Reason)> Schemas = new(StringComparer.Ordinal)
    {
        ["suite: patternProperties.json: patternProperties with Unicode property escape"] = (DisagreementKind.NoOracleVerdict,
            "JsonSchema.Net has no verdict: it cannot build the schema, because .NET's regular expressions (which it uses) do not know \\p{Letter}, "
            + "ECMA-262's long name of \\p{L}; ours reads patterns as ECMA-262 and agrees with the suite on this group"),
        ["suite: pattern.json: pattern with Unicode property escape requires unicode mode"] = (DisagreementKind.NoOracleVerdict,
            "the same for pattern (the group runs since the suite's gaps were closed): JsonSchema.Net cannot build '^\\p{Letter}+$' "
            + "with .NET's regular expressions; ours reads it as ECMA-262 in unicode mode and agrees with the suite"),
        ["corpus: luaurc"] = (DisagreementKind.NoOracleVerdict,
            "JsonSchema.Net has no verdict on documents with 'aliases': it throws KeyNotFoundException evaluating a patternProperties "
            + "whose pattern contains '~1' (^(?!\\.{1,2}$)(?!.*\\~1)[a-zA-Z0-9\\-\\._]+$), a JsonSchema.Net 8.0.5 bug; the other documents agree"),
    };

    /// <summary>Whether the listed exception excuses a disagreement of <paramref name="kind"/> on the schema <paramref name="key"/>.</summary>
    public static bool Excuses(string key, DisagreementKind kind) => Schemas.TryGetValue(key, out var entry) && entry.Kind == kind;
}

/// <summary>
/// What a disagreement is: the two verdicts differ, JsonSchema.Net gave none (it threw), our code threw, or our
/// <c>TryParse</c> and our validator differ on the document (corpus schemas with a public entry point).
/// </summary>
internal enum DisagreementKind
{
    Verdict,
    NoOracleVerdict,
    OursThrew,
    TryParseDiffers,
}
