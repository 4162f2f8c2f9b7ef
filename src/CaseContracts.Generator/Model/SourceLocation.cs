using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Generator.Model;

/// <summary>
/// A place in a schema file, kept as plain data: <see cref="Location"/> must not flow through the
/// incremental pipeline (it would defeat caching), so it is only built when a diagnostic is reported.
/// Lines and columns are zero-based, as Roslyn's <see cref="LinePosition"/>.
/// </summary>
internal sealed record SourceLocation(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn)));

    /// <summary>The start of a file: for problems that concern the file as a whole.</summary>
    public static SourceLocation StartOf(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);
}
