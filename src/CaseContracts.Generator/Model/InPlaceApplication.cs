using System;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Model.Validation;

namespace CaseContracts.Generator.Model;

/// <summary>
/// A schema position that applies other positions to the same value, without reading into it: its
/// <c>$ref</c> target, or its <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> members. The edges along which a
/// validator can come back to itself (<c>properties</c>, <c>items</c> and <c>additionalProperties</c> read
/// into the value, so recursion through them ends with the value): the cross-file projection
/// <see cref="Pipeline.ReferenceCycles"/> looks for cycles in.
/// </summary>
/// <param name="Key">The position.</param>
/// <param name="ReferenceKey">The key its <c>$ref</c> points to, or null.</param>
/// <param name="Members">Its members that lead to a <c>$ref</c> (a cycle needs one; the others are left out), in schema order.</param>
internal sealed record InPlaceApplication(string Key, string? ReferenceKey, EquatableArray<string> Members)
{
    /// <summary>
    /// The positions of one file that lead, in place, to a <c>$ref</c>: only they can be on a cycle, and
    /// leaving the others out keeps the projection small (edits that add no <c>$ref</c> leave it alone).
    /// </summary>
    public static IEnumerable<InPlaceApplication> Of(EquatableArray<ValidationNode> nodes)
    {
        var byKey = new Dictionary<string, ValidationNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            byKey[node.Key] = node;
        }

        var leadsToReference = new Dictionary<string, bool>(StringComparer.Ordinal);
        var applications = new List<InPlaceApplication>();
        foreach (var node in nodes)
        {
            if (node.RefKey is not null)
            {
                applications.Add(new InPlaceApplication(node.Key, node.RefKey, default));
            }
            else if (MembersLeadingToReference(node, byKey, leadsToReference) is { IsEmpty: false } members)
            {
                applications.Add(new InPlaceApplication(node.Key, null, members));
            }
        }

        return applications;
    }

    // Members are sub-schemas of their position, so this recursion follows the schema's own nesting (finite, and
    // as deep as the file's JSON); each position's answer is kept.
    private static EquatableArray<string> MembersLeadingToReference(ValidationNode node, Dictionary<string, ValidationNode> byKey, Dictionary<string, bool> leadsToReference)
        => node.AllOf.Concat(node.AnyOf).Concat(node.OneOf)
            .Where(member => LeadsToReference(member, byKey, leadsToReference))
            .ToEquatableArray();

    private static bool LeadsToReference(string key, Dictionary<string, ValidationNode> byKey, Dictionary<string, bool> leadsToReference)
    {
        if (!leadsToReference.TryGetValue(key, out var leads))
        {
            leads = byKey.TryGetValue(key, out var node)
                    && (node.RefKey is not null || !MembersLeadingToReference(node, byKey, leadsToReference).IsEmpty);
            leadsToReference[key] = leads;
        }

        return leads;
    }
}
