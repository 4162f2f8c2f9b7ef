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
    private readonly List<DuplicateValue> _duplicates;

    private UnionLayout(SchemaSummary union, string discriminatorJsonName, List<(SchemaSummary Member, string Value)> variants, List<DuplicateValue> duplicates)
    {
        Union = union;
        DiscriminatorJsonName = discriminatorJsonName;
        Variants = variants;
        _duplicates = duplicates;
    }

    public SchemaSummary Union { get; }

    public string DiscriminatorJsonName { get; }

    /// <summary>The members that become variants, in schema order, with their discriminator value (decoded string).</summary>
    public IReadOnlyList<(SchemaSummary Member, string Value)> Variants { get; }

    /// <summary>
    /// CC0004 for each member left out for repeating an earlier member's discriminator value, where the union
    /// lists it. <paramref name="union"/> is the union as its own file read it: the index holds no locations.
    /// </summary>
    public IEnumerable<DiagnosticInfo> Report(NamedSchema union)
        => _duplicates.Select(d => DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateDiscriminatorValue, union.UnionMemberLocations[d.Position],
            Union.TypeName, DiscriminatorJsonName, d.Value, d.First.TypeName, d.Member.TypeName));

    /// <summary>
    /// Whether the union's reader reads its variants' members itself, in one pass: every variant's schema position
    /// is its object shape alone and its discriminator only a fixed value (so the value names the variant and
    /// is valid for it).
    /// </summary>
    /// <remarks>Not with duplicate discriminator values: the union's validator then counts matching members as <c>oneOf</c> does.</remarks>
    public bool ReadsInOnePass => _readsInOnePass ??= _duplicates.Count == 0 && Variants.All(v => ReadableInOnePass(v.Member, DiscriminatorJsonName));

    /// <summary>
    /// The members every variant declares alike (same name, required or not, same schema), the discriminator
    /// aside, in the first variant's order: the union's reader reads them before it knows the variant.
    /// </summary>
    public IReadOnlyList<MemberSummary> CommonMembers => _commonMembers ??= FindCommonMembers();

    private bool? _readsInOnePass;
    private IReadOnlyList<MemberSummary>? _commonMembers;

    private static bool ReadableInOnePass(SchemaSummary variant, string discriminator)
        => variant.Schema is { } node
           && OnePassPlanner.AssertsOnlyObjectShape(node, variant.Members.Select(m => m.JsonName))
           && variant.Members.FirstOrDefault(m => m.JsonName == discriminator) is { Schema: { } fixedNode }
           && variant.ConstProperties.FirstOrDefault(c => c.JsonName == discriminator) is { } constant
           && OnePassPlanner.FixedValueOnly(fixedNode, constant.ConstJson, assertFormats: true);

    private List<MemberSummary> FindCommonMembers()
    {
        var common = new List<MemberSummary>();
        if (Variants.Count == 0)
        {
            return common;
        }

        foreach (var member in Variants[0].Member.Members)
        {
            if (member.JsonName != DiscriminatorJsonName && member.Schema is { } schema
                && Variants.All(v => v.Member.Members.Any(m => m.JsonName == member.JsonName && m.Required == member.Required && m.Value == member.Value && m.ConstJson == member.ConstJson
                                                               && m.Schema is { } other && other with { Key = schema.Key } == schema)))
            {
                common.Add(member);
            }
        }

        return common;
    }

    /// <summary>The layout, or null when the <c>oneOf</c> is not discriminated (it is then bound as JSON).</summary>
    public static UnionLayout? Of(SchemaSummary union, SchemaIndex index)
    {
        if (union.Kind != NamedSchemaKind.Union)
        {
            return null;
        }

        var members = new List<SchemaSummary>();
        foreach (var memberKey in union.UnionMembers)
        {
            if (index.Find(memberKey) is not { Kind: NamedSchemaKind.Object } member)
            {
                return null;
            }

            members.Add(member);
        }

        var candidates = members[0].ConstProperties
            .Where(c => c.ConstJson.StartsWith("\"", StringComparison.Ordinal))
            .Select(c => c.JsonName)
            .Where(name => members.All(m => m.ConstProperties.Any(c => c.JsonName == name && c.ConstJson.StartsWith("\"", StringComparison.Ordinal))))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var discriminator = candidates[0];
        var variants = new List<(SchemaSummary, string)>();
        var duplicates = new List<DuplicateValue>();
        var seen = new Dictionary<string, SchemaSummary>(StringComparer.Ordinal);
        for (var position = 0; position < members.Count; position++)
        {
            var member = members[position];
            var value = JsonStrings.Decode(member.ConstProperties.First(c => c.JsonName == discriminator).ConstJson);
            if (seen.TryGetValue(value, out var first))
            {
                duplicates.Add(new DuplicateValue(position, member, value, first));
                continue;
            }

            seen.Add(value, member);
            variants.Add((member, value));
        }

        return new UnionLayout(union, discriminator, variants, duplicates);
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

    /// <summary>A member left out of the union: its position in the union's member list, its value and the member that has it first.</summary>
    private sealed record DuplicateValue(int Position, SchemaSummary Member, string Value, SchemaSummary First);
}
