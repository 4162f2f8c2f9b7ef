using System.Collections.Generic;
using CaseServer.Contract;

namespace CaseServer.Cases;

/// <summary>
/// One case of <c>PATCH /api/cases</c>: its id, the version the client read, and the fields to change
/// (null: unchanged). The version is compared as an opaque string with the current one.
/// </summary>
public sealed record CasePatch
{
    /// <summary>The case's id.</summary>
    public required string Id { get; init; }

    /// <summary>The version the client last read.</summary>
    public required string Version { get; init; }

    /// <summary>The new title, or null.</summary>
    public string? Title { get; init; }

    /// <summary>The new description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>The new tags, or null (compared with the current ones as a set).</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The new connector, or null.</summary>
    public Connector? Connector { get; init; }

    /// <summary>The new settings, or null.</summary>
    public Settings? Settings { get; init; }

    /// <summary>The new status, or null; <c>closed</c> sets <c>closed_at</c>/<c>closed_by</c>, any other clears them.</summary>
    public CaseStatus? Status { get; init; }
}

/// <summary>
/// <c>PATCH /api/cases/{case_id}/comments</c>: the comment's id, the version the client read, its type
/// (which must not change) and the new text.
/// </summary>
public sealed record CommentPatch(string Id, string Version, string Type, string Comment);

/// <summary>Who writes, and when: the <c>updated_*</c>/<c>closed_*</c>/<c>created_*</c> values of one write.</summary>
/// <param name="User">The signed-in user (all fields null without security).</param>
/// <param name="At">The time of the write, ISO-8601 UTC with milliseconds.</param>
public sealed record WriteStamp(User User, string At);
