using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit.Sdk;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// What one <see cref="GeneratorHarness"/> run produced, and the means to run again on top of it.
/// </summary>
public sealed class GeneratorHarnessResult
{
    private static int s_loadContextCounter;

    internal GeneratorHarnessResult(
        GeneratorDriver driver,
        Compilation inputCompilation,
        Compilation outputCompilation,
        ImmutableArray<Diagnostic> generatorDiagnostics,
        ImmutableArray<AdditionalText> additionalTexts)
    {
        Driver = driver;
        InputCompilation = inputCompilation;
        OutputCompilation = outputCompilation;
        GeneratorDiagnostics = generatorDiagnostics;
        AdditionalTexts = additionalTexts;
        RunResult = driver.GetRunResult();

        SortedDictionary<string, string> sources = new(StringComparer.Ordinal);
        foreach (GeneratorRunResult generatorResult in RunResult.Results)
        {
            foreach (GeneratedSourceResult source in generatorResult.GeneratedSources)
            {
                sources.Add(source.HintName, source.SourceText.ToString());
            }
        }

        GeneratedSources = sources;
    }

    /// <summary>The driver after this run; change it (ReplaceAdditionalText, ...) and pass it to a re-run.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The compilation the generator ran on.</summary>
    public Compilation InputCompilation { get; }

    /// <summary>The input compilation plus the generated syntax trees.</summary>
    public Compilation OutputCompilation { get; }

    /// <summary>The additional files the driver held for this run.</summary>
    public ImmutableArray<AdditionalText> AdditionalTexts { get; }

    /// <summary>The driver's run result: generated sources, diagnostics, exceptions and tracked steps.</summary>
    public GeneratorDriverRunResult RunResult { get; }

    /// <summary>Diagnostics reported by the generator (not by compiling its output).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Generated source text by hint name, in ordinal order of hint names.</summary>
    public IReadOnlyDictionary<string, string> GeneratedSources { get; }

    /// <summary>The exception the generator threw, if any (the compiler would report CS8785 and drop all output).</summary>
    public Exception? GeneratorException =>
        RunResult.Results.Select(result => result.Exception).FirstOrDefault(exception => exception is not null);

