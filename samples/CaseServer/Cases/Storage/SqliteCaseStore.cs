using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CaseServer.Cases.Storage;

/// <summary>
/// Cases in one SQLite file. Durable before acknowledged: WAL journal with <c>synchronous=FULL</c>, so a
/// commit has reached the disk when a write completes, and a crash loses nothing that was acknowledged.
/// One writer in this process (SQLite serialises writers anyway; waiting here is cheaper than its busy retries):
/// the <see cref="GroupCommit"/> loop, which commits the writes waiting at the same moment in one <c>BEGIN
/// IMMEDIATE</c> transaction, or each write in its own when grouping is off. Search is an FTS5 index over title and
/// description, kept with the tag index in the write's own transaction, once per transaction
/// (<see cref="IndexChangedCasesSql"/>). The file opened at start-up must still be the file at its path when a write commits (<see cref="FileIdentity"/>): a deleted or replaced database
/// fails the write instead of acknowledging a case nobody will find again.
/// </summary>
public sealed class SqliteCaseStore : RelationalCaseStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _createConnectionString;
    private readonly bool _groupCommit;
    private GroupCommit? _groups;
    private FileIdentity? _opened;
    private int _lostReported;

    /// <summary>A store on the database <paramref name="connectionString"/> names (see <see cref="InitializeAsync"/>).</summary>
    /// <param name="connectionString">The SQLite connection string.</param>
    /// <param name="logger">Where the store logs.</param>
    /// <param name="groupCommit">Whether writes waiting at the same moment share one transaction and one fsync (<see cref="GroupCommit"/>); otherwise one commit per write.</param>
    public SqliteCaseStore(string connectionString, ILogger<SqliteCaseStore> logger, bool groupCommit = true)
        : base(logger)
    {
        _groupCommit = groupCommit;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        DatabasePath = Path.GetFullPath(builder.DataSource);
        // Only start-up creates the database: a connection opened later must not make a new, empty file where
        // a deleted one was (a restart would then not see that the database is new, and would not warn).
        var pooling = builder.Pooling;
        builder.Pooling = false;
        _createConnectionString = builder.ConnectionString;
        builder.Pooling = pooling;
        builder.Mode = SqliteOpenMode.ReadWrite;
        _connectionString = builder.ConnectionString;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// Creates the database file (saying so at Warning level: an existing server finding no database may
    /// have lost it), its folder and its schema when they do not exist, turns on WAL, and notes the file's
    /// identity.
    /// </summary>
    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(DatabasePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        if (!File.Exists(DatabasePath) || new FileInfo(DatabasePath).Length == 0)
        {
            Logger.LogWarning("No case database at {Path}: creating a new, empty one. If cases were stored before, the file was moved or deleted.", DatabasePath);
        }

        // Pooled connections are per connection string and process: ones opened on a file that was at this path
        // before (deleted since, still open) must not serve this store, which starts on the file there now.
        await using (var pooled = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        await using (var connection = new SqliteConnection(_createConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _opened = FileIdentity.Of(DatabasePath);
        await base.InitializeAsync(cancellationToken).ConfigureAwait(false);
        // Grouping off is the same writer with groups of one: the side-by-side measurement then differs in grouping only.
        _groups ??= new GroupCommit(OpenWriterConnectionAsync, BeginWriteTransactionAsync, BeforeCommitAsync, EnsureStorageIsTheOneOpened,
            _groupCommit ? GroupCommit.MaxGroupSize : 1);
    }

    /// <summary>How many write transactions the writer has committed.</summary>
    internal long GroupsCommitted => _groups?.GroupsCommitted ?? 0;

    /// <summary>Lets queued writes finish.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_groups is not null)
        {
            await _groups.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    protected override Task<T> WriteAsync<T>(Func<DbTransaction, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken)
        => (_groups ?? throw new InvalidOperationException("The store was not initialised: call InitializeAsync first.")).WriteAsync(work, cancellationToken);

    /// <summary>The journal mode and synchronous level a store connection runs with (for checks and diagnostics).</summary>
    internal async Task<(string JournalMode, long Synchronous)> ReadDurabilityAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; PRAGMA synchronous;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var journalMode = reader.GetString(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (journalMode, reader.GetInt64(0));
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    /// <inheritdoc/>
    protected override Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
        => OpenAsync("PRAGMA temp_store=DEFAULT;", cancellationToken);

    /// <summary>
    /// The writer's connection: as any other, but with its temporary files in memory. Each write of a group runs in
    /// its own savepoint, which keeps the former content of every page the write changes in a sub-journal; in a
    /// file (the default), that is a temporary file written page by page, more writes than the WAL itself gets.
    /// In memory it stays bounded by the group (at most <see cref="GroupCommit.MaxGroupSize"/> writes); readers
    /// keep the default, so a large sort spills to disk instead of memory.
    /// </summary>
    private Task<DbConnection> OpenWriterConnectionAsync() => OpenAsync("PRAGMA temp_store=MEMORY;", CancellationToken.None);

    private async Task<DbConnection> OpenAsync(string tempStore, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per connection, every time: a pooled connection keeps what its last user set (setting it again is free).
            // Sync the WAL on every commit; the temporary store as this connection's user needs it.
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; " + tempStore;
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // IMMEDIATE: the write lock is taken at BEGIN, so what the transaction reads is still true at its commit.
    /// <inheritdoc/>
    protected override Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection)
        => Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <inheritdoc/>
    protected override Task<DbTransaction> BeginReadTransactionAsync(DbConnection connection)
        => Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    /// <inheritdoc/>
    protected override void EnsureStorageIsTheOneOpened()
    {
        if (_opened is not { } opened)
        {
            throw new InvalidOperationException("The store was not initialised: call InitializeAsync first.");
        }

        if (FileIdentity.Of(DatabasePath) == opened)
        {
            return;
        }

        var lost = new StorageIdentityException(DatabasePath);
        if (Interlocked.Exchange(ref _lostReported, 1) == 0)
        {
            Logger.LogCritical(lost, "The case database file {Path} was deleted or replaced while the server ran. Writes fail from now on; restart the server (it will say whether it creates a new database).", DatabasePath);
        }

        throw lost;
    }

    /// <summary>
    /// Re-indexes, for search and for the tag filter, the cases the transaction inserted, changed or deleted (the
    /// triggers of migration 4 note them in <c>cases_to_index</c>): once per transaction, outside the writes'
    /// savepoints, where FTS5 would flush a segment per write.
    /// </summary>
    /// <remarks>CROSS JOIN keeps the few changed cases the outer loop: the planner would otherwise scan every case.</remarks>
    internal const string IndexChangedCasesSql = """
        DELETE FROM cases_fts WHERE rowid IN (SELECT seq FROM cases_to_index);
        INSERT INTO cases_fts (rowid, title, description)
            SELECT c.seq, c.title, c.description FROM cases_to_index p CROSS JOIN cases c ON c.seq = p.seq;
        DELETE FROM case_tags WHERE case_seq IN (SELECT seq FROM cases_to_index);
        INSERT INTO case_tags (tag, case_seq)
            SELECT DISTINCT t.value, c.seq FROM cases_to_index p CROSS JOIN cases c ON c.seq = p.seq CROSS JOIN json_each(c.document, '$.tags') t;
        DELETE FROM cases_to_index;
        """;

    /// <inheritdoc/>
    protected override Task BeforeCommitAsync(DbTransaction transaction) => ExecuteAsync(transaction, IndexChangedCasesSql);

    /// <inheritdoc/>
    protected override Task AdvanceVersionAsync(DbTransaction transaction)
        => ExecuteAsync(transaction, "UPDATE case_version SET value = value + 1;");

    /// <inheritdoc/>
    protected override string NewVersion => "(SELECT value FROM case_version)";

    /// <inheritdoc/>
    protected override string DocumentText(string alias) => alias + ".document";

    /// <inheritdoc/>
    protected override string DocumentValue(string parameter) => parameter;

    /// <inheritdoc/>
    protected override object ListValue(IReadOnlyList<string> values) => JsonSerializer.Serialize(values.ToArray(), StoreJson.Default.StringArray);

    /// <inheritdoc/>
    protected override string InList(string expression, string parameter) => $"{expression} IN (SELECT value FROM json_each({parameter}))";

    /// <inheritdoc/>
    protected override string HasAnyTag(string parameter)
        => $"c.seq IN (SELECT case_seq FROM case_tags WHERE tag IN (SELECT value FROM json_each({parameter})))";

    /// <inheritdoc/>
    protected override string Matches(IReadOnlyList<string> words, IReadOnlyList<CaseSearchField> fields, SearchOperator searchOperator, List<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // FTS5: {columns} : ("word" AND "word"); each word quoted (a phrase of its tokens), quotes doubled.
        var columns = string.Join(' ', fields.Select(f => f == CaseSearchField.Title ? "title" : "description"));
        var terms = string.Join(searchOperator == SearchOperator.And ? " AND " : " OR ", words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        parameters.Add(("@match", "{" + columns + "} : (" + terms + ")"));
        return "c.seq IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH @match)";
    }

    /// <inheritdoc/>
    protected override string Ordinal(string column) => column + " COLLATE BINARY";

    /// <inheritdoc/>
    protected override string TouchCaseSql
        => $"UPDATE cases SET version = {NewVersion}, document = json_set(document, '$.updated_at', @at, '$.updated_by', json(@by)) WHERE id = @id RETURNING version;";

    /// <inheritdoc/>
    protected override string TagsSql => "SELECT DISTINCT t.value FROM cases c, json_each(c.document, '$.tags') t;";

    // SQLite takes the bare column from the row MIN() chose: the first case of each reporter.
    /// <inheritdoc/>
    protected override string ReportersSql => "SELECT json_extract(c.document, '$.created_by'), MIN(c.seq) FROM cases c WHERE c.reporter IS NOT NULL GROUP BY c.reporter;";
}
