using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Reads the steps a driver tracked (it must be created with <c>trackIncrementalGeneratorSteps: true</c>,
/// as <see cref="GeneratorHarness"/> does) and asserts that a re-run reused them.
/// </summary>
public static class IncrementalSteps
{
    /// <summary>
    /// Step names the driver itself gives its input nodes (<c>WellKnownGeneratorInputs</c>, plus its internal
    /// <c>CompilationOptions</c>); their outputs are compiler objects by design.
    /// </summary>
    public static ImmutableHashSet<string> WellKnownInputStepNames { get; } = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        WellKnownGeneratorInputs.Compilation,
        "CompilationOptions",
        WellKnownGeneratorInputs.ParseOptions,
        WellKnownGeneratorInputs.AdditionalTexts,
        WellKnownGeneratorInputs.AnalyzerConfigOptions,
        WellKnownGeneratorInputs.MetadataReferences);

    /// <summary>
    /// Whether <paramref name="stepName"/> belongs to the driver rather than to the generator: a
    /// <see cref="WellKnownInputStepNames">well-known input</see> or one of the steps Roslyn's
    /// <c>ForAttributeWithMetadataName</c> tracks internally (named <c>*_ForAttribute*</c>).
    /// </summary>
    public static bool IsDriverStep(string stepName) =>
        WellKnownInputStepNames.Contains(stepName)
        || stepName.Contains("_ForAttribute", StringComparison.Ordinal);

    /// <summary>Every execution of the step tracked as <paramref name="stepName"/>, across all generators.</summary>
    /// <exception cref="XunitException">No step has that name (the message lists the tracked names).</exception>
    public static ImmutableArray<IncrementalGeneratorRunStep> GetTrackedSteps(GeneratorDriverRunResult runResult, string stepName)
    {
        ImmutableArray<IncrementalGeneratorRunStep>.Builder steps = ImmutableArray.CreateBuilder<IncrementalGeneratorRunStep>();
        bool found = false;
        foreach (GeneratorRunResult result in runResult.Results)
        {
            if (result.TrackedSteps.TryGetValue(stepName, out ImmutableArray<IncrementalGeneratorRunStep> generatorSteps))
            {
                found = true;
                steps.AddRange(generatorSteps);
            }
        }

        if (!found)
        {
            throw new XunitException(
                $"No tracked step named '{stepName}'. Tracked steps: {string.Join(", ", GetTrackedStepNames(runResult))}");
        }

        return steps.ToImmutable();
    }

    /// <summary>
    /// The output steps (keyed <c>SourceOutput</c> / <c>ImplementationSourceOutput</c>) of all generators.
    /// </summary>
    public static ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> GetTrackedOutputSteps(GeneratorDriverRunResult runResult) =>
        Merge(runResult.Results.Select(result => result.TrackedOutputSteps));

    /// <summary>The names of all tracked steps (including the output steps), in ordinal order.</summary>
    public static ImmutableArray<string> GetTrackedStepNames(GeneratorDriverRunResult runResult) =>
        runResult.Results
            .SelectMany(result => result.TrackedSteps.Keys)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>
    /// Every (step, execution, output, reason) of the named steps (tracking names or output kinds such as
    /// <c>SourceOutput</c>), or of all tracked steps when <paramref name="stepNames"/> is empty.
    /// </summary>
    public static ImmutableArray<StepOutputReason> GetOutputReasons(GeneratorDriverRunResult runResult, params string[] stepNames)
    {
        // TrackedSteps already contains the output steps (SourceOutput, ...) next to the named ones.
        IEnumerable<KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>>> steps = stepNames.Length == 0
            ? Merge(runResult.Results.Select(result => result.TrackedSteps)).OrderBy(pair => pair.Key, StringComparer.Ordinal)
            : stepNames.Select(name => new KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>>(
                name, GetTrackedSteps(runResult, name)));

        ImmutableArray<StepOutputReason>.Builder reasons = ImmutableArray.CreateBuilder<StepOutputReason>();
        foreach (KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>> step in steps)
        {
            for (int stepIndex = 0; stepIndex < step.Value.Length; stepIndex++)
            {
                ImmutableArray<(object Value, IncrementalStepRunReason Reason)> outputs = step.Value[stepIndex].Outputs;
                for (int outputIndex = 0; outputIndex < outputs.Length; outputIndex++)
                {
                    reasons.Add(new StepOutputReason(step.Key, stepIndex, outputIndex, outputs[outputIndex].Reason));
                }
            }
        }

        return reasons.ToImmutable();
    }

    /// <summary>
    /// Asserts that every output of each named step was <c>Cached</c> or <c>Unchanged</c>; with no names,
    /// checks every tracked step, output steps included, except the driver's own (<see cref="IsDriverStep"/>),
    /// whose outputs legitimately change when the compilation does.
    /// </summary>
    /// <exception cref="XunitException">Some outputs were recomputed with a different result; the message lists them.</exception>
    public static void AssertAllCachedOrUnchanged(GeneratorDriverRunResult runResult, params string[] stepNames)
    {
        ImmutableArray<StepOutputReason> reasons = GetOutputReasons(runResult, stepNames);
        if (stepNames.Length == 0)
        {
            reasons = reasons.Where(reason => !IsDriverStep(reason.StepName)).ToImmutableArray();
        }

        ImmutableArray<StepOutputReason> offending = reasons.Where(reason => !reason.IsReused).ToImmutableArray();
        if (!offending.IsEmpty)
        {
            throw new XunitException(
                $"{offending.Length} of {reasons.Length} step outputs were not Cached/Unchanged:\n  "
                + string.Join("\n  ", offending));
        }
    }

    /// <summary>Asserts every output step (the <c>RegisterSourceOutput</c> calls) was <c>Cached</c> or <c>Unchanged</c>.</summary>
    public static void AssertOutputsCachedOrUnchanged(GeneratorDriverRunResult runResult) =>
        AssertAllCachedOrUnchanged(runResult, GetTrackedOutputSteps(runResult).Keys.OrderBy(key => key, StringComparer.Ordinal).ToArray());

    private static ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> Merge(
        IEnumerable<ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>>> dictionaries)
    {
        Dictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> merged = new(StringComparer.Ordinal);
        foreach (ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> dictionary in dictionaries)
        {
            foreach (KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>> pair in dictionary)
            {
                merged[pair.Key] = merged.TryGetValue(pair.Key, out ImmutableArray<IncrementalGeneratorRunStep> existing)
                    ? existing.AddRange(pair.Value)
                    : pair.Value;
            }
        }

        return merged.ToImmutableDictionary(StringComparer.Ordinal);
    }
}
