using System;
using System.Threading;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Schema;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator.Pipeline.Stages;

/// <summary>Schema text → <see cref="SchemaDocument"/>: the one read of each schema file (generator and analyzers alike).</summary>
internal static class ReadStage
{
    public const string Name = "reading the schema";

    public static SchemaDocument Read(AdditionalText file, SchemaFolder folder, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        var defaultDraft = folder.DefaultDraft;
        var fileUri = folder.UriOf(file.Path);
        return SchemaDocumentCache.GetOrRead(file.Path, defaultDraft, fileUri, text, () =>
        {
            try
            {
                return SchemaReader.Read(file.Path, text, cancellationToken, defaultDraft: defaultDraft, fileUri: fileUri);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new SchemaDocument(SchemaPaths.Normalize(file.Path), default, default, default,
                    new[] { StageFailure.At(file.Path, Name, e) }.ToEquatableArray());
            }
        });
    }
}
