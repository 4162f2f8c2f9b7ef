using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CaseContracts.Benchmarks.Generator;

/// <summary>
/// A schema set that grows with <c>count</c>: that many connector files shaped like the real ones
/// (<c>id</c>, <c>name</c>, a <c>const</c> discriminator, and a nullable <c>fields</c> object with a
/// string, a nullable string, a bounded number, a string array and a string enum), plus
/// <c>connector.schema.json</c>, the discriminated <c>oneOf</c> over all of them.
/// </summary>
public static class SyntheticConnectors
{
    /// <summary>Relative path → schema text; <c>count + 1</c> files.</summary>
    public static SortedDictionary<string, string> Create(int count)
    {
        var files = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        for (var i = 1; i <= count; i++)
        {
            files.Add(FileName(i), Connector(i));
        }

        var members = string.Join(",\n    ", Enumerable.Range(1, count).Select(i => $$"""{ "$ref": "{{FileName(i)}}" }"""));
        files.Add("connector.schema.json", $$"""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "Connector",
              "description": "One of {{count}} synthetic connectors.",
              "oneOf": [
                {{members}}
              ]
            }
            """);
        return files;
    }

    private static string Id(int i) => i.ToString("D4", CultureInfo.InvariantCulture);

    private static string FileName(int i) => $"connectors/synthetic{Id(i)}.schema.json";

    private static string Connector(int i) => $$"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Synthetic{{Id(i)}}",
          "description": "Configuration of synthetic connector {{i}} (type .synthetic{{Id(i)}}).",
          "type": "object",
          "additionalProperties": false,
          "required": ["id", "name", "type", "fields"],
          "properties": {
            "id": { "type": "string", "description": "The connector's ID." },
            "name": { "type": "string", "description": "The connector name." },
            "type": { "const": ".synthetic{{Id(i)}}", "description": "The type of the connector." },
            "fields": {
              "type": ["object", "null"],
              "title": "Synthetic{{Id(i)}}Fields",
              "description": "The connector's fields.",
              "additionalProperties": false,
              "required": ["summary"],
              "properties": {
                "summary": { "type": "string", "maxLength": 160, "description": "A summary." },
                "priority": { "type": ["string", "null"], "description": "The priority." },
                "severity": { "type": "number", "minimum": 0, "maximum": 10, "description": "The severity." },
                "labels": { "type": "array", "items": { "type": "string" }, "description": "Labels." },
                "mode": { "type": "string", "enum": ["manual", "automatic", "scheduled"], "description": "How the connector pushes." }
              }
            }
          }
        }
        """;
}
