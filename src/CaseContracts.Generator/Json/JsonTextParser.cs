using System.Collections.Generic;
using System.Text;

namespace CaseContracts.Generator.Json;

/// <summary>
/// Reads JSON text into <see cref="JsonNode"/>s that remember where each value and name is. Accepts
/// exactly what the generated readers accept (<c>Utf8JsonReader</c> with trailing commas allowed,
/// comments rejected, nesting limited to 64), so "malformed" means the same at build time and at run
/// time. Hand-written rather than Newtonsoft's reader: a diagnostic needs the exact span of every token,
/// and Newtonsoft's line info marks where a token ends, not where it starts.
/// </summary>
internal sealed class JsonTextParser
{
    /// <summary>The generated readers' <c>MaxDepth</c>.</summary>
    public const int MaxDepth = 64;

    private readonly string _text;
    private readonly int _end;
    private readonly bool _allowComments;
    private readonly int _maxDepth;
    private int _position;
    private int _depth;

    private JsonTextParser(string text, bool allowComments, int maxDepth)
    {
        _text = text;
        _end = text.Length;
        _allowComments = allowComments;
        _maxDepth = maxDepth;
    }

    /// <summary>Parses <paramref name="text"/> as one JSON document; spans are offsets in <paramref name="text"/>.</summary>
    /// <param name="allowComments">Skip <c>//</c> and <c>/* */</c> comments as white space (schema files, which humans annotate); instances never allow them.</param>
    /// <param name="maxDepth">The deepest nesting accepted.</param>
    public static JsonParseResult Parse(string text, bool allowComments = false, int maxDepth = MaxDepth)
    {
        var parser = new JsonTextParser(text, allowComments, maxDepth);
        try
        {
            parser.SkipWhitespace();
            var root = parser.ReadValue();
            parser.SkipWhitespace();
            if (parser._position < parser._end)
            {
                throw parser.Error($"{parser.Describe(parser._position)} after the JSON value: only one value is allowed");
            }

            return new JsonParseResult(root, null);
        }
        catch (SyntaxException e)
        {
            return new JsonParseResult(null, e.Error);
        }
    }

    private JsonNode ReadValue()
    {
        if (_position >= _end)
        {
            throw Error("the JSON ends where a value was expected");
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                var start = _position;
                var value = ReadString(out var invalidUnicode);
                return JsonNode.String(value, start, _position - start, invalidUnicode);
            case 't':
                return ReadLiteral("true", JsonNode.Boolean(true, _position, 4));
            case 'f':
                return ReadLiteral("false", JsonNode.Boolean(false, _position, 5));
            case 'n':
                return ReadLiteral("null", JsonNode.Null(_position, 4));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw Error($"{Describe(_position)} cannot start a JSON value");
        }
    }

    private JsonNode ReadObject()
    {
        var start = _position;
        Enter();
        _position++;
        var members = new List<JsonMember>();
        SkipWhitespace();
        while (true)
        {
            if (_position >= _end)
            {
                throw Error("the JSON ends inside an object (missing '}')");
            }

            if (_text[_position] == '}')
            {
                // Directly after '{' or after a comma: an empty object or a trailing comma, both accepted.
                _position++;
                break;
            }

            if (_text[_position] != '"')
            {
                throw Error($"{Describe(_position)} where a property name was expected (names are strings in double quotes)");
            }

            var nameStart = _position;
            var name = ReadString(out var nameInvalid);
            var nameLength = _position - nameStart;
            SkipWhitespace();
            if (_position >= _end || _text[_position] != ':')
            {
                throw Error(_position >= _end ? "the JSON ends after a property name (missing ':')" : $"{Describe(_position)} where ':' was expected after a property name");
            }

            _position++;
            SkipWhitespace();
            members.Add(new JsonMember(name, nameStart, nameLength, ReadValue(), nameInvalid));
            SkipWhitespace();
            if (_position < _end && _text[_position] == ',')
            {
                _position++;
                SkipWhitespace();
                continue;
            }

            if (_position < _end && _text[_position] == '}')
            {
                _position++;
                break;
            }

            throw Error(_position >= _end ? "the JSON ends inside an object (missing '}')" : $"{Describe(_position)} where ',' or '}}' was expected");
        }

        _depth--;
        return JsonNode.Object(members, start, _position - start);
    }

