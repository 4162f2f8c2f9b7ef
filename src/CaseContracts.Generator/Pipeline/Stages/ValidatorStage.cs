using System;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Pipeline.Stages;

/// <summary>One document → the spec of its validators (<see cref="ValidatorPlanner"/>).</summary>
internal static class ValidatorStage
{
    public const string Name = "planning the validators";

    public static ValidatorPlan Plan(DocumentInput input)
    {
        try
        {
            return new ValidatorPlan(input.Document.FilePath, ValidatorPlanner.Plan(input.Document, input.Index, input.Options), default);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ValidatorPlan(input.Document.FilePath, null, new[] { StageFailure.At(input.Document.FilePath, Name, e) }.ToEquatableArray());
        }
    }
}
