using System;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Pipeline.Stages;

/// <summary>One document's <c>x-operation</c> → its endpoint (<see cref="OperationResolver"/>).</summary>
internal static class OperationStage
{
    public const string Name = "resolving the operation";

    public static OperationResolution Resolve(DocumentInput input)
    {
        try
        {
            return OperationResolver.Resolve(input.Document, input.Index, input.Options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var location = input.Document.Operation?.Location ?? SourceLocation.StartOf(input.Document.FilePath);
            return new OperationResolution(input.Document.FilePath, null, location, new[] { StageFailure.At(input.Document.FilePath, Name, e) }.ToEquatableArray());
        }
    }
}
