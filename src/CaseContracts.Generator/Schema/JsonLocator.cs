using System;
using CaseContracts.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Turns positions in a schema file's JSON (Newtonsoft line info) into <see cref="SourceLocation"/>s,
/// so every schema diagnostic points at the line and column inside the .json file.
/// </summary>
internal sealed class JsonLocator
{
    private readonly string _path;
    private readonly SourceText _text;

    public JsonLocator(string path, SourceText text)
    {
        _path = path;
        _text = text;
    }

    public SourceLocation FileStart => SourceLocation.StartOf(_path);

    /// <summary>A one-based line and position as Newtonsoft reports them (position = last character read).</summary>
    public SourceLocation At(int oneBasedLine, int oneBasedPosition, int length = 1)
    {
        if (oneBasedLine < 1 || _text.Lines.Count == 0)
        {
            return FileStart;
        }

        var line = _text.Lines[Math.Min(oneBasedLine, _text.Lines.Count) - 1];
        var column = Math.Max(0, Math.Min(oneBasedPosition - 1, line.End - line.Start));
        return Span(line.Start + column, length);
    }

    /// <summary>The property name of <paramref name="property"/> (quotes included).</summary>
    public SourceLocation NameOf(JProperty property)
    {
        var info = (IJsonLineInfo)property;
        if (!info.HasLineInfo())
        {
            return FileStart;
        }

        // Newtonsoft positions a property after its colon: find the quoted name before it on that line.
        var line = _text.Lines[info.LineNumber - 1];
        var upTo = Math.Min(line.Start + info.LinePosition, line.End);
        var lineText = _text.ToString(TextSpan.FromBounds(line.Start, upTo));
        var quoted = "\"" + property.Name + "\"";
        var index = lineText.LastIndexOf(quoted, StringComparison.Ordinal);
        return index < 0 ? At(info.LineNumber, info.LinePosition) : Span(line.Start + index, quoted.Length);
    }

    /// <summary>The value token itself (for objects and arrays: the opening bracket).</summary>
    public SourceLocation ValueOf(JToken token)
    {
        if (token.Parent is JProperty && token is not JContainer)
        {
            var info = (IJsonLineInfo)token;
            if (info.HasLineInfo())
            {
                // Newtonsoft positions a scalar after its last character.
                var raw = token.ToString(Formatting.None);
                var line = _text.Lines[info.LineNumber - 1];
                var end = Math.Min(line.Start + info.LinePosition, line.End);
                var start = Math.Max(line.Start, end - raw.Length);
                return Span(start, end - start);
            }
        }

        var lineInfo = (IJsonLineInfo)token;
        return lineInfo.HasLineInfo() ? At(lineInfo.LineNumber, lineInfo.LinePosition) : FileStart;
    }

    /// <summary>Where a keyword of a schema object is: its name, else the schema itself.</summary>
    public SourceLocation KeywordOf(JToken? schema, string keyword)
        => schema is JObject obj && obj.Property(keyword, StringComparison.Ordinal) is { } property
            ? NameOf(property)
            : schema is null ? FileStart : ValueOf(schema);

    private SourceLocation Span(int start, int length)
    {
        var span = new TextSpan(start, Math.Max(0, Math.Min(length, _text.Length - start)));
        var lines = _text.Lines.GetLinePositionSpan(span);
        return new SourceLocation(_path, span.Start, span.Length, lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
    }
}
