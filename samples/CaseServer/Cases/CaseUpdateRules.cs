using System;
using System.Collections.Generic;
using System.Linq;
using CaseServer.Contract;

namespace CaseServer.Cases;

/// <summary>
/// Kibana 7.11's rules for <c>PATCH /api/cases</c>, apart from any database: unknown ids first, then stale
/// versions, then nothing to change; a changed case gets <c>updated_at</c>/<c>updated_by</c>, and a status
/// change sets (<c>closed</c>) or clears (<c>open</c>, <c>in-progress</c>) <c>closed_at</c>/<c>closed_by</c>.
/// Both stores apply these rules to the rows they read inside the write's transaction.
/// </summary>
public static class CaseUpdateRules
{
    /// <summary>A case to write: its new content and the version it must still have when written.</summary>
    public sealed record CaseWrite(Case Updated, long ExpectedVersion);

    /// <summary>
    /// Decides <paramref name="patches"/> against <paramref name="current"/> (the stored cases by id, each with
    /// its version number); the writes are in request order, only for cases that change.
    /// </summary>
    public static StoreResult<IReadOnlyList<CaseWrite>> Decide(IReadOnlyList<CasePatch> patches, IReadOnlyDictionary<string, (Case Case, long Version)> current, WriteStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(patches);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(stamp);

        var unknown = patches.Select(p => p.Id).Where(id => !current.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return StoreResult<IReadOnlyList<CaseWrite>>.Failed(StoreOutcome.NotFound, CaseStoreMessages.CasesDoNotExist(unknown), unknown);
        }

        // Versions are opaque: anything but the current text (even text that is not base64) is stale.
        var stale = patches.Where(p => !string.Equals(p.Version, CaseVersion.Of(current[p.Id].Version), StringComparison.Ordinal))
            .Select(p => p.Id).Distinct(StringComparer.Ordinal).ToList();
        if (stale.Count > 0)
        {
            return StoreResult<IReadOnlyList<CaseWrite>>.Failed(StoreOutcome.Conflict, CaseStoreMessages.CasesConflict(stale), stale);
        }

        var writes = new List<CaseWrite>();
        foreach (var patch in patches)
        {
            var (stored, version) = current[patch.Id];
            if (Apply(stored, patch, stamp) is { } updated)
            {
                writes.Add(new CaseWrite(updated, version));
            }
        }

        return writes.Count == 0
            ? StoreResult<IReadOnlyList<CaseWrite>>.Failed(StoreOutcome.Identical, CaseStoreMessages.AllFieldsIdentical)
            : StoreResult<IReadOnlyList<CaseWrite>>.Done(writes);
    }

    /// <summary>The case after <paramref name="patch"/>, or null when no field changes.</summary>
    public static Case? Apply(Case stored, CasePatch patch, WriteStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(stamp);

        var changed = false;
        var updated = stored;
        if (patch.Title is { } title && !string.Equals(title, stored.Title, StringComparison.Ordinal))
        {
            updated = updated with { Title = title };
            changed = true;
        }

        if (patch.Description is { } description && !string.Equals(description, stored.Description, StringComparison.Ordinal))
        {
            updated = updated with { Description = description };
            changed = true;
        }

        // Kibana sorts both arrays before comparing: reordered tags are no change.
        if (patch.Tags is { } tags && !tags.Order(StringComparer.Ordinal).SequenceEqual(stored.Tags.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            updated = updated with { Tags = tags.ToArray() };
            changed = true;
        }

        // Objects compare deeply, which for the generated records is their JSON text (fields in schema order).
        if (patch.Connector is { } connector && !string.Equals(connector.ToJson(), stored.Connector.ToJson(), StringComparison.Ordinal))
        {
            updated = updated with { Connector = connector };
            changed = true;
        }

        if (patch.Settings is { } settings && !string.Equals(settings.ToJson(), stored.Settings.ToJson(), StringComparison.Ordinal))
        {
            updated = updated with { Settings = settings };
            changed = true;
        }

        if (patch.Status is { } status && status != stored.Status)
        {
            updated = status == CaseStatus.Closed
                ? updated with { Status = status, ClosedAt = stamp.At, ClosedBy = stamp.User }
                : updated with { Status = status, ClosedAt = null, ClosedBy = null };
            changed = true;
        }

        return changed ? updated with { UpdatedAt = stamp.At, UpdatedBy = stamp.User } : null;
    }
}
