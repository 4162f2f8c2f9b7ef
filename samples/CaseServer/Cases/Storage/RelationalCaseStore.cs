using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.Extensions.Logging;

namespace CaseServer.Cases.Storage;

/// <summary>
/// The case store on a SQL database, whatever the database: the rules, the transactions and the queries
/// both stores share. A case is one row (<c>cases</c>: its JSON document, its id, its version number; the
/// filtered and sorted fields are columns the database derives from the document, so they cannot disagree
/// with it), a comment one row of <c>comments</c>. Versions come from one sequence per database. A subclass
/// says how to connect, lock, and spell what differs (full-text search, lists, JSON).
/// </summary>
public abstract class RelationalCaseStore : ICaseStore
{
    private readonly ILogger _logger;

    /// <summary>A store logging to <paramref name="logger"/>.</summary>
    protected RelationalCaseStore(ILogger logger) => _logger = logger;

    /// <summary>The logger of the store.</summary>
    protected ILogger Logger => _logger;

    // ---- What a database spells its own way -------------------------------------------------------------

    /// <summary>The schema, step by step (see <see cref="Migration"/>).</summary>
    protected abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>An open connection (pooled).</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Starts a write transaction on <paramref name="connection"/>.</summary>
    protected abstract Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection);

    /// <summary>Starts a read transaction that sees one snapshot (several queries, one answer).</summary>
    protected abstract Task<DbTransaction> BeginReadTransactionAsync(DbConnection connection);

    /// <summary>Throws when the storage a write would go to is not the storage opened (checked before and after each commit).</summary>
    protected virtual void EnsureStorageIsTheOneOpened()
    {
    }

    /// <summary>
    /// Runs last in every write transaction, just before it commits: once per transaction however many writes it
    /// holds, so a database can bring derived indexes up to date in one pass (nothing by default).
    /// </summary>
    protected virtual Task BeforeCommitAsync(DbTransaction transaction) => Task.CompletedTask;

    /// <summary>Runs before a statement that uses <see cref="NewVersion"/> (a database without sequences advances its counter).</summary>
    protected virtual Task AdvanceVersionAsync(DbTransaction transaction) => Task.CompletedTask;

    /// <summary>The SQL expression of a new version number.</summary>
    protected abstract string NewVersion { get; }

    /// <summary>The SQL expression reading the JSON text of the document of the row aliased <paramref name="alias"/>.</summary>
    protected abstract string DocumentText(string alias);

    /// <summary>The SQL expression storing the JSON text in parameter <paramref name="parameter"/> as a document.</summary>
    protected abstract string DocumentValue(string parameter);

    /// <summary>The value of a list parameter (<see cref="InList"/>).</summary>
    protected abstract object ListValue(IReadOnlyList<string> values);

    /// <summary>The SQL condition: <paramref name="expression"/> is one of the list parameter <paramref name="parameter"/>.</summary>
    protected abstract string InList(string expression, string parameter);

    /// <summary>The SQL condition: case <c>c</c> has one of the tags in list parameter <paramref name="parameter"/>.</summary>
    protected abstract string HasAnyTag(string parameter);

    /// <summary>The SQL condition of a full-text search of case <c>c</c> (parameters added to <paramref name="parameters"/>).</summary>
    protected abstract string Matches(IReadOnlyList<string> words, IReadOnlyList<CaseSearchField> fields, SearchOperator searchOperator, List<(string Name, object? Value)> parameters);

    /// <summary>The SQL expression ordering <paramref name="column"/> by code point.</summary>
    protected abstract string Ordinal(string column);

    /// <summary>What ends a query of cases <c>c</c> so that it locks them in id order (deletes on several hosts cannot deadlock); empty where one writer runs at a time.</summary>
    protected virtual string LockInIdOrder => string.Empty;

    /// <summary>The SQL statement setting case <c>@id</c>'s <c>updated_at</c> (<c>@at</c>) and <c>updated_by</c> (<c>@by</c>, JSON) and a new version, returning it.</summary>
    protected abstract string TouchCaseSql { get; }

    /// <summary>The SQL query of every tag in use, once each (one column).</summary>
    protected abstract string TagsSql { get; }

    /// <summary>The SQL query of one <c>created_by</c> JSON text per username (one column).</summary>
    protected abstract string ReportersSql { get; }

    // ---- Start-up ------------------------------------------------------------------------------------

    /// <summary>Creates or migrates the schema (<see cref="Migrations"/>), recording each step in <c>schema_migrations</c>.</summary>
    public virtual async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteTransactionAsync(connection).ConfigureAwait(false);
        await LockMigrationsAsync(transaction).ConfigureAwait(false);
        await ExecuteAsync(transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);").ConfigureAwait(false);

        var applied = new HashSet<long>();
        await using (var read = Statement(transaction, "SELECT version FROM schema_migrations;"))
        await using (var reader = await read.Command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                applied.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
        }

        var known = Migrations.Max(m => m.Version);
        if (applied.Count > 0 && applied.Max() > known)
        {
            throw new InvalidOperationException($"The case database has schema version {applied.Max()}, newer than this server's {known}: run a newer CaseServer.");
        }

        foreach (var migration in Migrations.OrderBy(m => m.Version).Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(transaction, migration.Sql).ConfigureAwait(false);
            await ExecuteAsync(transaction, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@version, @description, @at);",
                ("@version", migration.Version), ("@description", migration.Description), ("@at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture))).ConfigureAwait(false);
            _logger.LogInformation("Case database migrated to schema version {Version}: {Description}", migration.Version, migration.Description);
        }

        await BeforeCommitAsync(transaction).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Keeps other processes from migrating at the same time (inside the migration's transaction).</summary>
    protected virtual Task LockMigrationsAsync(DbTransaction transaction) => Task.CompletedTask;

    // ---- Cases ---------------------------------------------------------------------------------------

    /// <inheritdoc/>
    public Task<Case> CreateAsync(Case draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var stored = draft with { Comments = [], TotalComment = 0 };
        // Serialised before the turn to write: the writer (one at a time) only runs statements.
        var document = CaseDocument.ToJson(stored);
        return WriteAsync(async transaction =>
        {
            await AdvanceVersionAsync(transaction).ConfigureAwait(false);
            var version = await ScalarAsync<long>(transaction, $"INSERT INTO cases (id, version, document) VALUES (@id, {NewVersion}, {DocumentValue("@document")}) RETURNING version;",
                ("@id", stored.Id), ("@document", document)).ConfigureAwait(false);
            return (stored with { Version = CaseVersion.Of(version) }, true);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Case?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var found = await GetAsync(id, includeComments: false, cancellationToken).ConfigureAwait(false);
        return found.Value;
    }

    /// <inheritdoc/>
    public Task<StoreResult<Case>> GetAsync(string id, bool includeComments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(transaction => ReadCaseAsync(transaction, id, includeComments), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CasePage> FindCasesAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(query.PerPage);

        var parameters = new List<(string Name, object? Value)>();
        var filters = new List<string>();
        if (query.Tags.Count > 0)
        {
            filters.Add(HasAnyTag("@tags"));
            parameters.Add(("@tags", ListValue(query.Tags)));
        }

        if (query.Reporters.Count > 0)
        {
            filters.Add(InList("c.reporter", "@reporters"));
            parameters.Add(("@reporters", ListValue(query.Reporters)));
        }

        // Kibana counts the statuses with the tag and reporter filters only.
        var countFilters = filters.ToList();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var words = SearchWords(query.Search);
            var fields = query.SearchFields.Count == 0 ? [CaseSearchField.Title, CaseSearchField.Description] : query.SearchFields.Distinct().ToList();
            filters.Add(words.Count == 0 ? "1 = 0" : Matches(words, fields, query.DefaultSearchOperator, parameters));
        }

        if (query.Status is { } status)
        {
            filters.Add("c.status = @status");
            parameters.Add(("@status", status.ToJsonString()));
        }

        var where = Where(filters);
        var direction = query.SortOrder == SortOrder.Ascending ? "ASC" : "DESC";
        var order = query.SortField switch
        {
            CaseSortField.CreatedAt => $"c.created_at {direction}",
            CaseSortField.UpdatedAt => $"(c.updated_at IS NULL), c.updated_at {direction}",
            CaseSortField.ClosedAt => $"(c.closed_at IS NULL), c.closed_at {direction}",
            CaseSortField.Title => $"{Ordinal("c.title")} {direction}",
            _ => $"{Ordinal("c.status")} {direction}",
        };
        var pageParameters = parameters.Append(("@limit", (object?)(long)query.PerPage)).Append(("@offset", (object?)((long)(query.Page - 1) * query.PerPage))).ToArray();

        return ReadAsync(async transaction =>
        {
            var total = await ScalarAsync<long>(transaction, $"SELECT COUNT(*) FROM cases c{where};", [.. parameters]).ConfigureAwait(false);
            var cases = await ReadCasesAsync(transaction, $"SELECT {CaseColumns} FROM cases c{where} ORDER BY {order}, c.seq {direction} LIMIT @limit OFFSET @offset;", pageParameters).ConfigureAwait(false);
            var counts = await CountStatusesAsync(transaction, Where(countFilters), parameters.Where(p => p.Name is "@tags" or "@reporters").ToArray()).ConfigureAwait(false);
            return new CasePage(cases.Select(c => c.Case).ToList(), query.Page, query.PerPage, total, counts);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<StoreResult<IReadOnlyList<Case>>> UpdateAsync(IReadOnlyList<CasePatch> patches, WriteStamp stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patches);
        ArgumentNullException.ThrowIfNull(stamp);
        return WriteAsync(async transaction =>
        {
            var ids = patches.Select(p => p.Id).Distinct(StringComparer.Ordinal).ToList();
            var current = (await ReadCasesAsync(transaction, $"SELECT {CaseColumns} FROM cases c WHERE {InList("c.id", "@ids")};", ("@ids", ListValue(ids))).ConfigureAwait(false))
                .ToDictionary(c => c.Case.Id, c => (c.Case, c.Version), StringComparer.Ordinal);
            var decision = CaseUpdateRules.Decide(patches, current, stamp);
            if (!decision.IsDone)
            {
                return (decision.As<IReadOnlyList<Case>>(), false);
            }

            var written = await WriteCasesAsync(transaction, decision.Value!).ConfigureAwait(false);
            var lost = decision.Value!.Where((_, i) => written[i] is null).Select(w => w.Updated.Id).Distinct(StringComparer.Ordinal).ToList();
            if (lost.Count > 0)
            {
                // Written by someone else since the read above: the version the client sent is stale now.
                return (StoreResult<IReadOnlyList<Case>>.Failed(StoreOutcome.Conflict, CaseStoreMessages.CasesConflict(lost), lost), false);
            }

            IReadOnlyList<Case> updated = decision.Value!.Select((w, i) => w.Updated with { Version = CaseVersion.Of(written[i]!.Value), Comments = [], TotalComment = 0 }).ToList();
            return (StoreResult<IReadOnlyList<Case>>.Done(updated), true);
        }, cancellationToken);
    }

    /// <summary>
    /// Writes each case only if it still has the version it was read with, returning each new version
    /// (null: the case changed meanwhile, nothing written for it). The default runs one statement per case.
    /// </summary>
    protected virtual async Task<long?[]> WriteCasesAsync(DbTransaction transaction, IReadOnlyList<CaseUpdateRules.CaseWrite> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var versions = new long?[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            await AdvanceVersionAsync(transaction).ConfigureAwait(false);
            versions[i] = await ScalarAsync<long?>(transaction, ConditionalCaseUpdateSql, ConditionalCaseUpdateParameters(writes[i])).ConfigureAwait(false);
        }

        return versions;
    }

    /// <summary>The conditional update of one case (<see cref="ConditionalCaseUpdateParameters"/>): one statement, no read before it.</summary>
    protected string ConditionalCaseUpdateSql
        => $"UPDATE cases SET version = {NewVersion}, document = {DocumentValue("@document")} WHERE id = @id AND version = @expected RETURNING version;";

    /// <summary>The parameters of <see cref="ConditionalCaseUpdateSql"/> for <paramref name="write"/>.</summary>
    protected static (string Name, object? Value)[] ConditionalCaseUpdateParameters(CaseUpdateRules.CaseWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return [("@id", write.Updated.Id), ("@expected", write.ExpectedVersion), ("@document", CaseDocument.ToJson(write.Updated with { Comments = [], TotalComment = 0 }))];
    }

    /// <inheritdoc/>
    public Task<StoreResult<int>> DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return WriteAsync(async transaction =>
        {
            var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
            var existing = new HashSet<string>(await ReadStringsAsync(transaction, $"SELECT c.id FROM cases c WHERE {InList("c.id", "@ids")}{LockInIdOrder};", ("@ids", ListValue(distinct))).ConfigureAwait(false), StringComparer.Ordinal);
            if (distinct.FirstOrDefault(id => !existing.Contains(id)) is { } unknown)
            {
                return (StoreResult<int>.Failed(StoreOutcome.NotFound, CaseStoreMessages.CaseNotFound(unknown), unknown), false);
            }

            await ExecuteAsync(transaction, $"DELETE FROM comments WHERE {InList("case_id", "@ids")};", ("@ids", ListValue(distinct))).ConfigureAwait(false);
            var deleted = await ExecuteAsync(transaction, $"DELETE FROM cases WHERE {InList("id", "@ids")};", ("@ids", ListValue(distinct))).ConfigureAwait(false);
            return deleted == distinct.Count
                ? (StoreResult<int>.Done(deleted), true)
                : (StoreResult<int>.Failed(StoreOutcome.NotFound, CaseStoreMessages.CaseNotFound(distinct[0]), distinct), false); // deleted meanwhile by another host
        }, cancellationToken);
    }

    // ---- Comments ------------------------------------------------------------------------------------

    /// <inheritdoc/>
    public Task<StoreResult<Case>> AddCommentAsync(string caseId, string comment, WriteStamp stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(stamp);
        return WriteAsync(async transaction =>
        {
            if (!await TouchCaseAsync(transaction, caseId, stamp).ConfigureAwait(false))
            {
                return (StoreResult<Case>.Failed(StoreOutcome.NotFound, CaseStoreMessages.CaseNotFound(caseId), caseId), false);
            }

            var added = new CaseComment
            {
                Id = Guid.CreateVersion7().ToString("D"), // time-ordered, as case ids (CreateCaseAsync)
                Version = CaseVersion.Of(0), // replaced on read by the row's version
                Comment = comment,
                Type = CaseComment.UserType,
                CreatedAt = stamp.At,
                CreatedBy = stamp.User,
            };
            await AdvanceVersionAsync(transaction).ConfigureAwait(false);
            await ExecuteAsync(transaction, $"INSERT INTO comments (id, case_id, version, document) VALUES (@id, @case, {NewVersion}, {DocumentValue("@document")});",
                ("@id", added.Id), ("@case", caseId), ("@document", added.ToJson())).ConfigureAwait(false);
            return (await ReadCaseAsync(transaction, caseId, includeComments: true).ConfigureAwait(false), true);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<StoreResult<IReadOnlyList<CaseComment>>> GetCommentsAsync(string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return ReadAsync(async transaction =>
        {
            if (!await CaseExistsAsync(transaction, caseId).ConfigureAwait(false))
            {
                return StoreResult<IReadOnlyList<CaseComment>>.Failed(StoreOutcome.NotFound, CaseStoreMessages.CaseNotFound(caseId), caseId);
            }

            return StoreResult<IReadOnlyList<CaseComment>>.Done(await ReadCommentsAsync(transaction, caseId).ConfigureAwait(false));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<StoreResult<CaseComment>> GetCommentAsync(string caseId, string commentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(commentId);
        return ReadAsync(async transaction =>
        {
            var found = await ReadCommentAsync(transaction, caseId, commentId).ConfigureAwait(false);
            return found.IsDone ? StoreResult<CaseComment>.Done(found.Value.Comment) : found.As<CaseComment>();
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<StoreResult<Case>> UpdateCommentAsync(string caseId, CommentPatch patch, WriteStamp stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(stamp);
        return WriteAsync(async transaction =>
        {
            // Kibana's order: the comment, its case, its type, then its version.
            var found = await ReadCommentAsync(transaction, caseId, patch.Id).ConfigureAwait(false);
            if (!found.IsDone)
            {
                return (found.As<Case>(), false);
            }

            var (comment, version) = found.Value;
            if (!string.Equals(comment.Type, patch.Type, StringComparison.Ordinal))
            {
                return (StoreResult<Case>.Failed(StoreOutcome.Refused, CaseStoreMessages.CommentTypeChanged, patch.Id), false);
            }

            if (!string.Equals(CaseVersion.Of(version), patch.Version, StringComparison.Ordinal))
            {
                return (StoreResult<Case>.Failed(StoreOutcome.Conflict, CaseStoreMessages.CommentConflict, patch.Id), false);
            }

            var edited = comment with { Comment = patch.Comment, UpdatedAt = stamp.At, UpdatedBy = stamp.User };
            await AdvanceVersionAsync(transaction).ConfigureAwait(false);
            var written = await ScalarAsync<long?>(transaction, $"UPDATE comments SET version = {NewVersion}, document = {DocumentValue("@document")} WHERE id = @id AND version = @expected RETURNING version;",
                ("@id", patch.Id), ("@expected", version), ("@document", edited.ToJson())).ConfigureAwait(false);
            if (written is null || !await TouchCaseAsync(transaction, caseId, stamp).ConfigureAwait(false))
            {
                // Edited (or its case deleted) by another host since the read above.
                return (StoreResult<Case>.Failed(StoreOutcome.Conflict, CaseStoreMessages.CommentConflict, patch.Id), false);
            }

            return (await ReadCaseAsync(transaction, caseId, includeComments: true).ConfigureAwait(false), true);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<StoreResult<int>> DeleteCommentAsync(string caseId, string commentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(commentId);
        return WriteAsync(async transaction =>
        {
            var found = await ReadCommentAsync(transaction, caseId, commentId).ConfigureAwait(false);
            if (!found.IsDone)
            {
                return (found.As<int>(), false);
            }

            var deleted = await ExecuteAsync(transaction, "DELETE FROM comments WHERE id = @id AND case_id = @case;", ("@id", commentId), ("@case", caseId)).ConfigureAwait(false);
            return deleted == 1
                ? (StoreResult<int>.Done(1), true)
                : (StoreResult<int>.Failed(StoreOutcome.NotFound, CaseStoreMessages.CommentNotFound(commentId), commentId), false);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<StoreResult<int>> DeleteCommentsAsync(string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return WriteAsync(async transaction =>
        {
            if (!await CaseExistsAsync(transaction, caseId).ConfigureAwait(false))
            {
                return (StoreResult<int>.Failed(StoreOutcome.NotFound, CaseStoreMessages.CaseNotFound(caseId), caseId), false);
            }

            var deleted = await ExecuteAsync(transaction, "DELETE FROM comments WHERE case_id = @case;", ("@case", caseId)).ConfigureAwait(false);
            return (StoreResult<int>.Done(deleted), true);
        }, cancellationToken);
    }

    // ---- Tags, reporters, statuses -------------------------------------------------------------------

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> GetTagsAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<string>>(async transaction =>
            (await ReadStringsAsync(transaction, TagsSql).ConfigureAwait(false)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<User>> GetReportersAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<User>>(async transaction =>
            (await ReadStringsAsync(transaction, ReportersSql).ConfigureAwait(false)).Select(User.Parse).OrderBy(u => u.Username, StringComparer.Ordinal).ToList(), cancellationToken);

    /// <inheritdoc/>
    public Task<StatusCounts> GetStatusCountsAsync(CancellationToken cancellationToken)
        => ReadAsync(transaction => CountStatusesAsync(transaction, string.Empty, []), cancellationToken);

    // ---- Transactions ------------------------------------------------------------------------------

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction; commits when it says so and only then answers.
    /// Once started, the work and its commit are not cancelled (a commit that began completes).
    /// </summary>
    protected virtual async Task<T> WriteAsync<T>(Func<DbTransaction, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureStorageIsTheOneOpened();
        await using var connection = await OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await BeginWriteTransactionAsync(connection).ConfigureAwait(false);
        var (result, commit) = await work(transaction).ConfigureAwait(false);
        if (commit)
        {
            await BeforeCommitAsync(transaction).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            // Durable now, but in the file we opened: if that is no longer the database's file, nobody will read it.
            EnsureStorageIsTheOneOpened();
        }
        else
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Runs <paramref name="work"/> on one snapshot of the database.</summary>
    protected async Task<T> ReadAsync<T>(Func<DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginReadTransactionAsync(connection).ConfigureAwait(false);
        var result = await work(transaction).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    // ---- Rows ------------------------------------------------------------------------------------------

    private string CaseColumns => $"c.id, c.version, {DocumentText("c")}, (SELECT COUNT(*) FROM comments m WHERE m.case_id = c.id)";

    private string CommentColumns => $"m.id, m.case_id, m.version, {DocumentText("m")}";

    private async Task<StoreResult<Case>> ReadCaseAsync(DbTransaction transaction, string id, bool includeComments)
    {
        var found = await ReadCasesAsync(transaction, $"SELECT {CaseColumns} FROM cases c WHERE c.id = @id;", ("@id", id)).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return StoreResult<Case>.Failed(StoreOutcome.NotFound, CaseStoreMessages.CaseNotFound(id), id);
        }

        var stored = found[0].Case;
        if (includeComments)
        {
            var comments = await ReadCommentsAsync(transaction, id).ConfigureAwait(false);
            stored = stored with { Comments = comments.Select(c => c.ToJsonElement()).ToList() };
        }

        return StoreResult<Case>.Done(stored);
    }

    private async Task<List<(Case Case, long Version)>> ReadCasesAsync(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var cases = new List<(Case, long)>();
        await using var statement = Statement(transaction, sql, parameters);
        await using var reader = await statement.Command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var version = reader.GetInt64(1);
            var stored = Case.Parse(reader.GetString(2)) with { Version = CaseVersion.Of(version), Comments = [], TotalComment = reader.GetInt64(3) };
            cases.Add((stored, version));
        }

        statement.Completed();

        return cases;
    }

    private async Task<IReadOnlyList<CaseComment>> ReadCommentsAsync(DbTransaction transaction, string caseId)
        => (await ReadCommentRowsAsync(transaction, $"SELECT {CommentColumns} FROM comments m WHERE m.case_id = @case ORDER BY m.seq;", ("@case", caseId)).ConfigureAwait(false))
            .Select(r => r.Comment).ToList();

    /// <summary>Comment <paramref name="commentId"/> of case <paramref name="caseId"/>, with Kibana's 404s.</summary>
    private async Task<StoreResult<(CaseComment Comment, long Version)>> ReadCommentAsync(DbTransaction transaction, string caseId, string commentId)
    {
        var rows = await ReadCommentRowsAsync(transaction, $"SELECT {CommentColumns} FROM comments m WHERE m.id = @id;", ("@id", commentId)).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return StoreResult<(CaseComment, long)>.Failed(StoreOutcome.NotFound, CaseStoreMessages.CommentNotFound(commentId), commentId);
        }

        var (comment, ofCase, version) = rows[0];
        return string.Equals(ofCase, caseId, StringComparison.Ordinal)
            ? StoreResult<(CaseComment, long)>.Done((comment, version))
            : StoreResult<(CaseComment, long)>.Failed(StoreOutcome.NotFound, CaseStoreMessages.CommentNotInCase(commentId, caseId), commentId);
    }

    private static async Task<List<(CaseComment Comment, string CaseId, long Version)>> ReadCommentRowsAsync(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<(CaseComment, string, long)>();
        await using var statement = Statement(transaction, sql, parameters);
        await using var reader = await statement.Command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var version = reader.GetInt64(2);
            rows.Add((CaseComment.Parse(reader.GetString(3)) with { Version = CaseVersion.Of(version) }, reader.GetString(1), version));
        }

        statement.Completed();

        return rows;
    }

    private async Task<bool> CaseExistsAsync(DbTransaction transaction, string caseId)
        => await ScalarAsync<long>(transaction, "SELECT COUNT(*) FROM cases WHERE id = @id;", ("@id", caseId)).ConfigureAwait(false) > 0;

    /// <summary>Gives the case a new version, <c>updated_at</c> and <c>updated_by</c>, in one statement; false when there is no such case.</summary>
    private async Task<bool> TouchCaseAsync(DbTransaction transaction, string caseId, WriteStamp stamp)
    {
        await AdvanceVersionAsync(transaction).ConfigureAwait(false);
        return await ScalarAsync<long?>(transaction, TouchCaseSql, ("@id", caseId), ("@at", stamp.At), ("@by", stamp.User.ToJson())).ConfigureAwait(false) is not null;
    }

    private static async Task<StatusCounts> CountStatusesAsync(DbTransaction transaction, string where, (string Name, object? Value)[] parameters)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var statement = Statement(transaction, $"SELECT c.status, COUNT(*) FROM cases c{where} GROUP BY c.status;", parameters);
        await using var reader = await statement.Command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        statement.Completed();

        return new StatusCounts(counts.GetValueOrDefault("open"), counts.GetValueOrDefault("in-progress"), counts.GetValueOrDefault("closed"));
    }

    /// <summary>The words of a search: split on white space, each with at least one letter or digit.</summary>
    private static List<string> SearchWords(string search)
        => search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetterOrDigit)).Distinct(StringComparer.Ordinal).ToList();

    private static string Where(IReadOnlyList<string> filters) => filters.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", filters.Select(f => "(" + f + ")"));

    // ---- Commands ------------------------------------------------------------------------------------

    /// <summary>A command in <paramref name="transaction"/> with named parameters (<c>@name</c>), compiled once where the connection keeps its statements (<see cref="PreparedStatements"/>).</summary>
    private static StatementLease Statement(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
        => PreparedStatements.Lease(transaction, sql, parameters);

    /// <summary>Runs a statement; the number of rows it changed.</summary>
    protected static async Task<int> ExecuteAsync(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var statement = Statement(transaction, sql, parameters);
        var changed = await statement.Command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        statement.Completed();
        return changed;
    }

    /// <summary>The first column of the first row (default when there is no row).</summary>
    protected static async Task<T?> ScalarAsync<T>(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var statement = Statement(transaction, sql, parameters);
        var value = await statement.Command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
        statement.Completed();
        if (value is null or DBNull)
        {
            return default;
        }

        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ReadStringsAsync(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var values = new List<string>();
        await using var statement = Statement(transaction, sql, parameters);
        await using var reader = await statement.Command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            values.Add(reader.GetString(0));
        }

        statement.Completed();

        return values;
    }
}
