using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Generator.Tests.InfrastructureTests.Fakes;

/// <summary>
/// A well-behaved generator that reports a diagnostic located in each additional file: the pipeline carries
/// only the path, and the <see cref="Location"/> is created in the output step, as the rules require.
/// </summary>
internal sealed class ReportingGenerator : IIncrementalGenerator
{
    public const string PathStep = "Path";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "TEST001", "Test diagnostic", "Seen {0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context) =>
        context.RegisterSourceOutput(
            context.AdditionalTextsProvider.Select(static (text, _) => text.Path).WithTrackingName(PathStep),
            static (output, path) => output.ReportDiagnostic(Diagnostic.Create(
                Descriptor,
                Location.Create(path, new TextSpan(0, 1), new LinePositionSpan(default, new LinePosition(0, 1))),
                path)));
}
