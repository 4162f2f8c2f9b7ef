using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Generator.Tests.InfrastructureTests.Fakes;

/// <summary>
/// A generator that breaks the pipeline rules on purpose: its tracked step keeps a <see cref="Location"/>
/// inside a model, which <c>ForbiddenObjectGraphWalker</c> must find.
/// </summary>
internal sealed class LeakyGenerator : IIncrementalGenerator
{
    public const string LeakStep = "Leak";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<LeakyModel> models = context.AdditionalTextsProvider
            .Select(static (text, _) => new LeakyModel(
                text.Path,
                ImmutableArray.Create(
                    new LeakyPart("clean", null),
                    new LeakyPart("dirty", Location.Create(text.Path, default(TextSpan), default(LinePositionSpan))))))
            .WithTrackingName(LeakStep);

        context.RegisterSourceOutput(models, static (_, _) => { });
    }

    internal sealed record LeakyModel(string Path, ImmutableArray<LeakyPart> Parts);

    internal sealed record LeakyPart(string Name, Location? Where);
}
