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
internal static class NameCollisions
{
    private static readonly ConditionalWeakTable<SchemaIndex, Dictionary<string, (string Name, SchemaSummary Winner)>> s_shadowed = new();

    public static bool IsShadowed(string key, SchemaIndex index) => s_shadowed.GetValue(index, Compute).ContainsKey(key);

    public static IEnumerable<DiagnosticInfo> Report(SchemaIndex index)
    {
        foreach (var summary in index.Schemas)
        {
            if (s_shadowed.GetValue(index, Compute).TryGetValue(summary.Key, out var collision))
            {
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, summary.Location, collision.Name, summary.Key, collision.Winner.Key);
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
                yield return summary.TypeName;
                break;
        }
    }
}
