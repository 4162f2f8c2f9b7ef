using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Every file generated from schema/ is pinned by a snapshot (Snapshots/*.verified.cs): a change to
/// the generated code shows up as a reviewable diff. Accept intended changes with
/// CASECONTRACTS_ACCEPT_SNAPSHOTS=1.
/// </summary>
public sealed class GeneratedCodeSnapshotTests
{
    public static IEnumerable<object[]> GeneratedFiles()
        => RepositorySchemaRun.Result.GeneratedSources.Keys.OrderBy(k => k, System.StringComparer.Ordinal).Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void Generated_file_matches_its_snapshot(string hintName)
    {
        var source = RepositorySchemaRun.Result.GeneratedSources[hintName];

        Snapshot.Match(source, hintName.Replace(".g.cs", string.Empty));
    }

    [Fact]
    public void Every_schema_type_and_validator_of_the_contract_is_generated()
    {
        var expected = new[]
        {
            "CaseContracts.Internal.JsonSupport.g.cs", "CaseContracts.CaseContractsSchemaAttribute.g.cs",
            "TestProject.Case.g.cs", "TestProject.CaseStatus.g.cs", "TestProject.Connector.g.cs",
            "TestProject.Connector.Jira.g.cs", "TestProject.Connector.None.g.cs", "TestProject.Connector.Resilient.g.cs",
            "TestProject.Connector.ServiceNow.g.cs", "TestProject.CreateCaseRequest.g.cs", "TestProject.ExternalService.g.cs",
            "TestProject.JiraFields.g.cs", "TestProject.Runtime.KibanaMessages.g.cs", "TestProject.ResilientFields.g.cs", "TestProject.ServiceNowFields.g.cs",
            "TestProject.Settings.g.cs", "TestProject.User.g.cs",
            "TestProject.Validation.g.cs",
            "TestProject.SchemaValidators.case.g.cs", "TestProject.SchemaValidators.cases.openapi.g.cs", "TestProject.SchemaValidators.connector.g.cs",
            "TestProject.SchemaValidators.connectors.jira.g.cs", "TestProject.SchemaValidators.connectors.none.g.cs",
            "TestProject.SchemaValidators.connectors.resilient.g.cs", "TestProject.SchemaValidators.connectors.servicenow.g.cs",
            "TestProject.SchemaValidators.create-case-request.g.cs", "TestProject.SchemaValidators.settings.g.cs",
            "TestProject.SchemaValidators.user.g.cs",
            // The Cases operations beyond create: comments, updates, find, status and the list answers.
            "TestProject.AddCommentRequest.g.cs", "TestProject.CaseList.g.cs", "TestProject.CaseUpdate.g.cs",
            "TestProject.CasesStatusResponse.g.cs", "TestProject.Comment.g.cs", "TestProject.CommentList.g.cs",
            "TestProject.CommentType.g.cs", "TestProject.FindCasesResponse.g.cs", "TestProject.ReporterList.g.cs",
            "TestProject.TagList.g.cs", "TestProject.UpdateCasesRequest.g.cs", "TestProject.UpdateCommentRequest.g.cs",
            "TestProject.SchemaValidators.add-comment-request.g.cs", "TestProject.SchemaValidators.case-list.g.cs",
            "TestProject.SchemaValidators.cases-status-response.g.cs", "TestProject.SchemaValidators.comment.g.cs",
            "TestProject.SchemaValidators.comment-list.g.cs", "TestProject.SchemaValidators.find-cases-response.g.cs",
            "TestProject.SchemaValidators.reporter-list.g.cs", "TestProject.SchemaValidators.tag-list.g.cs",
            "TestProject.SchemaValidators.update-cases-request.g.cs", "TestProject.SchemaValidators.update-comment-request.g.cs",
        };

        Assert.Equal(expected.Order(System.StringComparer.Ordinal), RepositorySchemaRun.Result.GeneratedSources.Keys.Order(System.StringComparer.Ordinal));
    }

    [Fact]
    public void Generated_code_compiles_with_nullable_enabled_and_zero_warnings()
    {
        Assert.Empty(RepositorySchemaRun.Result.GeneratorDiagnostics);
        RepositorySchemaRun.Result.AssertCompilesWithoutWarnings();
    }
}
