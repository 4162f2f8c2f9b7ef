using System;
using System.Runtime.CompilerServices;
using CaseContracts.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Schema documents by the text they were read from. The generator and the analyzers run in the same
/// compiler process over the same AdditionalFiles (the same <see cref="SourceText"/> objects), so each
/// schema file is read once per build, not once per consumer. Weak: a text no one holds lets its
/// document go.
/// </summary>
internal static class SchemaDocumentCache
{
    private static readonly ConditionalWeakTable<SourceText, Entry> s_documents = new();

    /// <summary>The document read from <paramref name="text"/> at <paramref name="path"/>, reading it with <paramref name="read"/> the first time.</summary>
    public static SchemaDocument GetOrRead(string path, SchemaDraft defaultDraft, string? fileUri, SourceText? text, Func<SchemaDocument> read)
    {
        if (text is null)
        {
            return read();
        }

        if (s_documents.TryGetValue(text, out var cached) && cached.Path == path && cached.DefaultDraft == defaultDraft && cached.FileUri == fileUri)
        {
            return cached.Document;
        }

        var document = read();
        s_documents.Remove(text);
        s_documents.Add(text, new Entry(path, defaultDraft, fileUri, document));
        return document;
    }

    private sealed record Entry(string Path, SchemaDraft DefaultDraft, string? FileUri, SchemaDocument Document);
}
