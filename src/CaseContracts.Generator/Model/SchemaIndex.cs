using System.Collections.Generic;
using System.Linq;

namespace CaseContracts.Generator.Model;

/// <summary>Every named schema of every schema file, by key, in ordinal key order.</summary>
internal sealed record SchemaIndex(EquatableArray<SchemaSummary> Schemas)
{
    private Dictionary<string, SchemaSummary>? _byKey;

    public SchemaSummary? Find(string key)
    {
        _byKey ??= Schemas.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First());
        return _byKey.TryGetValue(key, out var summary) ? summary : null;
    }

    public static SchemaIndex Create(IEnumerable<SchemaDocument> documents)
        => new(documents.SelectMany(d => d.Schemas).Select(SchemaSummary.Of).OrderBy(s => s.Key, System.StringComparer.Ordinal).ToEquatableArray());

    public bool Equals(SchemaIndex? other) => other is not null && Schemas.Equals(other.Schemas);

    public override int GetHashCode() => Schemas.GetHashCode();
}
