using System;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model.Validation;
using CaseContracts.Generator.Rules;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// Which validators find an object's members in the document's member table (the runtime's <c>MemberTable</c>)
/// instead of reading the object: those of positions applied in place beside another reading of the same value
/// (<c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> members, <c>not</c>, <c>if</c>/<c>then</c>/<c>else</c>, dependent schemas,
/// what they refer to and their properties' schemas), whose object checks look at members by name alone
/// (<c>properties</c>, <c>required</c>). Real schemas test one member in each of many conditions (popxf: eight
/// <c>if</c>s on <c>metadata</c>); each read the whole object, now the first reads it into the table and the rest
/// look up. The members come in document order either way, so the errors and their order are the same.
/// </summary>
internal static class MemberLookups
{
    /// <summary>The keys of the positions of <paramref name="nodes"/> whose validators look members up.</summary>
    public static HashSet<string> Positions(IReadOnlyList<ValidationNode> nodes)
    {
        var byKey = new Dictionary<string, ValidationNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            byKey[node.Key] = node;
        }

        var pending = new Stack<string>();
        foreach (var node in nodes)
        {
            foreach (var key in InPlace(node))
            {
                pending.Push(key);
            }
        }

        var sharing = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var key = pending.Pop();
            if (!sharing.Add(key) || !byKey.TryGetValue(key, out var node))
            {
                continue;
            }

            if (node.RefKey is { } target)
            {
                pending.Push(target);
            }

            // A member this position checks is read by the position beside it too (or by nothing else: then the
            // table costs what the read would).
            foreach (var property in node.Properties)
            {
                pending.Push(property.NodeKey);
            }
        }

        sharing.RemoveWhere(key => !byKey.TryGetValue(key, out var node) || !LooksUpByName(node));
        return sharing;
    }

    /// <summary>
    /// Whether a position applied in place to <paramref name="node"/>'s value (directly, or through other in-place
    /// positions and references) is one of <paramref name="positions"/>: then the node's own member loop reads the object
    /// first, recording its table, and its in-place schemas run after (the errors put back in their order), rather than
    /// the first lookup reading the object once more.
    /// </summary>
    public static bool LooksUpInPlace(ValidationNode node, IReadOnlyDictionary<string, ValidationNode> byKey, HashSet<string> positions)
    {
        var pending = new Stack<string>(InPlace(node));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var key = pending.Pop();
            if (!seen.Add(key))
            {
                continue;
            }

            if (positions.Contains(key))
            {
                return true;
            }

            if (byKey.TryGetValue(key, out var inPlace))
            {
                if (inPlace.RefKey is { } target)
                {
                    pending.Push(target);
                }

                foreach (var next in InPlace(inPlace))
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }

    /// <summary>Whether the object checks of <paramref name="node"/> look at members by name alone: no other member is read.</summary>
    public static bool LooksUpByName(ValidationNode node)
        => (node.Properties.Count > 0 || node.Required.Count > 0 || DependenciesRule.OfMemberLoop(node).Any())
           && !node.RejectsAdditionalProperties && node.AdditionalPropertiesKey is null
           && PatternPropertiesRule.Patterns(node).IsEmpty
           && !AssertionRules.AnyFor(node.Assertions, JsonNodeKind.Object);

    private static IEnumerable<string> InPlace(ValidationNode node)
    {
        foreach (var key in node.AllOf)
        {
            yield return key;
        }

        foreach (var key in node.AnyOf)
        {
            yield return key;
        }

        foreach (var key in node.OneOf)
        {
            yield return key;
        }

        foreach (var application in node.Applications)
        {
            foreach (var key in ApplicatorRules.Find(application.Keyword)!.InPlaceSchemas(application))
            {
                yield return key;
            }
        }
    }
}
