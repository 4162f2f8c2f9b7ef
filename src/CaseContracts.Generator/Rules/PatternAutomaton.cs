using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using static CaseContracts.Generator.Rules.PatternSyntax;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// A schema pattern as a deterministic automaton over ASCII: the generated code matches ASCII text (nearly every
/// property name, code and date a document holds) with it, one table step per byte of UTF-8, no decoding, no regular
/// expression engine; text with any other character still goes to the regular expression (<see cref="EcmaPattern"/>),
/// which is what the automaton must agree with on every ASCII text.
/// </summary>
/// <remarks>
/// Built for the common subset of patterns: literals, <c>.</c>, classes and class escapes, groups, alternation,
/// greedy or lazy quantifiers, and <c>^</c>/<c>$</c> at the start/end of a top-level alternative. Anything else
/// (look-around, back-references, <c>\b</c>, <c>\p{…}</c>, an anchor elsewhere, syntax .NET and ECMA-262 read
/// differently), or an automaton of more than <see cref="MaximumStates"/> states, gives none: the pattern is then
/// matched by the regular expression alone. The automaton matches the whole text: an unanchored side is padded with
/// "any ASCII, any number of times", so JSON Schema's search semantics come out of one table.
/// </remarks>
internal sealed class PatternAutomaton
{
    /// <summary>The most states (the dead state included) a table holds: a state is one byte.</summary>
    public const int MaximumStates = 255;

    // A pattern expanded to more NFA states than this is not worth a table (a{1000}).
    private const int MaximumNfaStates = 4096;

    private const int Alphabet = CharSet.Alphabet;

    private static readonly ConcurrentDictionary<string, PatternAutomaton?> s_built = new(StringComparer.Ordinal);

    private PatternAutomaton(string transitions, string acceptance)
    {
        Transitions = transitions;
        Acceptance = acceptance;
    }

    /// <summary>
    /// The transitions of states 1 to n-1 (state 0 is dead: no text from there matches; state 1 is the start), each
    /// state's 128 targets run-length encoded as pairs of characters (run length, target state).
    /// </summary>
    public string Transitions { get; }

    /// <summary>
    /// One character per state: <c>0</c> rejects the text if it ends there, <c>1</c> accepts it, <c>2</c> accepts it
    /// whatever follows (every transition stays there).
    /// </summary>
    public string Acceptance { get; }

    /// <summary>The automaton of the ECMA-262 <paramref name="pattern"/>, or null when it has none (see the remarks).</summary>
    public static PatternAutomaton? For(string pattern) => s_built.GetOrAdd(pattern, Build);

    private static PatternAutomaton? Build(string pattern)
    {
        var tree = new PatternParser(pattern).ParseTop();
        if (tree is null)
        {
            return null;
        }

        var nfa = new Nfa();
        var (start, end) = nfa.Add(tree);
        return nfa.Count > MaximumNfaStates ? null : Determinize(nfa, start, end);
    }

    // Subset construction over the classes of characters no set in the pattern tells apart.
    private static PatternAutomaton? Determinize(Nfa nfa, int start, int accept)
    {
        var classes = CharacterClasses(nfa);
        var states = new List<int[]> { Array.Empty<int>() };
        var index = new Dictionary<string, int>(StringComparer.Ordinal) { [string.Empty] = 0 };
        var first = nfa.Closure(new[] { start });
        states.Add(first);
        index[Key(first)] = 1;
        var table = new List<int[]> { new int[Alphabet] };
        for (var s = 1; s < states.Count; s++)
        {
            var row = new int[Alphabet];
            foreach (var members in classes)
            {
                var next = nfa.Closure(nfa.Step(states[s], members[0]));
                var key = Key(next);
                if (!index.TryGetValue(key, out var target))
                {
                    if (states.Count == MaximumStates)
                    {
                        return null;
                    }

                    target = states.Count;
                    index[key] = target;
                    states.Add(next);
                }

                foreach (var c in members)
                {
                    row[c] = target;
                }
            }

            table.Add(row);
        }

        var transitions = new StringBuilder();
        for (var s = 1; s < states.Count; s++)
        {
            var row = table[s];
            for (var c = 0; c < Alphabet;)
            {
                var run = 1;
                while (c + run < Alphabet && row[c + run] == row[c])
                {
                    run++;
                }

                transitions.Append((char)run).Append((char)row[c]);
                c += run;
            }
        }

        var acceptance = new StringBuilder();
        for (var s = 0; s < states.Count; s++)
        {
            var accepts = Array.IndexOf(states[s], accept) >= 0;
            acceptance.Append(!accepts ? '0' : table[s].All(t => t == s) ? '2' : '1');
        }

        return new PatternAutomaton(transitions.ToString(), acceptance.ToString());
    }

