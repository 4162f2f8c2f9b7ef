using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// How a <c>oneOf</c> union is discriminated: the property that is required and fixed (<c>const</c>)
/// in every member, and which member each value selects. Computed from the index only, so the union
/// and each of its variants reach the same answer independently.
/// </summary>
internal sealed class UnionLayout
{
    private UnionLayout(SchemaSummary union, string discriminatorJsonName, List<(SchemaSummary Member, string Value)> variants, List<DiagnosticInfo> diagnostics)
    {
        Union = union;
        DiscriminatorJsonName = discriminatorJsonName;
        Variants = variants;
        Diagnostics = diagnostics;
    }

    public SchemaSummary Union { get; }

    public string DiscriminatorJsonName { get; }

    /// <summary>The members that become variants, in schema order, with their discriminator value (decoded string).</summary>
    public IReadOnlyList<(SchemaSummary Member, string Value)> Variants { get; }

    /// <summary>Duplicate values (the later member is left out of the union).</summary>
    public IReadOnlyList<DiagnosticInfo> Diagnostics { get; }

    /// <summary>The layout, or null when the <c>oneOf</c> is not discriminated (it is then bound as JSON).</summary>
    public static UnionLayout? Of(SchemaSummary union, SchemaIndex index)
    {
        if (union.Kind != NamedSchemaKind.Union)
        {
            return null;
        }

        var members = new List<(SchemaSummary Summary, SourceLocation Location)>();
        for (var i = 0; i < union.UnionMembers.Count; i++)
        {
            if (index.Find(union.UnionMembers[i]) is not { Kind: NamedSchemaKind.Object } member)
            {
                return null;
            }

            members.Add((member, union.UnionMemberLocations[i]));
        }

        var candidates = members[0].Summary.ConstProperties
            .Where(c => c.ConstJson.StartsWith("\"", StringComparison.Ordinal))
            .Select(c => c.JsonName)
            .Where(name => members.All(m => m.Summary.ConstProperties.Any(c => c.JsonName == name && c.ConstJson.StartsWith("\"", StringComparison.Ordinal))))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var discriminator = candidates[0];
        var variants = new List<(SchemaSummary, string)>();
        var diagnostics = new List<DiagnosticInfo>();
        var seen = new Dictionary<string, SchemaSummary>(StringComparer.Ordinal);
        foreach (var (member, location) in members)
        {
            var value = JsonStrings.Decode(member.ConstProperties.First(c => c.JsonName == discriminator).ConstJson);
            if (seen.TryGetValue(value, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateDiscriminatorValue, location, union.TypeName, discriminator, value, first.TypeName, member.TypeName));
                continue;
            }

            seen.Add(value, member);
            variants.Add((member, value));
        }

        return new UnionLayout(union, discriminator, variants, diagnostics);
    }

    /// <summary>The union (first by key) that has <paramref name="memberKey"/> as a variant, if any.</summary>
    public static UnionLayout? ContainingUnion(string memberKey, SchemaIndex index)
        => s_variantsByIndex.GetValue(index, MapVariants).TryGetValue(memberKey, out var layout) ? layout : null;

    // Computed once per index: every type resolution asks which union (if any) contains it.
    private static readonly ConditionalWeakTable<SchemaIndex, Dictionary<string, UnionLayout>> s_variantsByIndex = new();

    private static Dictionary<string, UnionLayout> MapVariants(SchemaIndex index)
    {
        var map = new Dictionary<string, UnionLayout>(StringComparer.Ordinal);
        foreach (var summary in index.Schemas)
        {
            if (Of(summary, index) is { } layout)
            {
                foreach (var (member, _) in layout.Variants)
                {
                    if (!map.ContainsKey(member.Key))
                    {
                        map.Add(member.Key, layout);
                    }
                }
            }
        }

        return map;
    }
}