    private JsonNode ReadArray()
    {
        var start = _position;
        Enter();
        _position++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        while (true)
        {
            if (_position >= _end)
            {
                throw Error("the JSON ends inside an array (missing ']')");
            }

            if (_text[_position] == ']')
            {
                _position++;
                break;
            }

            if (_text[_position] == ',')
            {
                throw Error("',' where a value was expected");
            }

            items.Add(ReadValue());
            SkipWhitespace();
            if (_position < _end && _text[_position] == ',')
            {
                _position++;
                SkipWhitespace();
                continue;
            }

            if (_position < _end && _text[_position] == ']')
            {
                _position++;
                break;
            }

            throw Error(_position >= _end ? "the JSON ends inside an array (missing ']')" : $"{Describe(_position)} where ',' or ']' was expected");
        }

        _depth--;
        return JsonNode.Array(items, start, _position - start);
    }

    private void Enter()
    {
        if (++_depth > _maxDepth)
        {
            throw Error($"nesting is deeper than {_maxDepth} levels");
        }
    }

    private JsonNode ReadLiteral(string literal, JsonNode node)
    {
        for (var i = 0; i < literal.Length; i++)
        {
            if (_position + i >= _end || _text[_position + i] != literal[i])
            {
                throw Error($"invalid literal: expected '{literal}'", _position, 1);
            }
        }

        _position += literal.Length;
        ExpectDelimiter(node.Start);
        return node;
    }

    private JsonNode ReadNumber()
    {
        var start = _position;
        if (_text[_position] == '-')
        {
            _position++;
        }

        if (_position >= _end || !IsDigit(_text[_position]))
        {
            throw Error("a number needs a digit here");
        }

        if (_text[_position] == '0')
        {
            _position++;
            if (_position < _end && IsDigit(_text[_position]))
            {
                throw Error("a number cannot start with 0 followed by digits");
            }
        }
        else
        {
            SkipDigits();
        }

        if (_position < _end && _text[_position] == '.')
        {
            _position++;
            if (_position >= _end || !IsDigit(_text[_position]))
            {
                throw Error("a number needs a digit after '.'");
            }

            SkipDigits();
        }

        if (_position < _end && (_text[_position] == 'e' || _text[_position] == 'E'))
        {
            _position++;
            if (_position < _end && (_text[_position] == '+' || _text[_position] == '-'))
            {
                _position++;
            }

            if (_position >= _end || !IsDigit(_text[_position]))
            {
                throw Error("a number needs a digit in its exponent");
            }

            SkipDigits();
        }

        ExpectDelimiter(start);
        return JsonNode.Number(_text.Substring(start, _position - start), start, _position - start);
    }

    // A value must be followed by whitespace, a separator or the end ("1x", "truex" are malformed).
    private void ExpectDelimiter(int valueStart)
    {
        if (_position < _end && !IsWhitespace(_text[_position]) && _text[_position] is not (',' or ']' or '}') && !(_allowComments && _text[_position] == '/'))
        {
            throw Error($"{Describe(_position)} directly after the value '{_text.Substring(valueStart, _position - valueStart)}'");
        }
    }

    private void SkipDigits()
    {
        while (_position < _end && IsDigit(_text[_position]))
        {
            _position++;
        }
    }

