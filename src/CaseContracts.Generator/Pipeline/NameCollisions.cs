using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// Two schemas that would produce the same C# type name: the first by key keeps the name, the
/// others are reported (at their declaration) and not generated, so the output still compiles.
/// </summary>
/// <remarks>
/// Decided from the index (once per index), reported by each file for its own schemas: the index holds no
/// locations, and the same index gives every file the same answer, so each collision is reported once.
/// </remarks>
internal static class NameCollisions
{
    private static readonly ConditionalWeakTable<SchemaIndex, Dictionary<string, (string Name, SchemaSummary Winner)>> s_shadowed = new();

    public static bool IsShadowed(string key, SchemaIndex index) => s_shadowed.GetValue(index, Compute).ContainsKey(key);

    /// <summary>CC0005 for each schema of <paramref name="document"/> that loses its name to another, at the schema's declaration.</summary>
    public static IEnumerable<DiagnosticInfo> Report(SchemaDocument document, SchemaIndex index)
    {
        var shadowed = s_shadowed.GetValue(index, Compute);
        foreach (var schema in document.Schemas)
        {
            if (shadowed.TryGetValue(schema.Key, out var collision))
            {
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, schema.Location, collision.Name, schema.Key, collision.Winner.Key);
            }
        }
    }

    private static Dictionary<string, (string, SchemaSummary)> Compute(SchemaIndex index)
    {
        var owners = new Dictionary<string, SchemaSummary>(StringComparer.Ordinal);
        var shadowed = new Dictionary<string, (string, SchemaSummary)>(StringComparer.Ordinal);
        foreach (var summary in index.Schemas)
        {
            foreach (var name in GeneratedNames(summary, index))
            {
                if (owners.TryGetValue(name, out var winner))
                {
                    shadowed[summary.Key] = (name, winner);
                }
                else
                {
                    owners.Add(name, summary);
                }
            }
        }

        return shadowed;
    }

    /// <summary>The type names (qualified by their containing type) a schema would generate.</summary>
    private static IEnumerable<string> GeneratedNames(SchemaSummary summary, SchemaIndex index)
    {
        if (DocumentRoots.IsRoot(summary.Key) && DocumentRoots.DocumentTypeName(summary, index) is { } document)
        {
            yield return document;
        }

        switch (summary.Kind)
        {
            case NamedSchemaKind.Object:
                var container = UnionLayout.ContainingUnion(summary.Key, index)?.Union.TypeName;
                yield return container is null ? summary.TypeName : container + "." + summary.TypeName;
                break;
            case NamedSchemaKind.Enum:
                yield return summary.TypeName;
                yield return summary.TypeName + "Json";
                break;
            case NamedSchemaKind.Union when UnionLayout.Of(summary, index) is not null:
            case NamedSchemaKind.KindUnion:
                yield return summary.TypeName;
                break;
        }
    }
}
