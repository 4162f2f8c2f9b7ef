using System;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Pipeline.Stages;

/// <summary>One document → its OpenAPI components (<see cref="OpenApiComponentResolver"/>), only for a project that documents endpoints with OpenAPI.</summary>
internal static class OpenApiComponentStage
{
    public const string Name = "resolving the OpenAPI components";

    public static DocumentComponents Resolve(ComponentInput input)
    {
        if (!input.Wanted)
        {
            return new DocumentComponents(default, default);
        }

        try
        {
            return new DocumentComponents(OpenApiComponentResolver.Resolve(input.Document, input.Index), default);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DocumentComponents(default, new[] { StageFailure.At(input.Document.FilePath, Name, e) }.ToEquatableArray());
        }
    }
}
