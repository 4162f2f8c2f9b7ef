using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// The vendored JSON Schema Test Suite (drafts 4, 6, 7, 2019-09 and 2020-12, and the remote documents its
/// <c>refRemote</c> tests name by <c>http://localhost:1234/</c> URIs): its files, groups, and why a group
/// cannot run yet. Nothing is fetched: every file is copied into the test output from tests/data.
/// </summary>
internal static class OfficialSuite
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "JsonSchemaTestSuite");

    /// <summary>The draft-7 folder (the tests written before the other drafts were vendored use it).</summary>
    public static readonly string Directory = Path.Combine(Root, "draft7");

    /// <summary>Keywords of every draft CaseContracts reports as unsupported (CC0003) instead of enforcing.</summary>
    public static readonly string[] UnsupportedKeywords =
    [
    ];

    /// <summary>The drafts the suite is run for, each with the <c>CaseContractsDefaultDraft</c> value its schemas without <c>$schema</c> need.</summary>
    public static readonly SuiteDraft[] Drafts =
    [
        new("draft4", "4", []),
        new("draft6", "6", []),
        new("draft7", "7", []),
        new("draft2019-09", "2019-09",
            ["$recursiveRef", "$recursiveAnchor"]),
        new("draft2020-12", "2020-12",
            ["$dynamicRef", "$dynamicAnchor"]),
    ];

    public static SuiteDraft Draft7 => Drafts.Single(d => d.Folder == "draft7");

    public static IEnumerable<string> Files() => Draft7.Files();

    public static JsonArray Groups(string file) => Draft7.Groups(file);

    /// <summary>The first unsupported feature a draft-7 schema uses, or null.</summary>
    public static string? UnsupportedFeature(JsonNode? node) => Draft7.UnsupportedFeature(node);
}

/// <summary>One draft's folder of the suite.</summary>
/// <param name="Folder">The folder under tests/ (<c>draft2020-12</c>).</param>
/// <param name="DefaultDraft">The <c>CaseContractsDefaultDraft</c> value for its schemas (most name no <c>$schema</c>).</param>
/// <param name="MoreUnsupportedKeywords">Keywords of this draft, beyond <see cref="OfficialSuite.UnsupportedKeywords"/>, that CaseContracts does not enforce yet.</param>
internal sealed record SuiteDraft(string Folder, string DefaultDraft, string[] MoreUnsupportedKeywords)
{
    public string Directory => Path.Combine(OfficialSuite.Root, Folder);

    public IEnumerable<string> Files()
        => System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public JsonArray Groups(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file)))!.AsArray();

    public override string ToString() => Folder;

    /// <summary>
    /// The first unsupported feature a schema uses, or null. Looks only at schema positions: values of
    /// const, enum, default and examples are data, and the keys under properties/definitions are names.
    /// </summary>
    public string? UnsupportedFeature(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Key).FirstOrDefault(k => OfficialSuite.UnsupportedKeywords.Contains(k) || MoreUnsupportedKeywords.Contains(k))
            ?? (obj["$schema"] is JsonValue dialect && dialect.ToString().Contains("localhost", StringComparison.Ordinal) ? "$schema (a custom meta-schema: vocabularies)" : null)
            ?? (obj["$ref"] is JsonValue reference && reference.ToString().Contains("://", StringComparison.Ordinal) ? "$ref (remote)" : null)
            ?? obj.Where(p => p.Key is not ("const" or "enum" or "default" or "examples" or "properties" or "definitions" or "$defs"))
                .Select(p => UnsupportedFeature(p.Value)).FirstOrDefault(f => f is not null)
            ?? obj.Where(p => p.Key is "properties" or "definitions" or "$defs").Select(p => p.Value).OfType<JsonObject>()
                .SelectMany(map => map.Select(e => e.Value)).Select(UnsupportedFeature).FirstOrDefault(f => f is not null),
        JsonArray array => array.Select(UnsupportedFeature).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
