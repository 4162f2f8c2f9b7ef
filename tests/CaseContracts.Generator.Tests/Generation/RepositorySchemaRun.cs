using System;
using CaseContracts.Generator.Tests.Infrastructure;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>One generator run over the repository's schema/, shared by the tests that only read it.</summary>
internal static class RepositorySchemaRun
{
    private static readonly Lazy<GeneratorHarnessResult> s_result = new(() => GeneratorHarness.Run(
        new ContractGenerator(),
        SchemaFiles.LoadRepositorySchemas(),
        new[] { "namespace Consumer { internal static class Program { } }" }));

    public static GeneratorHarnessResult Result => s_result.Value;
}
