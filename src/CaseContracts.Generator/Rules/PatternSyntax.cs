using System;
using System.Collections.Generic;
using System.Linq;

namespace CaseContracts.Generator.Rules;

/// <summary>
/// What a schema pattern says about ASCII text, for <see cref="PatternAutomaton"/>: a tree over sets of ASCII
/// characters, read by <see cref="PatternParser"/> from the subset of ECMA-262 whose meaning .NET shares.
/// </summary>
internal static class PatternSyntax
{
    /// <summary>A set of ASCII characters, one bit each.</summary>
    internal readonly record struct CharSet(ulong Low, ulong High)
    {
        /// <summary>How many characters a set can hold: ASCII.</summary>
        public const int Alphabet = 128;

        public static readonly CharSet None = new(0, 0);
        public static readonly CharSet All = new(ulong.MaxValue, ulong.MaxValue);

        public static CharSet Of(int c) => c >= Alphabet ? None : c < 64 ? new(1UL << c, 0) : new(0, 1UL << (c - 64));

        /// <summary>The characters <paramref name="first"/> to <paramref name="last"/> that are ASCII.</summary>
        public static CharSet Range(int first, int last)
        {
            var set = None;
            for (var c = first; c <= Math.Min(last, Alphabet - 1); c++)
            {
                set |= Of(c);
            }

            return set;
        }

        public bool Contains(int c) => c < 64 ? (Low & (1UL << c)) != 0 : (High & (1UL << (c - 64))) != 0;

        public CharSet Complement => new(~Low, ~High);

        public static CharSet operator |(CharSet a, CharSet b) => new(a.Low | b.Low, a.High | b.High);

        public static CharSet operator -(CharSet a, CharSet b) => new(a.Low & ~b.Low, a.High & ~b.High);
    }

    /// <summary>A parsed pattern: the tree the NFA is built from.</summary>
    internal abstract record Node;

    internal sealed record Chars(CharSet Set) : Node;

    internal sealed record Sequence(IReadOnlyList<Node> Items) : Node;

    internal sealed record Choice(IReadOnlyList<Node> Items) : Node;

    /// <summary><paramref name="Max"/> is -1 for no upper bound.</summary>
    internal sealed record Repeat(Node Item, int Min, int Max) : Node;

    /// <summary>
    /// Reads the subset of ECMA-262 patterns whose meaning .NET shares on ASCII text (the translated pattern is the
    /// reference); null for anything else, never a guess.
    /// </summary>
    internal sealed class PatternParser
    {
        private static readonly CharSet s_digits = CharSet.Range('0', '9');
        private static readonly CharSet s_word = CharSet.Range('a', 'z') | CharSet.Range('A', 'Z') | s_digits | CharSet.Of('_');
        private static readonly CharSet s_space = CharSet.Range('\t', '\r') | CharSet.Of(' ');

        // ECMA-262's '.': any character but a line terminator (of which \n and \r are ASCII).
        private static readonly CharSet s_dot = CharSet.All - CharSet.Of('\n') - CharSet.Of('\r');

        private const string SyntaxCharacters = "^$\\.*+?()[]{}|/-";

        private readonly string _pattern;
        private int _at;

        public PatternParser(string pattern) => _pattern = pattern;

        // The character the last single-character escape stood for (a class range's end points).
        private int EscapedCharacter { get; set; }

        private bool AtEnd => _at >= _pattern.Length;

        private char Current => _pattern[_at];

        /// <summary>The whole pattern, each top-level alternative padded on a side it does not anchor; null outside the subset.</summary>
        public Node? ParseTop()
        {
            var anyText = new Repeat(new Chars(CharSet.All), 0, -1);
            var alternatives = new List<Node>();
            while (true)
            {
                var items = new List<Node>();
                if (!AtEnd && Current == '^')
                {
                    _at++;
                }
                else
                {
                    items.Add(anyText);
                }

                var anchoredEnd = false;
                while (!AtEnd && Current != '|')
                {
                    if (Current == '$' && (_at + 1 == _pattern.Length || _pattern[_at + 1] == '|'))
                    {
                        _at++;
                        anchoredEnd = true;
                        break;
                    }

                    if (ParseTerm() is not { } term)
                    {
                        return null;
                    }

                    items.Add(term);
                }

                if (!anchoredEnd)
                {
                    items.Add(anyText);
                }

                alternatives.Add(new Sequence(items));
                if (AtEnd)
                {
                    return alternatives.Count == 1 ? alternatives[0] : new Choice(alternatives);
                }

                _at++; // '|'
            }
        }

