using System;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Turns the offsets the located JSON carries into <see cref="SourceLocation"/>s, so every schema
/// diagnostic points at the line and column inside the .json file.
/// </summary>
internal sealed class SchemaLocator
{
    private readonly string _path;
    private readonly SourceText _text;

    public SchemaLocator(string path, SourceText text)
    {
        _path = path;
        _text = text;
    }

    public SourceLocation FileStart => SourceLocation.StartOf(_path);

    /// <summary>The quoted name of <paramref name="member"/>.</summary>
    public SourceLocation NameOf(JsonMember member) => Span(member.NameStart, member.NameLength);

    /// <summary>A scalar value itself; for objects and arrays, the opening bracket (a whole schema would underline half the file).</summary>
    public SourceLocation ValueOf(JsonNode value)
        => Span(value.Start, value.Kind is JsonNodeKind.Object or JsonNodeKind.Array ? 1 : value.Length);

    /// <summary>The schema position itself (its opening brace, or the boolean).</summary>
    public SourceLocation Of(SchemaNode schema) => ValueOf(schema.Json);

    /// <summary>Where a keyword of a schema is: its name, else the schema itself.</summary>
    public SourceLocation KeywordOf(SchemaNode schema, string keyword)
        => schema.Keyword(keyword) is { } member ? NameOf(member) : Of(schema);

    public SourceLocation Span(int start, int length)
    {
        start = Math.Max(0, Math.Min(start, _text.Length));
        var span = new TextSpan(start, Math.Max(0, Math.Min(length, _text.Length - start)));
        var lines = _text.Lines.GetLinePositionSpan(span);
        return new SourceLocation(_path, span.Start, span.Length, lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
    }
}
