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
        new("draft2019-09", "2019-09", []),
        new("draft2020-12", "2020-12", []),
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

    /// <summary>The base URI the suite's remote documents are served at: the schema folder's URI in the suite's compilations.</summary>
    public const string RemoteBaseUri = "http://localhost:1234/";

    /// <summary>
    /// The generator options of this draft's compilations: the default draft, and the schema folder published at
    /// <see cref="RemoteBaseUri"/> so that the remote documents, files of that folder, answer their URIs.
    /// </summary>
    public Dictionary<string, string> Options() => new()
    {
        ["build_property.CaseContractsDefaultDraft"] = DefaultDraft,
        ["build_property.CaseContractsSchemaBaseUri"] = RemoteBaseUri,
    };

    /// <summary>
    /// The remote documents this draft's tests refer to (remotes/ at the root and remotes/&lt;draft&gt;/), as schema files at
    /// their path under the schema folder: served as local files, never fetched. A document that names no <c>$schema</c>
    /// is given this draft's (a file that is not <c>*.schema.json</c> is a schema when it says so).
    /// </summary>
    public IEnumerable<(string RelativePath, string Json)> Remotes()
    {
        var root = Path.Combine(OfficialSuite.Root, "remotes");
        foreach (var file in System.IO.Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var folder = relative.Contains('/') ? relative[..relative.IndexOf('/')] : null;
            if (folder is not null && folder != Folder && !(folder is "baseUriChange" or "baseUriChangeFolder" or "baseUriChangeFolderInSubschema" or "nested"))
            {
                continue;
            }

            var json = JsonNode.Parse(File.ReadAllText(file));
            if (json is JsonObject obj && obj["$schema"] is null)
            {
                obj.Insert(0, "$schema", MetaSchemaUri);
            }

            yield return (relative, json!.ToJsonString());
        }
    }

    /// <summary>The <c>$schema</c> URI of this draft.</summary>
    public string MetaSchemaUri => DefaultDraft switch
    {
        "4" => "http://json-schema.org/draft-04/schema#",
        "6" => "http://json-schema.org/draft-06/schema#",
        "7" => "http://json-schema.org/draft-07/schema#",
        "2019-09" => "https://json-schema.org/draft/2019-09/schema",
        _ => "https://json-schema.org/draft/2020-12/schema",
    };

    /// <summary>
    /// The first unsupported feature a schema uses, or null. Looks only at schema positions: values of
    /// const, enum, default and examples are data, and the keys under properties/definitions are names.
    /// </summary>
    public string? UnsupportedFeature(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Key).FirstOrDefault(k => OfficialSuite.UnsupportedKeywords.Contains(k) || MoreUnsupportedKeywords.Contains(k))
            ?? obj.Where(p => p.Key is not ("const" or "enum" or "default" or "examples" or "properties" or "definitions" or "$defs"))
                .Select(p => UnsupportedFeature(p.Value)).FirstOrDefault(f => f is not null)
            ?? obj.Where(p => p.Key is "properties" or "definitions" or "$defs").Select(p => p.Value).OfType<JsonObject>()
                .SelectMany(map => map.Select(e => e.Value)).Select(UnsupportedFeature).FirstOrDefault(f => f is not null),
        JsonArray array => array.Select(UnsupportedFeature).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
