using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// The operation <c>x-operation</c> declares in the create-case request schema (tests/data/x-operation-contract) becomes a minimal-API
/// endpoint only where it can compile: in a project that references ASP.NET Core, with the OpenAPI
/// transformer only where Microsoft.AspNetCore.OpenApi is referenced too. Every such file is pinned by a snapshot.
/// </summary>
public sealed class EndpointGenerationTests
{
    private static readonly string[] WebOnlyFiles =
    [
        "TestProject.CreateCaseEndpoint.g.cs", "TestProject.Endpoints.g.cs", "TestProject.OpenApi.g.cs", "TestProject.Runtime.KibanaEndpoints.g.cs",
    ];

    [Theory]
    [InlineData("TestProject.CreateCaseEndpoint.g.cs")]
    [InlineData("TestProject.Endpoints.g.cs")]
    [InlineData("TestProject.Runtime.KibanaEndpoints.g.cs")]
    [InlineData("TestProject.OpenApi.g.cs")]
    public void Web_project_file_matches_its_snapshot(string hintName)
    {
        var source = RepositoryWebRun.Result.GeneratedSources[hintName];

        Snapshot.Match(source, hintName.Replace(".g.cs", string.Empty));
    }

    [Fact]
    public void Web_project_gets_the_endpoint_runtime_and_openapi_files_beside_the_same_types()
    {
        var web = RepositoryWebRun.Result.GeneratedSources.Keys;
        var plainRun = GeneratorHarness.Run(new ContractGenerator(), SchemaFiles.LoadXOperationContract(), ["namespace Consumer { internal static class Program { } }"]);
        var plain = plainRun.GeneratedSources.Keys;

        Assert.Equal(WebOnlyFiles, web.Except(plain).Order(System.StringComparer.Ordinal));
        Assert.Empty(plain.Except(web));
        Assert.All(plain, hint => Assert.Equal(plainRun.GeneratedSources[hint], RepositoryWebRun.Result.GeneratedSources[hint]));
    }

    [Fact]
    public void Web_project_output_compiles_with_nullable_enabled_and_zero_warnings()
    {
        Assert.Empty(RepositoryWebRun.Result.GeneratorDiagnostics);
        RepositoryWebRun.Result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void Web_project_without_openapi_gets_the_endpoint_but_no_transformer()
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), SchemaFiles.LoadXOperationContract(),
            additionalReferences: TrustedPlatformReferences.AspNetCoreWithoutOpenApi);

        Assert.Contains("TestProject.CreateCaseEndpoint.g.cs", result.GeneratedSources.Keys);
        Assert.Contains("TestProject.Endpoints.g.cs", result.GeneratedSources.Keys);
        Assert.DoesNotContain("TestProject.OpenApi.g.cs", result.GeneratedSources.Keys);
        result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void Project_without_aspnetcore_reads_the_operation_without_diagnostics_and_generates_no_endpoint()
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), SchemaFiles.LoadXOperationContract(), ["namespace Consumer { internal static class Program { } }"]);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.DoesNotContain(result.GeneratedSources.Keys, hint => WebOnlyFiles.Contains(hint));
    }

    [Fact]
    public void OpenApi_components_are_the_schema_files_with_references_between_components()
    {
        var openApi = RepositoryWebRun.Result.GeneratedSources["TestProject.OpenApi.g.cs"];

        // Named by the generated C# types; $ref points at components, never at schema files.
        Assert.Contains("new ContractSchema(\"CreateCaseRequest\", ", openApi);
        Assert.Contains("new ContractSchema(\"Connector.Jira\", ", openApi);
        Assert.Contains("\\\"$ref\\\":\\\"#/components/schemas/Connector\\\"", openApi);
        Assert.DoesNotContain("\\\"$ref\\\":\\\"/project/", openApi);
        // The declaration and the dialect marker are not part of the wire's schema.
        Assert.DoesNotContain("x-operation", openApi);
        Assert.DoesNotContain("$schema", openApi);
    }
}
