using System.Linq;
using CaseContracts.Generator.Model.Api;
using CaseContracts.Generator.Pipeline;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>Each operation of an OpenAPI document is its own pipeline step: editing one re-runs only that one's steps.</summary>
public sealed class OpenApiIncrementalityTests
{
    /// <summary>The steps that run once per operation of a document (the last one's outputs are what each operation's file is emitted from).</summary>
    private static readonly string[] PerOperationSteps = ["ApiOperations", "ApiOperationInputs", "ResolvedApiOperations", "ApiOperationSpecs"];

    [Fact]
    public void Editing_one_operation_re_runs_only_that_operations_steps()
    {
        var first = TicketApi.Run();
        Assert.Empty(first.GeneratorDiagnostics);

        // The first operation's summary, as long as before: no other operation's text moves. (An edit that moves
        // text re-runs the operations after it too, as their diagnostics' locations move with it.)
        var second = first.RerunWithEditedAdditionalText(TicketApi.DocumentPath, TicketApi.Document.Replace(
            "\"summary\": \"Find tickets\"", "\"summary\": \"Seek tickets\""));

        Assert.Empty(second.GeneratorDiagnostics);
        foreach (var step in PerOperationSteps)
        {
            Assert.Equal(["FindTickets"], RunAgain(second, step));
        }

        // The schema files' steps do not run at all.
        Assert.Single(IncrementalSteps.GetOutputReasons(second.RunResult, "Documents"), reason => !reason.IsReused);
        Assert.All(IncrementalSteps.GetOutputReasons(second.RunResult, "Index"), reason => Assert.True(reason.IsReused));
    }

    [Fact]
    public void Editing_a_schema_file_re_checks_every_operation_against_the_new_index_and_changes_only_the_one_whose_types_it_renames()
    {
        var first = TicketApi.Run();

        var second = first.RerunWithEditedAdditionalText(TicketApi.Directory + "ticket-page.schema.json",
            TicketApi.TicketPage.Replace("\"title\": \"TicketPage\"", "\"title\": \"TicketList\""));

        Assert.Empty(second.GeneratorDiagnostics);
        Assert.All(IncrementalSteps.GetOutputReasons(second.RunResult, "ApiOperations"), reason => Assert.True(reason.IsReused));
        // FindTickets answers a TicketPage, now a TicketList: its spec (and so its file) changes; the others' do not.
        Assert.Equal(["FindTickets"], RunAgain(second, "ResolvedApiOperations"));
        Assert.Equal(["FindTickets"], RunAgain(second, "ApiOperationSpecs"));
    }

    /// <summary>The operation ids whose output of <paramref name="stepName"/> was not reused.</summary>
    private static string[] RunAgain(GeneratorHarnessResult result, string stepName)
        => IncrementalSteps.GetTrackedSteps(result.RunResult, stepName)
            .SelectMany(step => step.Outputs)
            .Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(output => output.Value switch
            {
                ApiOperation operation => operation.OperationId,
                Pipeline.Stages.ApiOperationInput input => input.Operation.OperationId,
                ApiOperationResolution resolution => resolution.Operation.OperationId,
                Model.Specs.ApiOperationSpec spec => spec.OperationId,
                var other => other.GetType().Name,
            })
            .ToArray();
}