    private string ReadString(out bool invalidUnicode)
    {
        invalidUnicode = false;
        var start = _position;
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _end)
            {
                throw Error("the JSON ends inside a string (missing '\"')", start, 1);
            }

            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Error($"control character U+{(int)c:X4} inside a string must be escaped");
            }

            if (c == '\\')
            {
                ReadEscape(builder, ref invalidUnicode);
                continue;
            }

            if (char.IsHighSurrogate(c) && _position + 1 < _end && char.IsLowSurrogate(_text[_position + 1]))
            {
                builder.Append(c).Append(_text[_position + 1]);
                _position += 2;
                continue;
            }

            // A lone surrogate in UTF-16 text becomes U+FFFD when the text is encoded as UTF-8 for the reader.
            builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            _position++;
        }
    }

    private void ReadEscape(StringBuilder builder, ref bool invalidUnicode)
    {
        var escapeStart = _position;
        _position++;
        if (_position >= _end)
        {
            throw Error("the JSON ends inside an escape sequence", escapeStart, 1);
        }

        var c = _text[_position];
        _position++;
        switch (c)
        {
            case '"': builder.Append('"'); return;
            case '\\': builder.Append('\\'); return;
            case '/': builder.Append('/'); return;
            case 'b': builder.Append('\b'); return;
            case 'f': builder.Append('\f'); return;
            case 'n': builder.Append('\n'); return;
            case 'r': builder.Append('\r'); return;
            case 't': builder.Append('\t'); return;
            case 'u':
                var unit = ReadHex4(escapeStart);
                if (char.IsHighSurrogate(unit) && _position + 1 < _end && _text[_position] == '\\' && _text[_position + 1] == 'u')
                {
                    var save = _position;
                    _position += 2;
                    var low = ReadHex4(save);
                    if (char.IsLowSurrogate(low))
                    {
                        builder.Append(unit).Append(low);
                        return;
                    }

                    _position = save;
                }

                if (char.IsSurrogate(unit))
                {
                    invalidUnicode = true;
                    builder.Append('\uFFFD');
                    return;
                }

                builder.Append(unit);
                return;
            default:
                throw Error($"'\\{c}' is not a JSON escape sequence", escapeStart, 2);
        }
    }

    private char ReadHex4(int escapeStart)
    {
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            if (_position >= _end || HexValue(_text[_position]) is not int digit)
            {
                throw Error("'\\u' must be followed by four hexadecimal digits", escapeStart, System.Math.Max(2, _position - escapeStart));
            }

            value = (value * 16) + digit;
            _position++;
        }

        return (char)value;
    }

    private static int? HexValue(char c)
        => c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : null;

    private void SkipWhitespace()
    {
        while (_position < _end)
        {
            if (IsWhitespace(_text[_position]))
            {
                _position++;
            }
            else if (_allowComments && _text[_position] == '/' && _position + 1 < _end && _text[_position + 1] is '/' or '*')
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipComment()
    {
        var start = _position;
        if (_text[_position + 1] == '/')
        {
            while (_position < _end && _text[_position] is not ('\n' or '\r'))
            {
                _position++;
            }

            return;
        }

        var close = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error("the JSON ends inside a comment (missing '*/')", start, 2);
        }

        _position = close + 2;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private string Describe(int position)
    {
        var c = _text[position];
        if (c == '/' && position + 1 < _end && _text[position + 1] is '/' or '*')
        {
            return "a comment (comments are not JSON)";
        }

        return c < ' ' || char.IsSurrogate(c) || c == '\uFEFF' ? $"character U+{(int)c:X4}" : $"'{c}'";
    }

    private SyntaxException Error(string message) => Error(message, _position, 1);

    private SyntaxException Error(string message, int start, int length)
    {
        // At the end of the text there is no character to underline: point at the last one.
        if (start >= _end)
        {
            start = System.Math.Max(0, _end - 1);
        }

        return new SyntaxException(new JsonSyntaxError(start, System.Math.Max(0, System.Math.Min(length, _end - start)), message));
    }

    private sealed class SyntaxException : System.Exception
    {
        public SyntaxException(JsonSyntaxError error)
            : base(error.Message)
        {
            Error = error;
        }

        public JsonSyntaxError Error { get; }
    }
}

/// <summary>Why JSON text is malformed, and where (offsets in the parsed text).</summary>
internal sealed record JsonSyntaxError(int Start, int Length, string Message);

/// <summary>A parsed document, or why it is not JSON.</summary>
internal sealed record JsonParseResult(JsonNode? Root, JsonSyntaxError? Error);
