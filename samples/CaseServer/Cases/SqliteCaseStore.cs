using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.Data.Sqlite;

namespace CaseServer.Cases;

/// <summary>
/// Cases in one SQLite file. Durable before acknowledged: WAL journal with <c>synchronous=FULL</c>, so a
/// commit has reached the disk when <see cref="CreateAsync"/> completes, and a crash loses nothing that was
/// acknowledged. Each case is one row written in one transaction, so nothing partial is ever stored.
/// </summary>
public sealed class SqliteCaseStore : ICaseStore
{
    // One writer at a time in this process: SQLite serialises writers anyway, and waiting here is cheaper
    // than SQLite's busy retries.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly string _connectionString;

    /// <summary>A store on the database <paramref name="connectionString"/> names (see <see cref="InitializeAsync"/>).</summary>
    public SqliteCaseStore(string connectionString) => _connectionString = connectionString;

    /// <summary>Creates the database file, its folder and its schema when they do not exist, and turns on WAL.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var path = new SqliteConnectionStringBuilder(_connectionString).DataSource;
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS cases (
                seq      INTEGER PRIMARY KEY,
                id       TEXT NOT NULL UNIQUE,
                document TEXT NOT NULL
            ) STRICT;
            """, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<Case> CreateAsync(Case draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            // IMMEDIATE: take the write lock now, so the sequence number read below is still the last one at commit.
            await using var transaction = connection.BeginTransaction(deferred: false);

            await using var next = connection.CreateCommand();
            next.Transaction = transaction;
            next.CommandText = "SELECT COALESCE(MAX(seq), 0) + 1 FROM cases;";
            var sequenceNumber = (long)(await next.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false))!;

            var stored = draft with { Version = CaseVersion.Of(sequenceNumber) };
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO cases (seq, id, document) VALUES ($seq, $id, $document);";
            insert.Parameters.AddWithValue("$seq", sequenceNumber);
            insert.Parameters.AddWithValue("$id", stored.Id);
            insert.Parameters.AddWithValue("$document", CaseDocument.ToJson(stored));
            await insert.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);

            // With synchronous=FULL the WAL is synced to disk before this returns: from here the case survives a crash.
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return stored;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<Case?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT document FROM cases WHERE id = $id;";
        find.Parameters.AddWithValue("$id", id);
        return await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string document ? Case.Parse(document) : null;
    }

    /// <summary>The journal mode and synchronous level a store connection runs with (for checks and diagnostics).</summary>
    internal async Task<(string JournalMode, long Synchronous)> ReadDurabilityAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; PRAGMA synchronous;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var journalMode = reader.GetString(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (journalMode, reader.GetInt64(0));
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per connection (pooled connections keep it, setting it again is free): sync the WAL on every commit.
            await ExecuteAsync(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
