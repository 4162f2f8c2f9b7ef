using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Turns schema files on disk into the in-memory AdditionalFiles a build of a project at
/// <see cref="GeneratorHarness.DefaultProjectDir"/> would pass, for example
/// <c>TestSchemas/x/connectors/jira.schema.json</c> → <c>/project/schema/connectors/jira.schema.json</c>.
/// </summary>
public static class SchemaFiles
{
    /// <summary>Where schema files appear to the generator.</summary>
    public const string VirtualSchemaDirectory = GeneratorHarness.DefaultProjectDir + "schema/";

    /// <summary>
    /// Loads every <paramref name="searchPattern"/> file under <paramref name="directory"/> (recursively,
    /// in ordinal order of relative path) as an <see cref="InMemoryAdditionalText"/> under
    /// <paramref name="virtualDirectory"/>, keeping the sub-folder structure with <c>/</c> separators.
    /// </summary>
    public static ImmutableArray<AdditionalText> Load(
        string directory,
        string virtualDirectory = VirtualSchemaDirectory,
        string searchPattern = "*.json")
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Schema directory '{directory}' does not exist.");
        }

        string prefix = virtualDirectory.EndsWith('/') ? virtualDirectory : virtualDirectory + "/";
        return Directory
            .EnumerateFiles(directory, searchPattern, SearchOption.AllDirectories)
            .Select(file => (File: file, Relative: Path.GetRelativePath(directory, file).Replace('\\', '/')))
            .OrderBy(entry => entry.Relative, StringComparer.Ordinal)
            .Select(entry => (AdditionalText)new InMemoryAdditionalText(prefix + entry.Relative, File.ReadAllText(entry.File)))
            .ToImmutableArray();
    }

    /// <summary>
    /// The repository's real contract (<c>schema/**/*.json</c>, copied to the test output's <c>schema/</c> folder).
    /// </summary>
    public static ImmutableArray<AdditionalText> LoadRepositorySchemas() =>
        Load(Path.Combine(AppContext.BaseDirectory, "schema"));

    /// <summary>
    /// The repository's contract as it was declared before <c>schema/cases.openapi.json</c>: the same schema files, with
    /// <c>create-case-request.schema.json</c> declaring <c>POST /api/cases</c> by the <c>x-operation</c> shorthand
    /// (<c>tests/data/x-operation-contract/</c>, copied to the test output's <c>x-operation-contract/</c> folder).
    /// </summary>
    public static ImmutableArray<AdditionalText> LoadXOperationContract() =>
        Load(Path.Combine(AppContext.BaseDirectory, "x-operation-contract"));

    /// <summary>
    /// A named set of test schemas: <c>TestSchemas/<paramref name="name"/>/**/<paramref name="searchPattern"/></c>
    /// in the test output (pass <c>"*.schema.json"</c> to leave out example instance files kept beside them).
    /// </summary>
    public static ImmutableArray<AdditionalText> LoadTestSchemas(string name, string searchPattern = "*.json") =>
        Load(Path.Combine(AppContext.BaseDirectory, "TestSchemas", name), VirtualSchemaDirectory, searchPattern);
}
