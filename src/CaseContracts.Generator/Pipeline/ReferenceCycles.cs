using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// The <c>$ref</c>s that close a cycle of schema positions applied to the same value (through <c>$ref</c>,
/// <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>), across files: <c>{"allOf": [{"$ref": "#"}]}</c>. Validation
/// would follow such a cycle without end (the generated validators would overflow the stack), so each is
/// reported (CC0008) and its validator rejects the value instead of following it. Cycles through
/// <c>properties</c>, <c>items</c> or <c>additionalProperties</c> read into the value and end with it: they
/// are not edges here, and recursive schemas keep working.
/// </summary>
/// <remarks>
/// Computed once per index from its <see cref="SchemaIndex.InPlaceApplications"/>: a depth-first search over
/// the <c>$ref</c> positions, in key order, where one <c>$ref</c> leads to every <c>$ref</c> its target reaches
/// through members. A <c>$ref</c> that leads back to one still on the search's path closes a cycle; cutting
/// every such <c>$ref</c> leaves no cycle (it removes, at least, every back edge of the search). The same
/// index gives every file the same answer, so each cycle is reported once, in the file of its closing <c>$ref</c>.
/// </remarks>
internal sealed class ReferenceCycles
{
    // A cycle-closing $ref's position → the positions the cycle goes through, from that $ref back to it.
    private readonly Dictionary<string, List<string>> _closing;

    private ReferenceCycles(Dictionary<string, List<string>> closing) => _closing = closing;

    /// <summary>Whether the <c>$ref</c> at <paramref name="positionKey"/> closes a cycle (so it must not be followed).</summary>
    public bool Closes(string positionKey) => _closing.ContainsKey(positionKey);

    public static ReferenceCycles Of(SchemaIndex index) => s_byIndex.GetValue(index, Find);

    // Every file's resolution and plan asks; the search runs once per index.
    private static readonly ConditionalWeakTable<SchemaIndex, ReferenceCycles> s_byIndex = new();

    /// <summary>CC0008 for each cycle-closing <c>$ref</c> written in <paramref name="document"/>, at the <c>$ref</c>'s value.</summary>
    public IEnumerable<DiagnosticInfo> Report(SchemaDocument document, GeneratorOptions options)
    {
        foreach (var reference in document.References)
        {
            if (_closing.TryGetValue(reference.PositionKey, out var cycle))
            {
                var path = string.Join(" → ", cycle.Select(key => ValidatorNames.Relative(key, options)));
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.ReferenceCycle, reference.Location, reference.Written, path);
            }
        }
    }

    private static ReferenceCycles Find(SchemaIndex index)
    {
        // A $ref to a URI another file registers leads where the index resolves it.
        var applications = index.InPlaceApplications
            .Select(a => a.ReferenceKey is { } reference ? a with { ReferenceKey = index.Resolve(reference) } : a)
            .ToDictionary(a => a.Key, StringComparer.Ordinal);
        var references = index.InPlaceApplications.Where(a => a.ReferenceKey is not null).Select(a => a.Key).ToList();
        var closing = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        var pending = new Stack<(string Key, IEnumerator<string> Next)>();

        // Iterative, not recursive: a long chain of $refs must not overflow the compiler's stack either.
        foreach (var start in references)
        {
            if (done.Contains(start))
            {
                continue;
            }

            Enter(start);
            while (pending.Count > 0)
            {
                var (key, next) = pending.Peek();
                if (!next.MoveNext())
                {
                    pending.Pop();
                    onPath.Remove(key);
                    path.RemoveAt(path.Count - 1);
                    done.Add(key);
                    continue;
                }

                var successor = next.Current;
                if (onPath.TryGetValue(successor, out var depth))
                {
                    if (!closing.ContainsKey(key))
                    {
                        closing.Add(key, Positions(path.Skip(depth).Prepend(key).ToList(), applications));
                    }
                }
                else if (!done.Contains(successor))
                {
                    Enter(successor);
                }
            }
        }

        return new ReferenceCycles(closing);

        void Enter(string key)
        {
            onPath.Add(key, path.Count);
            path.Add(key);
            pending.Push((key, ReferencesReachedBy(applications[key].ReferenceKey!, applications).GetEnumerator()));
        }
    }

    /// <summary>A cycle of <c>$ref</c> positions (the first repeated at the end) with each <c>$ref</c>'s target where it is another position.</summary>
    private static List<string> Positions(List<string> references, Dictionary<string, InPlaceApplication> applications)
    {
        var positions = new List<string>();
        for (var i = 0; i < references.Count - 1; i++)
        {
            positions.Add(references[i]);
            var target = applications[references[i]].ReferenceKey!;
            if (target != references[i + 1])
            {
                positions.Add(target);
            }
        }

        positions.Add(references[references.Count - 1]);
        return positions;
    }

    /// <summary>The <c>$ref</c> positions applied, in place, when <paramref name="target"/> is: itself if it is one, else through its members.</summary>
    private static IEnumerable<string> ReferencesReachedBy(string target, Dictionary<string, InPlaceApplication> applications)
    {
        // A target that applies no $ref in place leads nowhere; so does an unresolved one (CC0002), which is no position.
        if (!applications.TryGetValue(target, out var application))
        {
            yield break;
        }

        if (application.ReferenceKey is not null)
        {
            yield return target;
            yield break;
        }

        // Members nest as the schema's JSON does (a tree, finite), so this walk needs no cycle check of its own.
        var members = new Stack<string>(application.Members.Reverse());
        while (members.Count > 0)
        {
            var member = members.Pop();
            if (!applications.TryGetValue(member, out var memberApplication))
            {
                continue;
            }

            if (memberApplication.ReferenceKey is not null)
            {
                yield return member;
            }
            else
            {
                foreach (var nested in memberApplication.Members.Reverse())
                {
                    members.Push(nested);
                }
            }
        }
    }
}
