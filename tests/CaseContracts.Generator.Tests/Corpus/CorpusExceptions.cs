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
        ("asconfig-schema", "CC0002", "awaiting the keywords branch: a $ref into a 'definitions' nested under 'properties' (#/definitions/compilerOptions/properties/bindings/definitions/bindings) is not indexed"),
        ("bootstraprc", "CC0002", "awaiting the keywords branch: a $ref to a position under 'properties' of a definition (#/definitions/extractStyling/properties/extractStyles) is not indexed"),
        ("flatpak-manifest", "CC0002", "awaiting the keywords branch: $refs to positions under 'properties' of a definition (#/definitions/source/properties/only-arches) are not indexed"),
        ("mboats-config-0.1", "CC0002", "awaiting the keywords branch: $refs into 'definitions' nested in a definition (#/definitions/MBOATS/definitions/Video) are not indexed"),
        ("utam-page-object", "CC0002", "awaiting the keywords branch: $refs into '$defs' nested in a draft-7 definition (#/definitions/selector/$defs/args) are not indexed"),
        ("sil-kit-participant-configuration", "CC0002", "awaiting the keywords branch: $refs to root properties (#/properties/SchemaVersion) are not indexed"),
        ("grunt-copy-task", "CC0002", "awaiting the keywords branch: 'grunt-task#/additionalProperties' names the other file by its $id (https://json.schemastore.org/grunt-task), which is not resolved yet"),
        ("tsoa", "CC0002", "awaiting the keywords branch: 'tsconfig#/definitions/compilerOptionsDefinition' names the other file by its $id (https://json.schemastore.org/tsconfig), which is not resolved yet"),
    ];

    /// <summary>Documents (<c>test/x/a.json</c>, <c>negative_test/x/b.json</c>) whose verdict differs from SchemaStore's, with why.</summary>
    public static readonly Dictionary<string, string> Documents = new()
    {
        ["test/grunt-copy-task/file-pattern.json"] = "awaiting the keywords branch: its $ref to grunt-task by $id is unresolved (CC0002), and an unresolved $ref rejects every value (fails closed)",
        ["test/grunt-copy-task/with-options.json"] = "awaiting the keywords branch: its $ref to grunt-task by $id is unresolved (CC0002), and an unresolved $ref rejects every value (fails closed)",
        ["test/tsoa/basic.tsoa.json"] = "awaiting the keywords branch: its $ref to tsconfig by $id is unresolved (CC0002), and an unresolved $ref rejects every value (fails closed)",
        ["test/tsoa/test.tsoa.json"] = "awaiting the keywords branch: its $ref to tsconfig by $id is unresolved (CC0002), and an unresolved $ref rejects every value (fails closed)",
        ["negative_test/abc-supply-plan-12.0.0/abc-supply-plan-invalid-plan-date.json"] = "'planDate' is not a 'date'; format is an annotation unless CaseContractsAssertFormats is true (draft 7's default), while SchemaStore's ajv asserts formats",
    };

    public static bool IsDocumentedDiagnostic(string schema, string id) => Diagnostics.Any(d => d.Schema == schema && d.Id == id);
}
