using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases;
using CaseServer.Cases.Storage;
using CaseServer.Contract;
using CaseServer.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CaseServer.Tests.Store;

/// <summary>
/// What the SQLite file itself must survive: being deleted or replaced under a running server (the write is
/// refused, never acknowledged), being missing at start-up (said at Warning level), and an older schema.
/// </summary>
[Trait(TestStore.Trait, TestStore.ChoosesItsOwn)]
public sealed class SqliteStorageTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly CapturedLogs _logs = new();

    private string DatabasePath => _directory.File("cases.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_database_deleted_with_its_wal_while_running_fails_the_next_write_and_every_one_after()
    {
        var store = await StartAsync();
        var before = await store.CreateAsync(Draft("before"), CancellationToken.None);

        DeleteDatabaseFiles();

        await Assert.ThrowsAsync<StorageIdentityException>(() => store.CreateAsync(Draft("after"), CancellationToken.None));
        await Assert.ThrowsAsync<StorageIdentityException>(() => store.AddCommentAsync(before.Id, "x", new WriteStamp(new User(), "2026-01-01T00:00:00.000Z"), CancellationToken.None));
        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains(DatabasePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_after_the_database_was_deleted_creates_no_file_so_the_restart_warns_that_the_database_is_new()
    {
        var store = await StartAsync();
        var before = await store.CreateAsync(Draft("before"), CancellationToken.None);
        DeleteDatabaseFiles();
        SqliteConnection.ClearAllPools(); // no connection left open on the deleted file: a read must open the path again

        await Assert.ThrowsAsync<SqliteException>(() => store.FindAsync(before.Id, CancellationToken.None));
        var createdByTheRead = File.Exists(DatabasePath);
        var warningsBeforeRestart = _logs.Entries.Count(e => e.Level == LogLevel.Warning);
        await StartAsync();

        Assert.False(createdByTheRead);
        Assert.Equal(warningsBeforeRestart + 1, _logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains(DatabasePath, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_database_replaced_by_another_file_at_the_same_path_fails_the_next_write()
    {
        var store = await StartAsync();
        await store.CreateAsync(Draft("before"), CancellationToken.None);
        var copy = _directory.File("copy.db");
        File.Copy(DatabasePath, copy);

        File.Move(copy, DatabasePath, overwrite: true);

        await Assert.ThrowsAsync<StorageIdentityException>(() => store.CreateAsync(Draft("after"), CancellationToken.None));
    }

    [Fact]
    public async Task Starting_on_a_missing_database_says_so_at_warning_level_with_its_path_and_an_existing_one_does_not()
    {
        await StartAsync();
        var warningsAtCreation = _logs.Entries.Where(e => e.Level == LogLevel.Warning).ToList();

        await StartAsync();

        var warning = Assert.Single(warningsAtCreation);
        Assert.Contains(DatabasePath, warning.Message, StringComparison.Ordinal);
        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task A_first_version_database_is_migrated_in_place_keeping_its_cases_and_their_versions()
    {
        var old = Draft("from version one") with { Version = CaseVersion.Of(7), Tags = ["migrated"] };
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE cases (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, document TEXT NOT NULL) STRICT; INSERT INTO cases VALUES (7, $id, $document);";
            command.Parameters.AddWithValue("$id", old.Id);
            command.Parameters.AddWithValue("$document", CaseDocument.ToJson(old));
            await command.ExecuteNonQueryAsync();
        }

        var store = await StartAsync();
        var next = await store.CreateAsync(Draft("after the migration"), CancellationToken.None);

        Assert.Equal(CaseDocument.ToJson(old), CaseDocument.ToJson((await store.FindAsync(old.Id, CancellationToken.None))!));
        Assert.Equal(CaseVersion.Of(8), next.Version);
        Assert.Equal([old.Id], (await store.FindCasesAsync(new CaseQuery { Search = "version" }, CancellationToken.None)).Cases.Select(c => c.Id));
        Assert.Equal([old.Id], (await store.FindCasesAsync(new CaseQuery { Tags = ["migrated"] }, CancellationToken.None)).Cases.Select(c => c.Id));
        var migrations = await MigrationVersionsAsync();
        Assert.Equal(new long[] { 1, 2, 3, 4 }, migrations);
    }

    [Fact]
    public async Task Indexing_the_changed_cases_before_each_commit_looks_up_those_cases_and_never_scans_every_case()
    {
        await StartAsync();
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();

        var statements = SqliteCaseStore.IndexChangedCasesSql.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var steps = new List<string>();
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + statement;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }
        }

        // Once per transaction: a scan of the cases, their tags or their full-text index would grow with the database.
        Assert.Equal(5, statements.Length);
        Assert.Contains("SCAN p", steps);
        Assert.DoesNotContain(steps, step => Regex.IsMatch(step, "^SCAN (c|cases|case_tags)( |$)|^SCAN cases_fts VIRTUAL TABLE INDEX 0:$"));
    }

    [Fact]
    public async Task A_database_from_a_newer_server_is_refused_at_start_up()
    {
        await StartAsync();
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01');";
            await command.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(StartAsync);

        Assert.Contains("schema version 99", refused.Message, StringComparison.Ordinal);
    }

    private async Task<SqliteCaseStore> StartAsync()
    {
        var store = new SqliteCaseStore("Data Source=" + DatabasePath, new Logger<SqliteCaseStore>(LoggerFactory.Create(logging => logging.AddProvider(_logs))));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private void DeleteDatabaseFiles()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    private async Task<long[]> MigrationVersionsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations ORDER BY version;";
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new System.Collections.Generic.List<long>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt64(0));
        }

        return [.. versions];
    }

    private static Case Draft(string title) => CaseDrafts.New(title);
}
