using System;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator.Tests.InfrastructureTests.Fakes;

/// <summary>
/// Adds one fixed source file (or throws, when given <see langword="null"/>), to test how the harness
/// reports compiler diagnostics in generated code and generator exceptions.
/// </summary>
internal sealed class FixedSourceGenerator : IIncrementalGenerator
{
    public const string HintName = "Fixed.g.cs";

    private readonly string? _source;

    public FixedSourceGenerator(string? source) => _source = source;

    public void Initialize(IncrementalGeneratorInitializationContext context) =>
        context.RegisterSourceOutput(context.CompilationProvider, (output, _) =>
        {
            if (_source is null)
            {
                throw new InvalidOperationException("FixedSourceGenerator was asked to fail.");
            }

            output.AddSource(HintName, _source);
        });
}
