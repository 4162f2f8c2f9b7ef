using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CaseContracts.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Generator.Analyzers.Literals;

/// <summary>The C# forms a string literal can take; each writes the same value differently.</summary>
internal enum StringLiteralForm
{
    /// <summary><c>"..."</c> with escape sequences.</summary>
    Regular,
    /// <summary><c>@"..."</c>: <c>""</c> for a quote, line breaks as they are.</summary>
    Verbatim,
    /// <summary><c>"""..."""</c> on one line.</summary>
    SingleLineRaw,
    /// <summary><c>"""</c> on its own line, content lines indented by the closing line's whitespace.</summary>
    MultiLineRaw,
}

/// <summary>
/// The value of a C# string literal (regular, verbatim, raw; also <c>u8</c>) and, for every character of
/// the value, the source span that wrote it: an escape sequence, a doubled quote, a character after
/// a raw literal's removed indentation. Diagnostics about JSON inside the literal are reported at the
/// exact characters in the source, and code fixes write JSON back in the literal's own form.
/// </summary>
internal sealed class StringLiteralText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    private StringLiteralText(string value, int[] starts, int[] ends, int contentStart, StringLiteralForm form, string rawIndentation, string newLine)
    {
        Value = value;
        _starts = starts;
        _ends = ends;
        ContentStart = contentStart;
        Form = form;
        RawIndentation = rawIndentation;
        NewLine = newLine;
    }

    /// <summary>The literal's value, as the compiler reads it.</summary>
    public string Value { get; }

    /// <summary>Where the value's text starts in the source (after the opening quotes).</summary>
    public int ContentStart { get; }

    public StringLiteralForm Form { get; }

    /// <summary>For a multi-line raw literal: the whitespace removed from every content line.</summary>
    public string RawIndentation { get; }

    /// <summary>The line break the literal's source uses (for text written into it).</summary>
    public string NewLine { get; }

    /// <summary>Whether <paramref name="token"/> is a string literal this class reads.</summary>
    public static bool IsStringLiteral(SyntaxToken token) => token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken
        or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken
        or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken;

    /// <summary>
    /// Reads <paramref name="token"/>; null when it is not a string literal, has errors, or its value
    /// does not come out exactly as the compiler's (then no position inside it can be trusted).
    /// </summary>
    public static StringLiteralText? Read(SyntaxToken token)
    {
        if (!IsStringLiteral(token) || token.ContainsDiagnostics)
        {
            return null;
        }

        var text = token.Text;
        var start = token.SpanStart;
        if (token.Kind() is SyntaxKind.Utf8StringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken)
        {
            text = text.Substring(0, text.Length - 2);
        }

        var builder = new Builder(start);
        var result = token.Kind() switch
        {
            SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken when text.StartsWith("@", StringComparison.Ordinal) => ReadVerbatim(text, builder),
            SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken => ReadRegular(text, builder),
            SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken => ReadSingleLineRaw(text, builder),
            _ => ReadMultiLineRaw(text, builder),
        };

        return result is not null && result.Value == token.ValueText ? result : null;
    }

    /// <summary>The source span that wrote the value's characters from <paramref name="start"/> (length <paramref name="length"/>).</summary>
    public TextSpan SourceSpan(int start, int length)
    {
        if (length <= 0)
        {
            return new TextSpan(SourcePosition(start), 0);
        }

        var first = Math.Min(Math.Max(start, 0), _starts.Length - 1);
        var last = Math.Min(start + length - 1, _ends.Length - 1);
        return first < 0 ? new TextSpan(ContentStart, 0) : TextSpan.FromBounds(_starts[first], Math.Max(_starts[first], _ends[last]));
    }

    /// <summary>The source position between value characters <paramref name="index"/> - 1 and <paramref name="index"/> (for insertions).</summary>
    private int SourcePosition(int index)
        => _starts.Length == 0 ? ContentStart
            : index <= 0 ? _starts[0]
            : index >= _ends.Length ? _ends[_ends.Length - 1]
            : _ends[index - 1];

    /// <summary>Writes <paramref name="value"/> as source text of this literal's form (escaped, doubled quotes, re-indented lines).</summary>
    public string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (Form)
            {
                case StringLiteralForm.Regular:
                    builder.Append(JsonStrings.Escape(c));
                    break;
                case StringLiteralForm.Verbatim:
                    builder.Append(c == '"' ? "\"\"" : c == '\n' ? NewLine : c.ToString());
                    break;
                case StringLiteralForm.SingleLineRaw:
                    builder.Append(c is '\n' or '\r' ? " " : c.ToString());
                    break;
                default:
                    builder.Append(c == '\n' ? NewLine + RawIndentation : c == '\r' ? string.Empty : c.ToString());
                    break;
            }
        }

        return builder.ToString();
    }

    private static StringLiteralText? ReadRegular(string text, Builder builder)
    {
        // "...": escape sequences, as C# defines them.
        var end = text.Length - 1;
        for (var i = 1; i < end;)
        {
            if (text[i] != '\\')
            {
                builder.Add(text[i], i, i + 1);
                i++;
                continue;
            }

            var escape = text[i + 1];
            switch (escape)
            {
                case 'u':
                    builder.Add((char)Hex(text, i + 2, 4), i, i + 6);
                    i += 6;
                    break;
                case 'U':
                    var codePoint = Hex(text, i + 2, 8);
                    foreach (var c in char.ConvertFromUtf32(codePoint))
                    {
                        builder.Add(c, i, i + 10);
                    }

                    i += 10;
                    break;
                case 'x':
                    var digits = 0;
                    while (digits < 4 && i + 2 + digits < end && IsHex(text[i + 2 + digits]))
                    {
                        digits++;
                    }

                    builder.Add((char)Hex(text, i + 2, digits), i, i + 2 + digits);
                    i += 2 + digits;
                    break;
                default:
                    var value = escape switch
                    {
                        '\'' => '\'',
                        '"' => '"',
                        '\\' => '\\',
                        '0' => '\0',
                        'a' => '\a',
                        'b' => '\b',
                        'e' => '\u001b',
                        'f' => '\f',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        'v' => '\v',
                        _ => (char?)null,
                    };
                    if (value is null)
                    {
                        return null;
                    }

                    builder.Add(value.Value, i, i + 2);
                    i += 2;
                    break;
            }
        }

        return builder.Build(1, StringLiteralForm.Regular, string.Empty, NewLineOf(text));
    }

    private static StringLiteralText? ReadVerbatim(string text, Builder builder)
    {
        // @"...": a doubled quote is one quote; everything else is itself.
        var end = text.Length - 1;
        for (var i = 2; i < end;)
        {
            if (text[i] == '"')
            {
                builder.Add('"', i, i + 2);
                i += 2;
                continue;
            }

            builder.Add(text[i], i, i + 1);
            i++;
        }

        return builder.Build(2, StringLiteralForm.Verbatim, string.Empty, NewLineOf(text));
    }

    private static StringLiteralText? ReadSingleLineRaw(string text, Builder builder)
    {
        var quotes = QuoteCount(text);
        for (var i = quotes; i < text.Length - quotes; i++)
        {
            builder.Add(text[i], i, i + 1);
        }

        return builder.Build(quotes, StringLiteralForm.SingleLineRaw, string.Empty, "\n");
    }

    private static StringLiteralText? ReadMultiLineRaw(string text, Builder builder)
    {
        var quotes = QuoteCount(text);
        var lines = new List<(int Start, int End, int BreakEnd)>();
        for (var i = 0; i < text.Length;)
        {
            var lineEnd = i;
            while (lineEnd < text.Length && text[lineEnd] is not ('\r' or '\n'))
            {
                lineEnd++;
            }

            var breakEnd = lineEnd < text.Length && text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? lineEnd + 2
                : lineEnd < text.Length ? lineEnd + 1
                : lineEnd;
            lines.Add((i, lineEnd, breakEnd));
            i = breakEnd;
        }

        if (lines.Count < 3)
        {
            return null;
        }

        // The first line holds the opening quotes; the last, the indentation and the closing quotes.
        var closing = lines[lines.Count - 1];
        var indentation = text.Substring(closing.Start, closing.End - quotes - closing.Start);
        var newLine = text.Substring(lines[0].End, lines[0].BreakEnd - lines[0].End);
        for (var l = 1; l < lines.Count - 1; l++)
        {
            var (start, end, breakEnd) = lines[l];
            var isBlank = text.Substring(start, end - start).Trim().Length == 0;
            var contentStart = isBlank ? end : start + indentation.Length;
            if (!isBlank && string.CompareOrdinal(text, start, indentation, 0, indentation.Length) != 0)
            {
                return null;
            }

            for (var i = contentStart; i < end; i++)
            {
                builder.Add(text[i], i, i + 1);
            }

            // The line break after the last content line belongs to the closing line, not to the value.
            if (l < lines.Count - 2)
            {
                for (var i = end; i < breakEnd; i++)
                {
                    builder.Add(text[i], i, i + 1);
                }
            }
        }

        return builder.Build(lines[1].Start + indentation.Length, StringLiteralForm.MultiLineRaw, indentation, newLine);
    }

    private static int QuoteCount(string text)
    {
        var count = 0;
        while (count < text.Length && text[count] == '"')
        {
            count++;
        }

        return count;
    }

    private static string NewLineOf(string text) => text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static int Hex(string text, int start, int length)
        => int.Parse(text.Substring(start, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Collects the value and, per character, its source span (offsets in the token, made absolute).</summary>
    private sealed class Builder
    {
        private readonly int _tokenStart;
        private readonly StringBuilder _value = new();
        private readonly List<int> _starts = new();
        private readonly List<int> _ends = new();

        public Builder(int tokenStart) => _tokenStart = tokenStart;

        public void Add(char c, int start, int end)
        {
            _value.Append(c);
            _starts.Add(_tokenStart + start);
            _ends.Add(_tokenStart + end);
        }

        public StringLiteralText Build(int contentOffset, StringLiteralForm form, string indentation, string newLine)
            => new(_value.ToString(), _starts.ToArray(), _ends.ToArray(), _tokenStart + contentOffset, form, indentation, newLine);
    }
}
