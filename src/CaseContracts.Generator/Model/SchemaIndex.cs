using System.Collections.Generic;
using System.Linq;

namespace CaseContracts.Generator.Model;

/// <summary>
/// Every named schema of every schema file, by key, in ordinal key order: what resolving one file needs
/// of the others, merged from each file's <see cref="SchemaIndexPart"/>. It holds no source location
/// (<see cref="SchemaSummary"/>), so an edit that only moves text in one file leaves that file's part
/// equal: the index is not rebuilt, and only that file's steps run again.
/// </summary>
/// <param name="ValidationKeys">The key of every schema position (what a <c>$ref</c> may point to), ordinal order.</param>
/// <param name="InPlaceApplications">The positions that lead, in place, to a <c>$ref</c>, in ordinal key order: where reference cycles are looked for.</param>
/// <param name="UsesUnevaluated">
/// Whether any file uses <c>unevaluatedProperties</c>/<c>unevaluatedItems</c>: then every validator gets the method that
/// gathers what it evaluates (a <c>$ref</c> may lead there from any file); otherwise no validator has one.
/// </param>
/// <param name="Dialects">The custom meta-schemas of the project with the vocabularies they list (<see cref="Pipeline.Vocabularies"/>).</param>
/// <param name="Uris">
/// Every absolute URI a file registers (<c>$id</c>s, anchors, published URIs), in ordinal order: a <c>$ref</c> one file
/// could not resolve by itself (its key is then the URI) is resolved here, so every schema's <c>$id</c> is known project-wide.
/// </param>
internal sealed record SchemaIndex(EquatableArray<SchemaSummary> Schemas, EquatableArray<string> ValidationKeys, EquatableArray<InPlaceApplication> InPlaceApplications = default, bool UsesUnevaluated = false, EquatableArray<PublishedUri> Uris = default, EquatableArray<DialectVocabularies> Dialects = default)
{
    private HashSet<string>? _validationKeys;

    public bool HasValidationNode(string key) => ValidationKeySet.Contains(key) || (Resolve(key) is var resolved && resolved != key && ValidationKeySet.Contains(resolved));

    private HashSet<string> ValidationKeySet => _validationKeys ??= new HashSet<string>(ValidationKeys, System.StringComparer.Ordinal);

    private Dictionary<string, SchemaSummary>? _byKey;

    public SchemaSummary? Find(string key)
    {
        _byKey ??= Schemas.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First());
        return _byKey.TryGetValue(key, out var summary) || _byKey.TryGetValue(Resolve(key), out summary) ? summary : null;
    }

    private Dictionary<string, string>? _keysByUri;

    /// <summary>
    /// The position <paramref name="key"/> names: itself when it names one; else, when it is a URI key another file
    /// registers (<c>http://x/y.json#/a</c>, <c>urn:z#anchor</c>), the position there; else itself (unresolved).
    /// </summary>
    public string Resolve(string key)
    {
        if (Uris.IsEmpty || ValidationKeySet.Contains(key))
        {
            return key;
        }

        _keysByUri ??= Uris.GroupBy(u => u.Uri, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, System.StringComparer.Ordinal);
        var (document, pointer) = Schema.SchemaPaths.SplitKey(key);
        if (pointer.Length > 1 && pointer[1] != '/')
        {
            // An anchor: registered with its fragment.
            return _keysByUri.TryGetValue(document + pointer, out var anchored) ? anchored : key;
        }

        if (_keysByUri.TryGetValue(document, out var resource))
        {
            var (file, resourcePointer) = Schema.SchemaPaths.SplitKey(resource);
            return Schema.SchemaPaths.Key(file, resourcePointer + pointer.Substring(1));
        }

        return BesideAFileOfTheSameBase(document, pointer) ?? key;
    }

    private Dictionary<string, string>? _foldersByBase;

    /// <summary>
    /// A URI no file registers, under a base where some file's root is (<c>https://json.schemastore.org/base.json</c> when
    /// <c>https://json.schemastore.org/prisma.json</c> is <c>/schemas/prisma.json</c>): the file at the same place beside
    /// it (<c>/schemas/base.json</c>), when there is one. The files of a project sit side by side as their URIs do, so a
    /// relative reference reaches a file that declares no <c>$id</c> of its own; null when no such file exists.
    /// </summary>
    private string? BesideAFileOfTheSameBase(string document, string pointer)
    {
        var scheme = document.IndexOf("://", System.StringComparison.Ordinal);
        var slash = document.LastIndexOf('/');
        if (scheme < 0 || slash < scheme + 3)
        {
            return null;
        }

        _foldersByBase ??= FoldersByBase();
        if (!_foldersByBase.TryGetValue(document.Substring(0, slash + 1), out var folder))
        {
            return null;
        }

        var candidate = Schema.SchemaPaths.Key(Schema.SchemaPaths.Normalize(folder + System.Uri.UnescapeDataString(document.Substring(slash + 1))), pointer);
        return ValidationKeySet.Contains(candidate) ? candidate : null;
    }

    /// <summary>The folder of every file whose root a URI names, by that URI's folder (first in URI order wins).</summary>
    private Dictionary<string, string> FoldersByBase()
    {
        var folders = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var uri in Uris)
        {
            var (file, resourcePointer) = Schema.SchemaPaths.SplitKey(uri.Key);
            var slash = uri.Uri.LastIndexOf('/');
            if (resourcePointer == Schema.SchemaPaths.RootPointer && uri.Uri.IndexOf('#') < 0 && slash > 0 && !folders.ContainsKey(uri.Uri.Substring(0, slash + 1)))
            {
                folders.Add(uri.Uri.Substring(0, slash + 1), Schema.SchemaPaths.Directory(file));
            }
        }

        return folders;
    }

    /// <summary>The index of whole documents at once (the analyzers, which have no pipeline to keep the parts in).</summary>
    public static SchemaIndex Create(IEnumerable<SchemaDocument> documents) => Create(documents.Select(SchemaIndexPart.Of));

    /// <summary>The index of every file's part, merged in key order.</summary>
    public static SchemaIndex Create(IEnumerable<SchemaIndexPart> parts)
    {
        var all = parts.ToList();
        return new(
            all.SelectMany(p => p.Schemas).OrderBy(s => s.Key, System.StringComparer.Ordinal).ToEquatableArray(),
            all.SelectMany(p => p.ValidationKeys).OrderBy(k => k, System.StringComparer.Ordinal).ToEquatableArray(),
            all.SelectMany(p => p.InPlaceApplications).OrderBy(a => a.Key, System.StringComparer.Ordinal).ToEquatableArray(),
            all.Any(p => p.UsesUnevaluated),
            all.SelectMany(p => p.Uris).OrderBy(u => u.Uri, System.StringComparer.Ordinal).ThenBy(u => u.Key, System.StringComparer.Ordinal).ToEquatableArray(),
            all.SelectMany(p => p.Dialects).OrderBy(d => d.Uri, System.StringComparer.Ordinal).ToEquatableArray());
    }

    public bool Equals(SchemaIndex? other) => other is not null && Schemas.Equals(other.Schemas) && ValidationKeys.Equals(other.ValidationKeys)
                                              && InPlaceApplications.Equals(other.InPlaceApplications) && UsesUnevaluated == other.UsesUnevaluated && Uris.Equals(other.Uris) && Dialects.Equals(other.Dialects);

    public override int GetHashCode() => Schemas.GetHashCode();
}
