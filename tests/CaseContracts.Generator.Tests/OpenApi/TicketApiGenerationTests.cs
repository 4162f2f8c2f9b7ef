using System;
using System.Linq;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>What the ticket API's OpenAPI document generates in a web project: a file per operation, one that maps them all, and only the runtime they need.</summary>
public sealed class TicketApiGenerationTests
{
    private static readonly Lazy<Infrastructure.GeneratorHarnessResult> s_run = new(() => TicketApi.Run());

    [Fact]
    public void Every_operation_generates_its_endpoint_and_the_document_one_map_and_all_compile_without_warnings()
    {
        var result = s_run.Value;

        Assert.Empty(result.GeneratorDiagnostics);
        foreach (var operation in new[] { "FindTickets", "CreateTicket", "DeleteTickets", "GetTicket", "ReplaceTicket", "DeleteTicket", "GetTicketByKey" })
        {
            Assert.Contains("TestProject." + operation + "Operation.g.cs", result.GeneratedSources.Keys);
        }

        Assert.Contains("TestProject.TicketsApi.g.cs", result.GeneratedSources.Keys);
        result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void An_api_that_did_not_ask_for_kibanas_error_format_gets_no_kibana_code()
    {
        var result = s_run.Value;

        Assert.Contains("TestProject.Runtime.ProblemDetails.g.cs", result.GeneratedSources.Keys);
        Assert.All(result.GeneratedSources, source => Assert.DoesNotContain("Kibana", source.Value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_document_that_asks_for_kibanas_error_format_gets_it_and_no_problem_details()
    {
        var result = TicketApi.Run(TicketApi.Document.Replace("\"openapi\": \"3.1.0\",", "\"openapi\": \"3.1.0\", \"x-error-profile\": \"kibana\",", StringComparison.Ordinal));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("TestProject.Runtime.KibanaEndpoints.g.cs", result.GeneratedSources.Keys);
        Assert.DoesNotContain("TestProject.Runtime.ProblemDetails.g.cs", result.GeneratedSources.Keys);
        Assert.Contains("KibanaErrorFormat.Instance", result.GeneratedSources["TestProject.GetTicketOperation.g.cs"], StringComparison.Ordinal);
        result.AssertCompilesWithoutWarnings();
    }

    [Theory]
    [InlineData("TestProject.FindTicketsOperation.g.cs")]
    [InlineData("TestProject.CreateTicketOperation.g.cs")]
    [InlineData("TestProject.DeleteTicketOperation.g.cs")]
    [InlineData("TestProject.DeleteTicketsOperation.g.cs")]
    [InlineData("TestProject.TicketsApi.g.cs")]
    [InlineData("TestProject.SchemaValidators.tickets.openapi.g.cs")]
    public void The_generated_file_matches_its_snapshot(string hintName)
        => Infrastructure.Snapshot.Match(s_run.Value.GeneratedSources[hintName], hintName.Replace(".g.cs", string.Empty, StringComparison.Ordinal));
}
