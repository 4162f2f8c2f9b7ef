using System;
using System.Threading;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>A stage that throws on one schema file is one CC0009 at that file, without the exception's text; the other files still generate.</summary>
public sealed class StageFailureTests
{
    private const string Dir = SchemaFiles.VirtualSchemaDirectory;

    [Fact]
    public void A_read_that_throws_is_a_CC0009_at_the_start_of_its_file_and_the_other_files_generate()
    {
        var result = GeneratorHarness.Run(new ContractGenerator(),
        [
            new ThrowingText(Dir + "broken.schema.json"),
            new InMemoryAdditionalText(Dir + "healthy.schema.json", """{ "title": "Healthy", "type": "object", "properties": { "name": { "type": "string" } } }"""),
        ]);

        Assert.Null(result.GeneratorException);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CC0009", diagnostic.Id);
        Assert.Equal(Dir + "broken.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(0, diagnostic.Location.SourceSpan.Start);
        Assert.Contains("while reading the schema of this schema file (InvalidOperationException)", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(ThrowingSourceText.Secret, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("TestProject.Healthy.g.cs", result.GeneratedSources.Keys);
    }

    private sealed class ThrowingText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => new ThrowingSourceText();
    }

    /// <summary>A text that fails when read: stands for any bug a stage may have.</summary>
    private sealed class ThrowingSourceText : SourceText
    {
        public const string Secret = "internal detail";

        public override char this[int position] => throw new InvalidOperationException(Secret);

        public override System.Text.Encoding? Encoding => null;

        public override int Length => 10;

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) => throw new InvalidOperationException(Secret);
    }
}
