using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;

namespace CaseServer.Cases;

/// <summary>
/// Where cases and their comments live: the whole life of a case as Kibana 7.11 serves it. Every write is
/// one transaction, durable before its task completes, and gets new versions from the database's one
/// increasing sequence (<see cref="CaseVersion"/>). Expected refusals (unknown ids, stale versions, nothing
/// to change) are <see cref="StoreResult{T}"/> outcomes carrying Kibana's message; exceptions mean the store
/// could not do its work (answered 500, nothing acknowledged).
/// </summary>
public interface ICaseStore
{
    /// <summary>
    /// Stores a new case: gives it the next version of the database and commits durably. Nothing is stored
    /// if it fails.
    /// </summary>
    /// <param name="draft">The case to store; its <see cref="Case.Version"/> is replaced.</param>
    /// <param name="cancellationToken">Cancels waiting for the write; a commit that began completes.</param>
    /// <returns>The case as stored.</returns>
    Task<Case> CreateAsync(Case draft, CancellationToken cancellationToken);

    /// <summary>The case with <paramref name="id"/> and its comment count, without its comments; null when there is none.</summary>
    Task<Case?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The case with <paramref name="id"/>, with all its comments (oldest first) when <paramref name="includeComments"/>.</summary>
    Task<StoreResult<Case>> GetAsync(string id, bool includeComments, CancellationToken cancellationToken);

    /// <summary>One page of the cases <paramref name="query"/> selects, with the totals.</summary>
    Task<CasePage> FindCasesAsync(CaseQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Kibana's bulk update: unknown ids first (<see cref="StoreOutcome.NotFound"/>), then any stale version
    /// (<see cref="StoreOutcome.Conflict"/>, nothing written), then nothing to change
    /// (<see cref="StoreOutcome.Identical"/>); otherwise only the cases that change are written, in one
    /// transaction, and returned (each with <c>comments: []</c> and <c>totalComment: 0</c>).
    /// </summary>
    Task<StoreResult<IReadOnlyList<Case>>> UpdateAsync(IReadOnlyList<CasePatch> patches, WriteStamp stamp, CancellationToken cancellationToken);

    /// <summary>Deletes the cases and their comments, all or none: an unknown id is <see cref="StoreOutcome.NotFound"/>.</summary>
    Task<StoreResult<int>> DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a <c>user</c> comment to the case, which gets a new version, <c>updated_at</c> and <c>updated_by</c>
    /// in the same transaction; returns the whole case with every comment.
    /// </summary>
    Task<StoreResult<Case>> AddCommentAsync(string caseId, string comment, WriteStamp stamp, CancellationToken cancellationToken);

    /// <summary>Every comment of the case, oldest first.</summary>
    Task<StoreResult<IReadOnlyList<CaseComment>>> GetCommentsAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>One comment of the case.</summary>
    Task<StoreResult<CaseComment>> GetCommentAsync(string caseId, string commentId, CancellationToken cancellationToken);

    /// <summary>
    /// Edits a comment: not found, then a type change (<see cref="StoreOutcome.Refused"/>), then a stale version
    /// (<see cref="StoreOutcome.Conflict"/>); the case gets a new version too. Returns the whole case.
    /// </summary>
    Task<StoreResult<Case>> UpdateCommentAsync(string caseId, CommentPatch patch, WriteStamp stamp, CancellationToken cancellationToken);

    /// <summary>Deletes one comment of the case.</summary>
    Task<StoreResult<int>> DeleteCommentAsync(string caseId, string commentId, CancellationToken cancellationToken);

    /// <summary>Deletes every comment of the case; the value is how many there were.</summary>
    Task<StoreResult<int>> DeleteCommentsAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Every tag in use, once each, in ordinal order.</summary>
    Task<IReadOnlyList<string>> GetTagsAsync(CancellationToken cancellationToken);

    /// <summary>The users who created cases, one per username (cases created without security have none and are not counted), by username.</summary>
    Task<IReadOnlyList<User>> GetReportersAsync(CancellationToken cancellationToken);

    /// <summary>How many cases have each status.</summary>
    Task<StatusCounts> GetStatusCountsAsync(CancellationToken cancellationToken);
}
