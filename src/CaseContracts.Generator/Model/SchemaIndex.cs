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
internal sealed record SchemaIndex(EquatableArray<SchemaSummary> Schemas, EquatableArray<string> ValidationKeys, EquatableArray<InPlaceApplication> InPlaceApplications = default, bool UsesUnevaluated = false)
{
    private HashSet<string>? _validationKeys;

    public bool HasValidationNode(string key) => (_validationKeys ??= new HashSet<string>(ValidationKeys, System.StringComparer.Ordinal)).Contains(key);

    private Dictionary<string, SchemaSummary>? _byKey;

    public SchemaSummary? Find(string key)
    {
        _byKey ??= Schemas.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First());
        return _byKey.TryGetValue(key, out var summary) ? summary : null;
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
            all.Any(p => p.UsesUnevaluated));
    }

    public bool Equals(SchemaIndex? other) => other is not null && Schemas.Equals(other.Schemas) && ValidationKeys.Equals(other.ValidationKeys)
                                              && InPlaceApplications.Equals(other.InPlaceApplications) && UsesUnevaluated == other.UsesUnevaluated;

    public override int GetHashCode() => Schemas.GetHashCode();
}
