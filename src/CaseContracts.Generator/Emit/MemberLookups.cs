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
    /// The keys of the positions whose own member loop records the object's table for a later reader: those that may read
    /// the same value as one of <paramref name="lookups"/> or as a <c>propertyNames</c> scan (which uses a table it finds).
    /// Recording costs an entry per member; a date map read by its one schema alone (abc-supply-plan's hundreds) would
    /// record tables nothing asks for. Without a table, a later lookup reads the object itself: this decides cost, never errors.
    /// </summary>
    /// <remarks>
    /// Positions that may apply to one value are gathered into groups, generously (a group may hold positions that never
    /// meet, never miss two that do): a position, its reference (a dynamic one: every anchor of its name) and its in-place
    /// schemas apply to its value; the positions a group applies to a member of that value are those of one name under
    /// <c>properties</c>, joined with every other member or item schema of the group (<c>patternProperties</c>,
    /// <c>additionalProperties</c>, <c>items</c>…) when it has one. Joining repeats until the groups stop changing.
    /// </remarks>
    public static HashSet<string> Recording(IReadOnlyList<ValidationNode> nodes, HashSet<string> lookups)
    {
        var groups = new KeyGroups();
        var anchors = nodes.SelectMany(n => n.DynamicScope).ToLookup(a => a.Name, a => a.NodeKey, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            groups.Join(node.Key, node.RefKey);
            foreach (var key in InPlace(node).Concat(node.DynamicAnchorName is { } name ? anchors[name] : Enumerable.Empty<string>()))
            {
                groups.Join(node.Key, key);
            }
        }

        // The schemas each node applies to its value's members and items but by name: the same in every pass below.
        var othersOf = nodes.Select(n => (Node: n, Others: OtherMembers(n))).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            // (group, slot) -> a position of the group's member applied there; "*" is every member or item but by name.
            var slots = new Dictionary<(string Group, string Slot), string>();
            foreach (var (node, others) in othersOf)
            {
                var group = groups.Find(node.Key);
                foreach (var property in node.Properties)
                {
                    changed |= JoinInSlot(groups, slots, (group, "properties/" + property.Name), property.NodeKey);
                }

                foreach (var key in others)
                {
                    changed |= JoinInSlot(groups, slots, (group, "*"), key);
                }
            }

            foreach (var slot in slots.Where(s => s.Key.Slot != "*" && slots.ContainsKey((s.Key.Group, "*"))))
            {
                changed |= groups.Join(slots[(slot.Key.Group, "*")], slot.Value);
            }
        }

        var reading = new HashSet<string>(
            nodes.Where(n => lookups.Contains(n.Key) || n.Applications.Any(a => a.Keyword == "propertyNames")).Select(n => groups.Find(n.Key)),
            StringComparer.Ordinal);
        return new HashSet<string>(nodes.Select(n => n.Key).Where(k => reading.Contains(groups.Find(k))), StringComparer.Ordinal);
    }

    private static bool JoinInSlot(KeyGroups groups, Dictionary<(string Group, string Slot), string> slots, (string Group, string Slot) slot, string key)
    {
        if (slots.TryGetValue(slot, out var other))
        {
            return groups.Join(other, key);
        }

        slots[slot] = key;
        return false;
    }

    // The sub-schemas of node applied to a member or an item of its value, but those of properties by name.
    private static List<string> OtherMembers(ValidationNode node)
    {
        var inPlace = new HashSet<string>(InPlace(node), StringComparer.Ordinal);
        var others = node.Applications.SelectMany(a => a.Schemas).Where(key => key.Length > 0 && !inPlace.Contains(key)).ToList();
        if (node.ItemsKey is { } items)
        {
            others.Add(items);
        }

        if (node.AdditionalPropertiesKey is { } additional)
        {
            others.Add(additional);
        }

        return others;
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
