using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Why the driver produced one output of one execution of a tracked step.
/// </summary>
/// <param name="StepName">The tracking name (<c>WithTrackingName</c>) or output kind (<c>SourceOutput</c>).</param>
/// <param name="StepIndex">Which execution of the step (one per input item for a <c>Select</c>).</param>
/// <param name="OutputIndex">Which output of that execution (several for a <c>SelectMany</c>).</param>
/// <param name="Reason">Cached, Unchanged, Modified, New or Removed.</param>
public readonly record struct StepOutputReason(string StepName, int StepIndex, int OutputIndex, IncrementalStepRunReason Reason)
{
    /// <summary>Whether the driver reused the previous result: <c>Cached</c> or <c>Unchanged</c>.</summary>
    public bool IsReused => Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    /// <inheritdoc />
    public override string ToString() => $"{StepName}[{StepIndex}].Outputs[{OutputIndex}]: {Reason}";
}
