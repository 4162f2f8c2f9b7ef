using System;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Pipeline.Stages;

/// <summary>One document → its C# type specs (<see cref="TypeResolver"/>).</summary>
internal static class TypeStage
{
    public const string Name = "resolving the types";

    public static DocumentTypes Resolve(DocumentInput input)
    {
        try
        {
            return TypeResolver.Resolve(input.Document, input.Index, input.Options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DocumentTypes(input.Document.FilePath, default, new[] { StageFailure.At(input.Document.FilePath, Name, e) }.ToEquatableArray());
        }
    }
}
