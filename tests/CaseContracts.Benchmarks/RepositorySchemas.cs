using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CaseContracts.Benchmarks;

/// <summary>
/// The repository's <c>schema/</c> files, embedded in this assembly (see the project file): relative
/// path (<c>connectors/jira.schema.json</c>) → text, in ordinal order. Every contender reads these.
/// </summary>
public static class RepositorySchemas
{
    /// <summary>The request body's schema, relative to <c>schema/</c>.</summary>
    public const string RequestFile = "create-case-request.schema.json";

    private const string ResourcePrefix = "schema/";

    /// <summary>Relative path → file text.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = Load();

    private static SortedDictionary<string, string> Load()
    {
        var assembly = typeof(RepositorySchemas).Assembly;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Select(n => n.Replace('\\', '/')).Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(Open(assembly, name));
            files.Add(name.Substring(ResourcePrefix.Length), reader.ReadToEnd());
        }

        if (!files.ContainsKey(RequestFile))
        {
            throw new InvalidOperationException($"{RequestFile} is not embedded (found: {string.Join(", ", files.Keys)})");
        }

        return files;
    }

    private static Stream Open(Assembly assembly, string name)
        => assembly.GetManifestResourceStream(name)
           ?? assembly.GetManifestResourceStream(name.Replace('/', '\\'))
           ?? throw new InvalidOperationException("missing resource " + name);
}
