using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// A fixed set of analyzer config key/value pairs, as MSBuild would hand them to the compiler
/// (<c>build_property.X</c> for <c>CompilerVisibleProperty</c>,
/// <c>build_metadata.AdditionalFiles.Y</c> for <c>CompilerVisibleItemMetadata</c>).
/// Keys compare case-insensitively, like the compiler's.
/// </summary>
public sealed class TestAnalyzerConfigOptions : AnalyzerConfigOptions
{
    private readonly ImmutableDictionary<string, string> _options;

    /// <summary>An instance with no options.</summary>
    public static TestAnalyzerConfigOptions Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>Creates options from key/value pairs; a later duplicate key wins.</summary>
    public TestAnalyzerConfigOptions(IEnumerable<KeyValuePair<string, string>> options)
    {
        ImmutableDictionary<string, string>.Builder builder = ImmutableDictionary.CreateBuilder<string, string>(KeyComparer);
        foreach (KeyValuePair<string, string> option in options)
        {
            builder[option.Key] = option.Value;
        }

        _options = builder.ToImmutable();
    }

    /// <inheritdoc />
    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
        _options.TryGetValue(key, out value);

    /// <inheritdoc />
    public override IEnumerable<string> Keys => _options.Keys.OrderBy(key => key, KeyComparer);
}
