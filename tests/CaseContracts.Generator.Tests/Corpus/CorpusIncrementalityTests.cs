using System.IO;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CaseContracts.Generator.Tests.Corpus;

/// <summary>
/// P3's "an unrelated edit regenerates nothing" on real-world schemas: the whole SchemaStore corpus (110 files, the
/// generator's every keyword, name collisions and unresolved references included) in one project's schema folder, as
/// the <c>GeneratorCorpusCost</c> benchmark runs it. Tracked steps prove that a C# edit reuses every step and output.
/// </summary>
public sealed class CorpusIncrementalityTests(ITestOutputHelper output)
{
    [Fact]
    public void Unrelated_csharp_edit_reuses_every_step_and_output_for_the_whole_corpus_in_one_project()
    {
        var schemas = SchemaStoreCorpus.AllSchemas
            .Select(s => new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + s + ".json", File.ReadAllText(SchemaStoreCorpus.SchemaPath(s))))
            .ToList();
        var first = GeneratorHarness.Run(new ContractGenerator(), schemas, ["namespace Consumer { internal static class Program { } }"]);
        Assert.Null(first.GeneratorException);
        var generated = first.RunResult.Results.Sum(r => r.GeneratedSources.Length);
        Assert.True(generated > 1_000, $"the corpus generated only {generated} files");

        var second = first.RerunWithAddedSource("namespace Consumer { internal static class Unrelated { } }");

        Assert.Null(second.GeneratorException);
        var reasons = IncrementalSteps.GetOutputReasons(second.RunResult).Where(r => !IncrementalSteps.IsDriverStep(r.StepName)).ToList();
        output.WriteLine($"{schemas.Count} schema files -> {generated} generated files; after the edit {reasons.Count} step outputs, {reasons.Count(r => r.IsReused)} Cached/Unchanged");
        Assert.True(reasons.Count > 1_000, $"only {reasons.Count} tracked step outputs");
        IncrementalSteps.AssertAllCachedOrUnchanged(second.RunResult);
        IncrementalSteps.AssertOutputsCachedOrUnchanged(second.RunResult);
        Assert.Equal(generated, second.RunResult.Results.Sum(r => r.GeneratedSources.Length));
    }
}
