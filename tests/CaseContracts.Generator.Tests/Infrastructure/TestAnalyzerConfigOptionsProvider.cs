using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Supplies the generator with the options an MSBuild build would: global options
/// (<c>build_property.*</c>) and, optionally, per-file options for additional files keyed by path
/// (<c>build_metadata.AdditionalFiles.*</c>).
/// </summary>
/// <remarks>
/// As in a real build, where MSBuild writes <c>build_property.*</c> into a global analyzer config,
/// every file's options also contain the global ones; a per-file value wins over a global one.
/// </remarks>
public sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly ImmutableDictionary<string, TestAnalyzerConfigOptions> _additionalTextOptions;
    private readonly TestAnalyzerConfigOptions _globalOptions;

    /// <summary>Creates a provider.</summary>
    /// <param name="globalOptions">Options every file sees, for example <c>build_property.ProjectDir</c>.</param>
    /// <param name="additionalTextOptions">Per additional file path, that file's own options.</param>
    public TestAnalyzerConfigOptionsProvider(
        IEnumerable<KeyValuePair<string, string>> globalOptions,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? additionalTextOptions = null)
    {
        List<KeyValuePair<string, string>> global = new(globalOptions);
        _globalOptions = new TestAnalyzerConfigOptions(global);
        ImmutableDictionary<string, TestAnalyzerConfigOptions>.Builder perFile =
            ImmutableDictionary.CreateBuilder<string, TestAnalyzerConfigOptions>();
        if (additionalTextOptions is not null)
        {
            foreach (KeyValuePair<string, IReadOnlyDictionary<string, string>> file in additionalTextOptions)
            {
                perFile[file.Key] = new TestAnalyzerConfigOptions(global.Concat(file.Value));
            }
        }

        _additionalTextOptions = perFile.ToImmutable();
    }

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions => _globalOptions;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _globalOptions;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _additionalTextOptions.TryGetValue(textFile.Path, out TestAnalyzerConfigOptions? options)
            ? options
            : _globalOptions;
}