        // Alternatives up to the group's ')' (not consumed).
        private Node? ParseDisjunction()
        {
            var alternatives = new List<Node>();
            var items = new List<Node>();
            while (true)
            {
                if (AtEnd || Current == ')')
                {
                    alternatives.Add(new Sequence(items));
                    return alternatives.Count == 1 ? alternatives[0] : new Choice(alternatives);
                }

                if (Current == '|')
                {
                    _at++;
                    alternatives.Add(new Sequence(items));
                    items = new List<Node>();
                    continue;
                }

                if (ParseTerm() is not { } term)
                {
                    return null;
                }

                items.Add(term);
            }
        }

        private Node? ParseTerm()
        {
            if (ParseAtom() is not { } atom)
            {
                return null;
            }

            if (AtEnd)
            {
                return atom;
            }

            int min, max;
            switch (Current)
            {
                case '*':
                    (min, max) = (0, -1);
                    _at++;
                    break;
                case '+':
                    (min, max) = (1, -1);
                    _at++;
                    break;
                case '?':
                    (min, max) = (0, 1);
                    _at++;
                    break;
                case '{':
                    if (!TryParseBraces(out min, out max))
                    {
                        return null;
                    }

                    break;
                default:
                    return atom;
            }

            // Lazy or greedy, the same texts match.
            if (!AtEnd && Current == '?')
            {
                _at++;
            }

            // A quantifier on a quantifier is an error in both dialects (reported when the pattern is read).
            return !AtEnd && Current is '*' or '+' or '?' or '{' ? null : new Repeat(atom, min, max);
        }

        private bool TryParseBraces(out int min, out int max)
        {
            min = max = 0;
            var close = _pattern.IndexOf('}', _at);
            if (close < 0)
            {
                return false;
            }

            var body = _pattern.Substring(_at + 1, close - _at - 1);
            var comma = body.IndexOf(',');
            var lower = comma < 0 ? body : body.Substring(0, comma);
            var upper = comma < 0 ? body : body.Substring(comma + 1);
            if (!IsCount(lower) || (upper.Length > 0 && !IsCount(upper)))
            {
                return false;
            }

            min = int.Parse(lower, System.Globalization.CultureInfo.InvariantCulture);
            max = upper.Length == 0 ? -1 : int.Parse(upper, System.Globalization.CultureInfo.InvariantCulture);
            _at = close + 1;
            return max < 0 || min <= max;
        }

        private static bool IsCount(string text) => text.Length is > 0 and <= 4 && text.All(c => c is >= '0' and <= '9');

        private Node? ParseAtom()
        {
            var c = Current;
            switch (c)
            {
                case '.':
                    _at++;
                    return new Chars(s_dot);
                case '[':
                    return ParseClass();
                case '(':
                    return ParseGroup();
                case '\\':
                    _at++;
                    return ParseEscape(inClass: false) is { } escaped ? new Chars(escaped) : null;
                case '^' or '$' or ')' or ']' or '{' or '}' or '*' or '+' or '?' or '|':
                    // An anchor inside, or a character the dialects read differently alone: the regular expression decides.
                    return null;
                default:
                    _at++;
                    if (char.IsHighSurrogate(c) && !AtEnd && char.IsLowSurrogate(Current))
                    {
                        // One code point, as EcmaPattern translates it: one atom, and never ASCII.
                        _at++;
                    }

                    return new Chars(CharSet.Of(c));
            }
        }

        private Node? ParseGroup()
        {
            _at++;
            if (!AtEnd && Current == '?')
            {
                if (_at + 1 < _pattern.Length && _pattern[_at + 1] == ':')
                {
                    _at += 2;
                }
                else if (_at + 2 < _pattern.Length && _pattern[_at + 1] == '<' && IsNameStart(_pattern[_at + 2]))
                {
                    // A named group (not look-behind): only its name is extra.
                    var close = _pattern.IndexOf('>', _at);
                    if (close < 0 || !_pattern.Substring(_at + 2, close - _at - 2).All(IsNameCharacter))
                    {
                        return null;
                    }

                    _at = close + 1;
                }
                else
                {
                    return null;
                }
            }

            var inner = ParseDisjunction();
            if (inner is null || AtEnd || Current != ')')
            {
                return null;
            }

            _at++;
            return inner;
        }

