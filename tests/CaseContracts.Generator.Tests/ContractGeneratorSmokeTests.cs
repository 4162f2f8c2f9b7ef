using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests;

/// <summary>
/// First end-to-end check of the real generator through the harness: the repository's contract
/// (<c>schema/**/*.json</c>) generates code that compiles cleanly. The detailed snapshot,
/// compile-and-run and incrementality tests live in their own classes.
/// </summary>
public sealed class ContractGeneratorSmokeTests
{
    [Fact]
    public void Repository_contract_generates_code_that_compiles_without_warnings()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(
            new ContractGenerator(),
            SchemaFiles.LoadRepositorySchemas(),
            new[] { "namespace Consumer { internal static class Program { } }" });

        Assert.Null(result.GeneratorException);
        Assert.NotEmpty(result.GeneratedSources);
        result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void Repository_contract_in_a_web_project_generates_the_cases_operations_without_diagnostics()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(
            new ContractGenerator(),
            SchemaFiles.LoadRepositorySchemas(),
            new[] { "namespace Consumer { internal static class Program { } }" },
            additionalReferences: TrustedPlatformReferences.AspNetCore);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("TestProject.CreateCaseOperation.g.cs", result.GeneratedSources.Keys);
        Assert.Contains("TestProject.GetCaseOperation.g.cs", result.GeneratedSources.Keys);
        Assert.Contains("TestProject.openapi.CasesOpenApi.g.cs", result.GeneratedSources.Keys);
        // schema/ declares its operations in cases.openapi.json only: no x-operation endpoint beside them.
        Assert.DoesNotContain("TestProject.CreateCaseEndpoint.g.cs", result.GeneratedSources.Keys);
        result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void Generator_runs_on_a_project_without_schemas()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(new ContractGenerator());

        Assert.Null(result.GeneratorException);
    }
}