    private static string Key(int[] states) => string.Join(",", states);

    // The ASCII characters grouped by which of the pattern's sets hold them: one step per group, not per character.
    private static List<List<int>> CharacterClasses(Nfa nfa)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var sets = nfa.Sets.Distinct().ToList();
        for (var c = 0; c < Alphabet; c++)
        {
            var signature = new StringBuilder(sets.Count);
            foreach (var set in sets)
            {
                signature.Append(set.Contains(c) ? '1' : '0');
            }

            var key = signature.ToString();
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = new List<int>();
            }

            members.Add(c);
        }

        return groups.Values.ToList();
    }

    private sealed class Nfa
    {
        private readonly List<(CharSet Set, int Target)?> _step = new();
        private readonly List<List<int>> _empty = new();

        public int Count => _step.Count;

        public IEnumerable<CharSet> Sets => _step.Where(s => s.HasValue).Select(s => s!.Value.Set);

        private int NewState()
        {
            _step.Add(null);
            _empty.Add(new List<int>());
            return _step.Count - 1;
        }

        // A fragment: its start state and its end state, which has no way out yet.
        public (int Start, int End) Add(Node node)
        {
            if (Count > MaximumNfaStates)
            {
                var stop = NewState();
                return (stop, stop);
            }

            switch (node)
            {
                case Chars chars:
                {
                    var start = NewState();
                    var end = NewState();
                    _step[start] = (chars.Set, end);
                    return (start, end);
                }

                case Sequence sequence:
                {
                    var start = NewState();
                    var end = start;
                    foreach (var item in sequence.Items)
                    {
                        var part = Add(item);
                        _empty[end].Add(part.Start);
                        end = part.End;
                    }

                    return (start, end);
                }

                case Choice choice:
                {
                    var start = NewState();
                    var end = NewState();
                    foreach (var item in choice.Items)
                    {
                        var part = Add(item);
                        _empty[start].Add(part.Start);
                        _empty[part.End].Add(end);
                    }

                    return (start, end);
                }

                case Repeat repeat:
                {
                    var start = NewState();
                    var end = start;
                    for (var i = 0; i < repeat.Min; i++)
                    {
                        var part = Add(repeat.Item);
                        _empty[end].Add(part.Start);
                        end = part.End;
                    }

                    if (repeat.Max < 0)
                    {
                        // Any number more: a loop back from the copy's end to its start, both optional.
                        var loop = Add(repeat.Item);
                        var after = NewState();
                        _empty[end].Add(loop.Start);
                        _empty[end].Add(after);
                        _empty[loop.End].Add(loop.Start);
                        _empty[loop.End].Add(after);
                        return (start, after);
                    }

                    var last = NewState();
                    for (var i = repeat.Min; i < repeat.Max; i++)
                    {
                        var part = Add(repeat.Item);
                        _empty[end].Add(part.Start);
                        _empty[end].Add(last);
                        end = part.End;
                    }

                    _empty[end].Add(last);
                    return (start, last);
                }

                default:
                    throw new InvalidOperationException("unknown pattern node " + node.GetType().Name);
            }
        }

        public int[] Step(int[] states, int c)
        {
            var next = new List<int>();
            foreach (var state in states)
            {
                if (_step[state] is { } step && step.Set.Contains(c))
                {
                    next.Add(step.Target);
                }
            }

            return next.ToArray();
        }

        public int[] Closure(IEnumerable<int> states)
        {
            var seen = new HashSet<int>();
            var pending = new Stack<int>(states);
            while (pending.Count > 0)
            {
                var state = pending.Pop();
                if (seen.Add(state))
                {
                    foreach (var next in _empty[state])
                    {
                        pending.Push(next);
                    }
                }
            }

            var closure = seen.ToArray();
            Array.Sort(closure);
            return closure;
        }
    }
}
