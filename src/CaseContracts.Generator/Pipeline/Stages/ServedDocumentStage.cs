using System;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Pipeline.Stages;

/// <summary>One declared OpenAPI document → the document to serve (<see cref="ServedDocumentResolver"/>).</summary>
internal static class ServedDocumentStage
{
    public const string Name = "building the served OpenAPI document";

    public static ServedDocumentResult Resolve(ServedDocumentInput input)
    {
        try
        {
            return new ServedDocumentResult(ServedDocumentResolver.Resolve(input.Api, input.Index, input.Components, input.Namespace), default);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ServedDocumentResult(null, new[] { StageFailure.At(input.Api.FilePath, Name, e) }.ToEquatableArray());
        }
    }
}
