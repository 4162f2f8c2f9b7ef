using System.Collections.Generic;
using System.Linq;

namespace CaseContracts.Generator.Tests.Corpus;

/// <summary>
/// Where the corpus test accepts something other than the plain answer, one entry at a time with its reason
/// (also in docs/schema-corpus.md). Each entry must still be needed: the tests fail on one that is not.
/// </summary>
internal static class CorpusExceptions
{
    /// <summary>Generator warnings (or errors) a corpus schema is expected to get, with why.</summary>
    public static readonly (string Schema, string Id, string Reason)[] Diagnostics =
    [
    ];

    /// <summary>Documents (<c>test/x/a.json</c>, <c>negative_test/x/b.json</c>) whose verdict differs from SchemaStore's, with why.</summary>
    public static readonly Dictionary<string, string> Documents = new()
    {
        ["negative_test/abc-supply-plan-12.0.0/abc-supply-plan-invalid-plan-date.json"] = "'planDate' is not a 'date'; format is an annotation unless CaseContractsAssertFormats is true (draft 7's default), while SchemaStore's ajv asserts formats",
    };

    public static bool IsDocumentedDiagnostic(string schema, string id) => Diagnostics.Any(d => d.Schema == schema && d.Id == id);
}
