using System;
using CaseContracts.Generator.Tests.Infrastructure;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// One generator run over the repository's schema/ in a web project (ASP.NET Core and
/// Microsoft.AspNetCore.OpenApi referenced), shared by the tests that only read it.
/// </summary>
internal static class RepositoryWebRun
{
    private static readonly Lazy<GeneratorHarnessResult> s_result = new(() => GeneratorHarness.Run(
        new ContractGenerator(),
        SchemaFiles.LoadRepositorySchemas(),
        new[] { "namespace Consumer { internal static class Program { } }" },
        additionalReferences: TrustedPlatformReferences.AspNetCore));

    public static GeneratorHarnessResult Result => s_result.Value;
}
