using System;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Pipeline.Stages;

/// <summary>One operation of an OpenAPI document → its references checked against the schema files (<see cref="ApiOperationResolver"/>).</summary>
internal static class ApiOperationStage
{
    public const string Name = "resolving an OpenAPI operation";

    public static ApiOperationResolution Resolve(ApiOperationInput input)
    {
        try
        {
            return ApiOperationResolver.Resolve(input.Operation, input.Index, input.Options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ApiOperationResolution(input.Operation, false, new[] { StageFailure.At(input.Operation.FilePath, Name, e) }.ToEquatableArray());
        }
    }
}
