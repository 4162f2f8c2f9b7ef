using System;
using System.Collections.Generic;

namespace CaseContracts.Generator.Emit;

/// <summary>Disjoint groups of position keys (union–find): joined groups stay joined.</summary>
internal sealed class KeyGroups
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

    /// <summary>The key that stands for <paramref name="key"/>'s group (a key never joined stands for itself).</summary>
    public string Find(string key)
    {
        var root = key;
        while (_parent.TryGetValue(root, out var parent))
        {
            root = parent;
        }

        // Path compression: every key on the way points at the root.
        while (key != root && _parent.TryGetValue(key, out var next))
        {
            _parent[key] = root;
            key = next;
        }

        return root;
    }

    /// <summary>Joins the groups of <paramref name="a"/> and <paramref name="b"/> (nothing for a null or empty key); true when they were apart.</summary>
    public bool Join(string a, string? b)
    {
        if (string.IsNullOrEmpty(b))
        {
            return false;
        }

        var rootA = Find(a);
        var rootB = Find(b!);
        if (rootA == rootB)
        {
            return false;
        }

        _parent[rootB] = rootA;
        return true;
    }
}