        private static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

        private static bool IsNameCharacter(char c) => IsNameStart(c) || c is >= '0' and <= '9';

        private Node? ParseClass()
        {
            _at++;
            var negated = !AtEnd && Current == '^';
            if (negated)
            {
                _at++;
            }

            // An empty class, or a ']' first, reads differently in the two dialects.
            if (AtEnd || Current == ']')
            {
                return null;
            }

            var set = CharSet.None;
            while (!AtEnd && Current != ']')
            {
                if (!TryParseClassAtom(out var first, out var single))
                {
                    return null;
                }

                if (!AtEnd && Current == '-' && _at + 1 < _pattern.Length && _pattern[_at + 1] != ']')
                {
                    _at++;
                    if (single < 0 || !TryParseClassAtom(out _, out var last) || last < 0 || last < single)
                    {
                        return null;
                    }

                    set |= CharSet.Range(single, last);
                    if (!AtEnd && Current == '-' && _at + 1 < _pattern.Length && _pattern[_at + 1] != ']')
                    {
                        // "[a-z-0]": a range straight after a range reads differently in the two dialects.
                        return null;
                    }

                    continue;
                }

                set |= first;
            }

            if (AtEnd)
            {
                return null;
            }

            _at++;
            return new Chars(negated ? set.Complement : set);
        }

        // One member of a class: its set, and its character code when it is a single character (-1 for \d and such).
        private bool TryParseClassAtom(out CharSet set, out int single)
        {
            var c = Current;
            _at++;
            set = CharSet.None;
            single = -1;
            if (c == '[')
            {
                // .NET reads "[a-[b]]" as subtraction.
                return false;
            }

            if (c != '\\')
            {
                if (char.IsSurrogate(c))
                {
                    // A code point beyond the BMP in a class: the dialects split it differently; never ASCII anyway.
                    return false;
                }

                single = c;
                set = CharSet.Of(c);
                return true;
            }

            if (AtEnd)
            {
                return false;
            }

            if (Current == 'b')
            {
                _at++;
                single = '\b';
                set = CharSet.Of('\b');
                return true;
            }

            var start = _at;
            if (ParseEscape(inClass: true) is not { } escaped)
            {
                return false;
            }

            set = escaped;
            if (_pattern[start] is not ('d' or 'D' or 'w' or 'W' or 's' or 'S'))
            {
                single = EscapedCharacter;
            }

            return true;
        }

        // After a backslash: the set the escape stands for; null for one outside the subset.
        private CharSet? ParseEscape(bool inClass)
        {
            if (AtEnd)
            {
                return null;
            }

            var c = Current;
            _at++;
            switch (c)
            {
                case 'd':
                    return s_digits;
                case 'D':
                    return s_digits.Complement;
                case 'w':
                    return s_word;
                case 'W':
                    return s_word.Complement;
                case 's':
                    return s_space;
                case 'S':
                    return s_space.Complement;
                case 't':
                    return Character('\t');
                case 'n':
                    return Character('\n');
                case 'r':
                    return Character('\r');
                case 'v':
                    return Character('\v');
                case 'f':
                    return Character('\f');
                case '0' when AtEnd || Current is < '0' or > '9':
                    return Character('\0');
                case 'x':
                    return Hex(2);
                case 'u':
                    return Hex(4);
                default:
                    return SyntaxCharacters.IndexOf(c) >= 0 && (inClass || c != '-') ? Character(c) : null;
            }
        }

        private CharSet Character(int c)
        {
            EscapedCharacter = c;
            return CharSet.Of(c);
        }

        private CharSet? Hex(int digits)
        {
            if (_at + digits > _pattern.Length)
            {
                return null;
            }

            var value = 0;
            for (var i = 0; i < digits; i++)
            {
                var digit = Uri.IsHexDigit(_pattern[_at + i]) ? Convert.ToInt32(_pattern[_at + i].ToString(), 16) : -1;
                if (digit < 0)
                {
                    return null;
                }

                value = (value * 16) + digit;
            }

            _at += digits;
            return Character(value);
        }
    }
}