    /// <summary>
    /// Diagnostics of <paramref name="minimumSeverity"/> or higher that compiling the output reports
    /// inside generated files.
    /// </summary>
    public ImmutableArray<Diagnostic> GetGeneratedCodeDiagnostics(DiagnosticSeverity minimumSeverity = DiagnosticSeverity.Warning)
    {
        HashSet<SyntaxTree> generatedTrees = new(RunResult.GeneratedTrees);
        return OutputCompilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= minimumSeverity
                                 && diagnostic.Location.SourceTree is { } tree
                                 && generatedTrees.Contains(tree))
            .ToImmutableArray();
    }

    /// <summary>
    /// Fails the test if the generator threw, or if the output has any error, or any warning inside a generated file.
    /// </summary>
    public void AssertCompilesWithoutWarnings()
    {
        if (GeneratorException is { } exception)
        {
            throw new XunitException($"The generator threw: {exception}");
        }

        ImmutableArray<Diagnostic> problems = GetGeneratedCodeDiagnostics()
            .Concat(OutputCompilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
            .Distinct()
            .ToImmutableArray();
        if (!problems.IsEmpty)
        {
            throw new XunitException("The generated code does not compile cleanly:\n" + Describe(problems));
        }
    }

    /// <summary>
    /// Emits the output compilation and loads it into a fresh <see cref="AssemblyLoadContext"/>, failing the test with
    /// every error if emission fails.
    /// </summary>
    /// <remarks>
    /// Not collectible: the generated runtime has <c>[ThreadStatic]</c> fields, and the test host crashed in the
    /// runtime's GC (a segfault in libcoreclr.so on a GC or thread-pool thread, dmesg) in about one full run in four
    /// while these assemblies were unloaded; the runtime has had bugs with thread statics of unloaded assemblies. A
    /// project's generated code is never unloaded, and the few hundred assemblies a run loads fit in memory.
    /// </remarks>
    public Assembly EmitAndLoad()
    {
        using MemoryStream peStream = new();
        EmitResult emitResult = OutputCompilation.Emit(peStream);
        if (!emitResult.Success)
        {
            IEnumerable<Diagnostic> errors = emitResult.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
            throw new XunitException("Emitting the generated code failed:\n" + Describe(errors));
        }

        peStream.Position = 0;
        int id = Interlocked.Increment(ref s_loadContextCounter);
        AssemblyLoadContext loadContext = new($"{OutputCompilation.AssemblyName}#{id}", isCollectible: false);
        loadContext.Resolving += ResolveFromCompilationReferences;
        return loadContext.LoadFromStream(peStream);
    }

    /// <summary>
    /// Runs again with the same driver state after changing the driver and/or the compilation;
    /// the basis of every incrementality test.
    /// </summary>
    /// <param name="changeDriver">For example <c>d =&gt; d.ReplaceAdditionalText(old, new)</c>.</param>
    /// <param name="changeCompilation">For example adding an unrelated syntax tree.</param>
    /// <param name="additionalTexts">The additional files after <paramref name="changeDriver"/>; defaults to the current ones.</param>
    public GeneratorHarnessResult Rerun(
        Func<GeneratorDriver, GeneratorDriver>? changeDriver = null,
        Func<Compilation, Compilation>? changeCompilation = null,
        ImmutableArray<AdditionalText>? additionalTexts = null)
    {
        GeneratorDriver driver = changeDriver?.Invoke(Driver) ?? Driver;
        Compilation compilation = changeCompilation?.Invoke(InputCompilation) ?? InputCompilation;
        return GeneratorHarness.RunDriver(driver, compilation, additionalTexts ?? AdditionalTexts);
    }

    /// <summary>Runs again after an edit of the additional file at <paramref name="path"/>.</summary>
    public GeneratorHarnessResult RerunWithEditedAdditionalText(string path, string newContent)
    {
        AdditionalText oldText = FindAdditionalText(path);
        InMemoryAdditionalText newText = new(path, newContent);
        return Rerun(
            driver => driver.ReplaceAdditionalText(oldText, newText),
            additionalTexts: AdditionalTexts.Replace(oldText, newText));
    }

    /// <summary>Runs again after adding an additional file.</summary>
    public GeneratorHarnessResult RerunWithAddedAdditionalText(AdditionalText text) =>
        Rerun(driver => driver.AddAdditionalTexts(ImmutableArray.Create(text)), additionalTexts: AdditionalTexts.Add(text));

    /// <summary>Runs again after removing the additional file at <paramref name="path"/>.</summary>
    public GeneratorHarnessResult RerunWithRemovedAdditionalText(string path)
    {
        AdditionalText text = FindAdditionalText(path);
        return Rerun(driver => driver.RemoveAdditionalTexts(ImmutableArray.Create(text)), additionalTexts: AdditionalTexts.Remove(text));
    }

    /// <summary>Runs again after adding a C# file the generator has no reason to care about.</summary>
    public GeneratorHarnessResult RerunWithAddedSource(string source) =>
        Rerun(changeCompilation: compilation => compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: $"/project/Added{compilation.SyntaxTrees.Count()}.cs")));

    private AdditionalText FindAdditionalText(string path) =>
        AdditionalTexts.FirstOrDefault(text => string.Equals(text.Path, path, StringComparison.Ordinal))
        ?? throw new ArgumentException(
            $"No additional text at '{path}'. Present: {string.Join(", ", AdditionalTexts.Select(text => text.Path))}", nameof(path));

    private Assembly? ResolveFromCompilationReferences(AssemblyLoadContext context, AssemblyName name)
    {
        string? path = OutputCompilation.References
            .OfType<PortableExecutableReference>()
            .Select(reference => reference.FilePath)
            .FirstOrDefault(file => file is not null
                                    && string.Equals(Path.GetFileNameWithoutExtension(file), name.Name, StringComparison.OrdinalIgnoreCase));
        return path is null ? null : context.LoadFromAssemblyPath(path);
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        StringBuilder text = new();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            string where = diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile
                ? $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})"
                : "<no location>";
            text.Append("  ").Append(where).Append(": ")
                .Append(diagnostic.Severity.ToString().ToLowerInvariant()).Append(' ')
                .Append(diagnostic.Id).Append(": ")
                .AppendLine(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            if (diagnostic.Location.SourceTree is { } tree)
            {
                int line = span.StartLinePosition.Line;
                var lines = tree.GetText().Lines;
                if (line < lines.Count)
                {
                    text.Append("      | ").AppendLine(lines[line].ToString().Trim());
                }
            }
        }

        return text.ToString();
    }
}
