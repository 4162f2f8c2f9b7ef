using System;
using System.Linq;

namespace CaseContracts.Generator.Model;

/// <summary>
/// What one schema file contributes to the <see cref="SchemaIndex"/>, projected from its document on its
/// own: an edit that leaves the part equal (a description, text that only moves) stops at the part, and
/// the index is not even rebuilt.
/// </summary>
/// <param name="UsesUnevaluated">Whether a position of the file uses <c>unevaluatedProperties</c> or <c>unevaluatedItems</c>.</param>
/// <param name="Uris">The absolute URIs the file registers (see <see cref="SchemaDocument.Uris"/>).</param>
internal sealed record SchemaIndexPart(EquatableArray<SchemaSummary> Schemas, EquatableArray<string> ValidationKeys, EquatableArray<InPlaceApplication> InPlaceApplications, bool UsesUnevaluated = false, EquatableArray<PublishedUri> Uris = default, EquatableArray<DialectVocabularies> Dialects = default)
{
    public static SchemaIndexPart Of(SchemaDocument document)
    {
        var nodes = document.ValidationNodes.GroupBy(n => n.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new(
            document.Schemas.Select(s => SchemaSummary.Of(s, nodes)).ToEquatableArray(),
            document.ValidationNodes.Select(n => n.Key).ToEquatableArray(),
            InPlaceApplication.Of(document.ValidationNodes).ToEquatableArray(),
            document.ValidationNodes.Any(Rules.UnevaluatedRule.UsedBy),
            document.Uris,
            document.Vocabularies.IsEmpty
                ? default
                : document.Uris.Where(u => u.Key == Schema.SchemaPaths.Key(document.FilePath, Schema.SchemaPaths.RootPointer))
                    .Select(u => new DialectVocabularies(u.Uri, document.Vocabularies)).ToEquatableArray());
    }
}
