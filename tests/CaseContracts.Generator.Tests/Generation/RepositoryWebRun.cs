using System;
using CaseContracts.Generator.Tests.Infrastructure;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// One generator run over the repository's contract declared with the <c>x-operation</c> shorthand
/// (<see cref="SchemaFiles.LoadXOperationContract"/>) in a web project (ASP.NET Core and
/// Microsoft.AspNetCore.OpenApi referenced), shared by the tests that only read it.
/// </summary>
internal static class RepositoryWebRun
{
    private static readonly Lazy<GeneratorHarnessResult> s_result = new(() => GeneratorHarness.Run(
        new ContractGenerator(),
        SchemaFiles.LoadXOperationContract(),
        new[] { "namespace Consumer { internal static class Program { } }" },
        additionalReferences: TrustedPlatformReferences.AspNetCore));

    public static GeneratorHarnessResult Result => s_result.Value;
}
