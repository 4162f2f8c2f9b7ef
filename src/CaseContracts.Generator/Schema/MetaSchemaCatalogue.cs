using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using CaseContracts.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// The meta-schemas of the five drafts (with the vocabularies of 2019-09 and 2020-12), embedded from
/// <c>MetaSchemas/</c>: what a schema file is checked against (<see cref="MetaSchemaCheck"/>, CC0010), and documents a
/// project's <c>$ref</c> may name by their URI (<c>http://json-schema.org/draft-07/schema#</c>) without keeping a copy:
/// the index then holds the referenced draft's documents, and the project gets their validators. Each is read once per
/// process, as a schema like any other, and contributes no type (a value it validates binds as JSON).
/// </summary>
internal static class MetaSchemaCatalogue
{
    /// <summary>Where the meta-schemas' positions are keyed: no project file has this path.</summary>
    public const string Folder = "/casecontracts/meta-schemas/";

    private static readonly Family[] s_families =
    [
        new(SchemaDraft.Draft4, "http://json-schema.org/draft-04/schema", ["draft-04"]),
        new(SchemaDraft.Draft6, "http://json-schema.org/draft-06/schema", ["draft-06"]),
        new(SchemaDraft.Draft7, "http://json-schema.org/draft-07/schema", ["draft-07"]),
        new(SchemaDraft.Draft201909, "https://json-schema.org/draft/2019-09/",
            ["draft-2019-09", "draft-2019-09.meta.core", "draft-2019-09.meta.applicator", "draft-2019-09.meta.validation",
             "draft-2019-09.meta.meta-data", "draft-2019-09.meta.format", "draft-2019-09.meta.content"]),
        new(SchemaDraft.Draft202012, "https://json-schema.org/draft/2020-12/",
            ["draft-2020-12", "draft-2020-12.meta.core", "draft-2020-12.meta.applicator", "draft-2020-12.meta.unevaluated",
             "draft-2020-12.meta.validation", "draft-2020-12.meta.meta-data", "draft-2020-12.meta.format-annotation",
             "draft-2020-12.meta.format-assertion", "draft-2020-12.meta.content"]),
    ];

    private static readonly Dictionary<string, Lazy<IReadOnlyList<SchemaDocument>>> s_documents = s_families.ToDictionary(
        f => f.Name, f => new Lazy<IReadOnlyList<SchemaDocument>>(() => f.Files.Select(Read).ToList(), LazyThreadSafetyMode.ExecutionAndPublication));

    /// <summary>The key of a draft's meta-schema root (its first file).</summary>
    public static string RootKey(SchemaDraft draft) => SchemaPaths.Key(PathOf(s_families.Single(f => f.Draft == draft).Files[0]), SchemaPaths.RootPointer);

    /// <summary>The name of <paramref name="draft"/>'s meta-schema (<c>draft-07</c>): how the pipeline carries it.</summary>
    public static string NameOf(SchemaDraft draft) => s_families.Single(f => f.Draft == draft).Name;

    /// <summary>The meta-schemas (by <see cref="NameOf"/>) <paramref name="document"/> refers to by URI, in ordinal order.</summary>
    public static EquatableArray<string> ReferencedBy(SchemaDocument document)
    {
        if (document.References.IsEmpty)
        {
            return default;
        }

        var drafts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var reference in document.References)
        {
            foreach (var family in s_families)
            {
                if (reference.TargetKey.StartsWith(family.UriPrefix, StringComparison.Ordinal))
                {
                    drafts.Add(family.Name);
                }
            }
        }

        return drafts.ToEquatableArray();
    }

    /// <summary>The meta-schema documents of the draft named <paramref name="name"/> (read once per process; no types, no diagnostics of the project's).</summary>
    public static IReadOnlyList<SchemaDocument> Documents(string name) => s_documents.TryGetValue(name, out var documents) ? documents.Value : Array.Empty<SchemaDocument>();

    /// <summary>The meta-schema documents of every draft named in <paramref name="names"/>.</summary>
    public static IEnumerable<SchemaDocument> Documents(IEnumerable<string> names) => names.Distinct(StringComparer.Ordinal).SelectMany(Documents);

    private static string PathOf(string file) => Folder + file + ".schema.json";

    private static SchemaDocument Read(string file)
    {
        using var stream = typeof(MetaSchemaCatalogue).Assembly.GetManifestResourceStream("CaseContracts.MetaSchemas." + file + ".schema.json");
        if (stream is null)
        {
            return new SchemaDocument(PathOf(file), default, default, default, default);
        }

        using var reader = new StreamReader(stream);
        var document = SchemaReader.Read(PathOf(file), SourceText.From(reader.ReadToEnd()), CancellationToken.None, checkMetaSchema: false);

        // A meta-schema is validation only: its positions would otherwise become records of every project that names it.
        return document with { Schemas = default, Components = default, Operation = null, Diagnostics = default };
    }

    private sealed record Family(SchemaDraft Draft, string UriPrefix, string[] Files)
    {
        public string Name => Files[0];
    }
}
