// Emitted by JsonSupportEmitter beside JsonSupport, once per compilation. Written as generated code is:
// global::-qualified names, [GeneratedCode] standing for the generator's attribute.

namespace CaseContracts.Internal;

/// <summary>
/// A schema's regular expression (ECMA-262, not anchored, as JSON Schema specifies), as the generated validators run
/// it: ASCII text (nearly every name, code and date) through the automaton the generator built for the pattern, one
/// table step per byte, and any other text, or every text when the pattern has no automaton, through the .NET regular
/// expression the generator translated it to. A match that takes over a second does not match.
/// </summary>
[GeneratedCode]
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
internal sealed class SchemaPattern
{
    private const int NotAscii = -1;

    private readonly string _pattern;
    private readonly string? _transitions;
    private readonly string? _acceptance;
    private byte[]? _next;
    private global::System.Text.RegularExpressions.Regex? _regex;

    /// <summary>
    /// The pattern as .NET reads it (<paramref name="pattern"/>), and its automaton over ASCII when it has one: states
    /// 1 to n-1's transitions as (run length, target) character pairs covering the 128 characters (state 0 is dead,
    /// state 1 the start), and per state <c>'0'</c> (no match if the text ends there), <c>'1'</c> (a match) or
    /// <c>'2'</c> (a match whatever follows).
    /// </summary>
    public SchemaPattern(string pattern, string? transitions = null, string? acceptance = null)
    {
        _pattern = pattern;
        _transitions = transitions;
        _acceptance = acceptance;
    }

    // Compiled to IL the first time it is needed: only the patterns (and texts) a run meets pay for it.
    private global::System.Text.RegularExpressions.Regex Regex => _regex ??= new(
        _pattern,
        global::System.Text.RegularExpressions.RegexOptions.CultureInvariant | global::System.Text.RegularExpressions.RegexOptions.Compiled,
        global::System.TimeSpan.FromSeconds(1));

    /// <summary>Whether the pattern matches the string or property name at <paramref name="reader"/>.</summary>
    public bool Matches(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (_acceptance is not null && !reader.HasValueSequence && !reader.ValueIsEscaped && Run(reader.ValueSpan) is var verdict and not NotAscii)
        {
            return verdict == 1;
        }

        try
        {
            // Short strings are decoded on the stack, not into a string.
            if (!reader.HasValueSequence && reader.ValueSpan.Length <= 256)
            {
                global::System.Span<char> text = stackalloc char[256];
                return Regex.IsMatch(text.Slice(0, reader.CopyString(text)));
            }

            return Regex.IsMatch(reader.GetString() ?? string.Empty);
        }
        catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Whether the pattern matches <paramref name="text"/>.</summary>
    public bool IsMatch(string text)
    {
        // Names decoded for unevaluatedProperties only: encoding one again costs less than a second loop to keep.
        if (_acceptance is not null && Run(global::System.Text.Encoding.UTF8.GetBytes(text)) is var verdict and not NotAscii)
        {
            return verdict == 1;
        }

        try
        {
            return Regex.IsMatch(text);
        }
        catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // 1 for a match, 0 for none, NotAscii when the text has a character the automaton does not know.
    private int Run(global::System.ReadOnlySpan<byte> utf8)
    {
        var next = _next ??= Expand();
        var acceptance = _acceptance!;
        var state = 1;
        foreach (var b in utf8)
        {
            if (b >= 0x80)
            {
                return NotAscii;
            }

            state = next[(state << 7) | b];
            if (state == 0)
            {
                return 0;
            }

            if (acceptance[state] == '2')
            {
                return 1;
            }
        }

        return acceptance[state] == '0' ? 0 : 1;
    }

    // The table, state * 128 + character -> next state, from its run-length form.
    private byte[] Expand()
    {
        var transitions = _transitions!;
        var next = new byte[_acceptance!.Length << 7];
        var at = 128;
        for (var i = 0; i < transitions.Length; i += 2)
        {
            global::System.MemoryExtensions.AsSpan(next, at, transitions[i]).Fill((byte)transitions[i + 1]);
            at += transitions[i];
        }

        return next;
    }
}
