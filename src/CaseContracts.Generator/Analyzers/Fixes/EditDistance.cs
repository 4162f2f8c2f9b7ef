using System;
using System.Collections.Generic;

namespace CaseContracts.Generator.Analyzers.Fixes;

/// <summary>How close two names are: the optimal string alignment distance (a swap of neighbours counts one).</summary>
internal static class EditDistance
{
    public static int Between(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The candidate closest to <paramref name="name"/> (first of equals, in the order given), or null when there are none.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates) => ClosestWithDistance(name, candidates).Best;

    /// <summary>
    /// The candidate <paramref name="name"/> is most likely a misspelling of: the closest, if at most a
    /// third of its length away (at least one edit), as compilers judge "did you mean".
    /// </summary>
    public static string? Likely(string name, IEnumerable<string> candidates)
    {
        var (closest, distance) = ClosestWithDistance(name, candidates);
        return closest is not null && distance <= Math.Max(1, closest.Length / 3) ? closest : null;
    }

    private static (string? Best, int Distance) ClosestWithDistance(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Between(name, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return (best, bestDistance);
    }
}
