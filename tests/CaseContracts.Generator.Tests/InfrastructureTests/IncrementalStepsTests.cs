using System.Collections.Immutable;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using CaseContracts.Generator.Tests.InfrastructureTests.Fakes;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace CaseContracts.Generator.Tests.InfrastructureTests;

public sealed class IncrementalStepsTests
{
    private static GeneratorHarnessResult RunEcho() =>
        GeneratorHarness.Run(new EchoGenerator(), SchemaFiles.LoadTestSchemas("HarnessSample"), new[] { "class Consumer { }" });

    [Fact]
    public void An_unrelated_source_edit_leaves_every_generator_step_cached_or_unchanged()
    {
        GeneratorHarnessResult second = RunEcho().RerunWithAddedSource("class Unrelated { }");

        IncrementalSteps.AssertAllCachedOrUnchanged(
            second.RunResult, EchoGenerator.ReadStep, EchoGenerator.NamespaceStep, EchoGenerator.CombinedStep);
        IncrementalSteps.AssertAllCachedOrUnchanged(second.RunResult);
        IncrementalSteps.AssertOutputsCachedOrUnchanged(second.RunResult);
    }

    [Fact]
    public void Editing_one_file_changes_only_that_files_outputs_and_the_failure_lists_them()
    {
        GeneratorHarnessResult second = RunEcho().RerunWithEditedAdditionalText(
            "/project/schema/connectors/none.schema.json", "{ \"title\": \"longer than before\" }");

        ImmutableArray<StepOutputReason> read = IncrementalSteps.GetOutputReasons(second.RunResult, EchoGenerator.ReadStep);
        Assert.Equal(2, read.Length);
        Assert.Single(read, reason => reason.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(read, reason => reason.Reason == IncrementalStepRunReason.Cached);

        XunitException failure = Assert.ThrowsAny<XunitException>(
            () => IncrementalSteps.AssertAllCachedOrUnchanged(second.RunResult, EchoGenerator.ReadStep, EchoGenerator.CombinedStep));
        Assert.Contains("were not Cached/Unchanged", failure.Message);
        Assert.Contains($"{EchoGenerator.ReadStep}[", failure.Message);
        Assert.Contains(": Modified", failure.Message);

        Assert.Contains("Echo_none.g.cs", second.GeneratedSources.Keys);
        Assert.Contains("Length = 33;", second.GeneratedSources["Echo_none.g.cs"]);
    }

    [Fact]
    public void Output_steps_are_listed_by_output_kind()
    {
        GeneratorHarnessResult result = RunEcho();

        ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> outputs =
            IncrementalSteps.GetTrackedOutputSteps(result.RunResult);

        Assert.Equal(new[] { "SourceOutput" }, outputs.Keys.ToArray());
        Assert.All(
            IncrementalSteps.GetOutputReasons(result.RunResult, "SourceOutput"),
            reason => Assert.Equal(IncrementalStepRunReason.New, reason.Reason));
    }

    [Fact]
    public void Asking_for_an_untracked_step_names_the_tracked_ones()
    {
        XunitException failure = Assert.ThrowsAny<XunitException>(
            () => IncrementalSteps.GetTrackedSteps(RunEcho().RunResult, "NoSuchStep"));

        Assert.Contains("'NoSuchStep'", failure.Message);
        Assert.Contains(EchoGenerator.ReadStep, failure.Message);
    }
}
