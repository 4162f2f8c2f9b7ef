using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseServer.Cases.Storage;

/// <summary>
/// Cases in PostgreSQL, which several CaseServer hosts can share. Durable before acknowledged: a commit
/// returns once PostgreSQL has flushed it (its default <c>synchronous_commit=on</c>; the store warns at
/// start-up when the server is set otherwise). Versions come from the sequence <c>case_versions</c>;
/// optimistic concurrency is a conditional <c>UPDATE ... WHERE version = @expected</c> (all the cases of a
/// bulk update in one round trip), never a lock held across round trips; find and search use PostgreSQL's
/// full-text search (<c>tsvector</c> columns with the <c>simple</c> configuration, GIN-indexed).
/// </summary>
public sealed class PostgresCaseStore : RelationalCaseStore, IAsyncDisposable, IDisposable
{
    // Any fixed number: the advisory lock several hosts starting at once take to migrate one at a time.
    private const long MigrationLock = 0x43617365536572; // "CaseSer"

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A store on the PostgreSQL database <paramref name="connectionString"/> names.</summary>
    public PostgresCaseStore(string connectionString, ILogger<PostgresCaseStore> logger)
        : base(logger)
        => _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <inheritdoc/>
    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await base.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SHOW synchronous_commit;", connection);
        var synchronousCommit = (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (synchronousCommit is "off" or "local")
        {
            Logger.LogWarning("PostgreSQL runs with synchronous_commit={Setting}: an acknowledged case can be lost if the database server crashes.", synchronousCommit);
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc/>
    public void Dispose() => _dataSource.Dispose();

    /// <inheritdoc/>
    protected override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    /// <inheritdoc/>
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
        => await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override async Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection)
        => await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, CancellationToken.None).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override async Task<DbTransaction> BeginReadTransactionAsync(DbConnection connection)
        => await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, CancellationToken.None).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override Task LockMigrationsAsync(DbTransaction transaction)
        => ExecuteAsync(transaction, "SELECT pg_advisory_xact_lock(@lock);", ("@lock", MigrationLock));

    /// <summary>Every conditional update of a bulk update in one round trip (one batch).</summary>
    protected override async Task<long?[]> WriteCasesAsync(DbTransaction transaction, IReadOnlyList<CaseUpdateRules.CaseWrite> writes)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(writes);
        // Rows are locked in id order whatever the request's order, so two bulk updates sharing cases cannot deadlock.
        var order = Enumerable.Range(0, writes.Count).OrderBy(i => writes[i].Updated.Id, StringComparer.Ordinal).ToArray();
        await using var batch = new NpgsqlBatch((NpgsqlConnection)transaction.Connection!, (NpgsqlTransaction)transaction);
        foreach (var index in order)
        {
            var command = new NpgsqlBatchCommand(ConditionalCaseUpdateSql);
            foreach (var (name, value) in ConditionalCaseUpdateParameters(writes[index]))
            {
                command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
            }

            batch.BatchCommands.Add(command);
        }

        var versions = new long?[writes.Count];
        await using var reader = await batch.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var index in order)
        {
            versions[index] = await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false) ? reader.GetInt64(0) : null;
            await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return versions;
    }

    /// <inheritdoc/>
    protected override string LockInIdOrder => " ORDER BY c.id COLLATE \"C\" FOR UPDATE";

    /// <inheritdoc/>
    protected override string NewVersion => "nextval('case_versions')";

    /// <inheritdoc/>
    protected override string DocumentText(string alias) => alias + ".document::text";

    /// <inheritdoc/>
    protected override string DocumentValue(string parameter) => $"CAST({parameter} AS jsonb)";

    /// <inheritdoc/>
    protected override object ListValue(IReadOnlyList<string> values) => values.ToArray();

    /// <inheritdoc/>
    protected override string InList(string expression, string parameter) => $"{expression} = ANY({parameter})";

    /// <inheritdoc/>
    protected override string HasAnyTag(string parameter) => $"(c.document -> 'tags') ?| {parameter}";

    /// <inheritdoc/>
    protected override string Matches(IReadOnlyList<string> words, IReadOnlyList<CaseSearchField> fields, SearchOperator searchOperator, List<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(parameters);
        var vector = fields.Count == 2 ? "(c.search_title || c.search_description)" : fields[0] == CaseSearchField.Title ? "c.search_title" : "c.search_description";
        var terms = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var name = "@word" + i.ToString(CultureInfo.InvariantCulture);
            parameters.Add((name, words[i]));
            terms.Add($"plainto_tsquery('simple', {name})");
        }

        return $"{vector} @@ ({string.Join(searchOperator == SearchOperator.And ? " && " : " || ", terms)})";
    }

    /// <inheritdoc/>
    protected override string Ordinal(string column) => column + " COLLATE \"C\"";

    /// <inheritdoc/>
    protected override string TouchCaseSql
        => $"UPDATE cases SET version = {NewVersion}, document = document || jsonb_build_object('updated_at', CAST(@at AS text), 'updated_by', CAST(@by AS jsonb)) WHERE id = @id RETURNING version;";

    /// <inheritdoc/>
    protected override string TagsSql => "SELECT DISTINCT jsonb_array_elements_text(c.document -> 'tags') FROM cases c;";

    /// <inheritdoc/>
    protected override string ReportersSql
        => "SELECT DISTINCT ON (c.reporter) (c.document -> 'created_by')::text FROM cases c WHERE c.reporter IS NOT NULL ORDER BY c.reporter, c.seq;";
}
