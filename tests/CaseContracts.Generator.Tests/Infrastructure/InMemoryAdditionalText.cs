using System;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// An <see cref="AdditionalText"/> (an MSBuild <c>AdditionalFiles</c> item) whose content lives in memory,
/// so tests control exactly what the generator reads and can replace it between driver runs.
/// </summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    /// <summary>Creates an additional file at <paramref name="path"/> with <paramref name="content"/>.</summary>
    /// <param name="path">The file path the generator sees, for example <c>/project/schema/case.schema.json</c>.</param>
    /// <param name="content">The file's text.</param>
    public InMemoryAdditionalText(string path, string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(content);
        Path = path;
        Content = content;
        _text = SourceText.From(content, Encoding.UTF8);
    }

    /// <inheritdoc />
    public override string Path { get; }

    /// <summary>The file's text as given.</summary>
    public string Content { get; }

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

    /// <summary>
    /// A new instance at the same path with other content: pass both to
    /// <see cref="GeneratorDriver.ReplaceAdditionalText"/> to simulate an edit of this file.
    /// </summary>
    public InMemoryAdditionalText WithContent(string content) => new(Path, content);

    /// <inheritdoc />
    public override string ToString() => Path;
}
