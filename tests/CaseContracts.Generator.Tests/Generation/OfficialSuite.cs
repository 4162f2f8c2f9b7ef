using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>The vendored JSON Schema Test Suite (draft 7): its files, groups, and which keywords a group uses.</summary>
internal static class OfficialSuite
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "JsonSchemaTestSuite", "draft7");

    /// <summary>Draft-7 keywords CaseContracts reports as unsupported (CC0003) instead of enforcing.</summary>
    public static readonly string[] UnsupportedKeywords =
    [
        "$id",
    ];

    public static IEnumerable<string> Files()
        => System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static JsonArray Groups(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file)))!.AsArray();

    /// <summary>
    /// The first unsupported feature a schema uses, or null. Looks only at schema positions: values of
    /// const, enum, default and examples are data, and the keys under properties/definitions are names.
    /// </summary>
    public static string? UnsupportedFeature(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Key).FirstOrDefault(k => UnsupportedKeywords.Contains(k))
            ?? (obj["$ref"] is JsonValue reference && reference.ToString().Contains("://", StringComparison.Ordinal) ? "$ref (remote)" : null)
            ?? obj.Where(p => p.Key is not ("const" or "enum" or "default" or "examples" or "properties" or "definitions"))
                .Select(p => UnsupportedFeature(p.Value)).FirstOrDefault(f => f is not null)
            ?? obj.Where(p => p.Key is "properties" or "definitions").Select(p => p.Value).OfType<JsonObject>()
                .SelectMany(map => map.Select(e => e.Value)).Select(UnsupportedFeature).FirstOrDefault(f => f is not null),
        JsonArray array => array.Select(UnsupportedFeature).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
