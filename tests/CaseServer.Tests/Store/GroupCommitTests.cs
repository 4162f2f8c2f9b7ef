using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases;
using CaseServer.Cases.Storage;
using CaseServer.Contract;
using CaseServer.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CaseServer.Tests.Store;

/// <summary>
/// Group commit on SQLite: concurrent writes share transactions, each answered after its transaction
/// commits; a request that fails inside a group fails alone; a commit that fails fails the whole group and
/// leaves nothing of it.
/// </summary>
[Trait(TestStore.Trait, TestStore.ChoosesItsOwn)]
public sealed class GroupCommitTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Concurrent_creates_are_all_stored_in_fewer_transactions_than_writes()
    {
        await using var store = await StartAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => store.CreateAsync(Draft("case " + i), CancellationToken.None))));

        Assert.Equal(64, (await store.FindCasesAsync(new CaseQuery { PerPage = 100 }, CancellationToken.None)).Total);
        Assert.Equal(64, created.Select(c => c.Version).Distinct().Count());
        Assert.InRange(store.GroupsCommitted, 1, 63);
    }

    [Fact]
    public async Task A_request_failing_inside_a_group_fails_alone_and_the_others_are_stored_searchable_and_tagged()
    {
        await using var store = await StartAsync();
        var twice = CaseDrafts.New("created twice", ["twice"]);

        var writes = Enumerable.Range(0, 30).Select(i => CaseDrafts.New("other " + i, ["grouped"])).Prepend(twice).Prepend(twice)
            .Select(draft => Task.Run(() => store.CreateAsync(draft, CancellationToken.None))).ToList();
        try
        {
            await Task.WhenAll(writes);
        }
        catch (SqliteException)
        {
            // The second copy breaks the unique id: expected, and checked below.
        }

        var failed = Assert.Single(writes, w => w.IsFaulted);
        Assert.IsType<SqliteException>(failed.Exception!.InnerException);
        Assert.Equal(31, (await store.FindCasesAsync(new CaseQuery { PerPage = 100 }, CancellationToken.None)).Total);
        // The search and tag indexes are brought up to date once per transaction: every stored write is in them, once.
        Assert.Equal(30, (await store.FindCasesAsync(new CaseQuery { Search = "other", PerPage = 100 }, CancellationToken.None)).Total);
        Assert.Equal(30, (await store.FindCasesAsync(new CaseQuery { Tags = ["grouped"], PerPage = 100 }, CancellationToken.None)).Total);
        Assert.Equal([twice.Id], (await store.FindCasesAsync(new CaseQuery { Search = "twice" }, CancellationToken.None)).Cases.Select(c => c.Id));
        Assert.Equal([twice.Id], (await store.FindCasesAsync(new CaseQuery { Tags = ["twice"] }, CancellationToken.None)).Cases.Select(c => c.Id));
    }

    [Fact]
    public async Task The_work_before_the_commit_runs_once_per_transaction_after_every_write_of_it_and_its_failure_fails_the_group()
    {
        var connectionString = $"Data Source={_directory.File("before-commit.db")}";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var command = setup.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE child (name TEXT, parent TEXT);";
            await command.ExecuteNonQueryAsync();
        }

        var rowsSeenBeforeCommit = new List<long>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var groups = new GroupCommit(
            async () =>
            {
                var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                return connection;
            },
            connection => Task.FromResult<System.Data.Common.DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false)),
            async transaction =>
            {
                await using var count = transaction.Connection!.CreateCommand();
                count.Transaction = transaction;
                count.CommandText = "SELECT COUNT(*) FROM child;";
                var rows = (long)(await count.ExecuteScalarAsync())!;
                rowsSeenBeforeCommit.Add(rows);
                if (rows > 11)
                {
                    throw new InvalidOperationException("indexing failed");
                }
            },
            () => { });

        // Group one: a write held at the gate. Group two: the ten queued meanwhile. Group three: two more, whose
        // work before the commit fails.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = groups.WriteAsync(async transaction => { started.SetResult(); await gate.Task; return (await InsertAsync(transaction, "first", null), true); }, CancellationToken.None);
        await started.Task;
        var second = Enumerable.Range(0, 10)
            .Select(i => groups.WriteAsync(async transaction => (await InsertAsync(transaction, "second " + i, null), true), CancellationToken.None)).ToList();
        gate.SetResult();
        await first;
        await Task.WhenAll(second);
        var third = Enumerable.Range(0, 2)
            .Select(i => groups.WriteAsync(async transaction => (await InsertAsync(transaction, "third " + i, null), true), CancellationToken.None)).ToList();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Task.WhenAll(third));

        Assert.Equal([1L, 11L], rowsSeenBeforeCommit.Take(2));
        Assert.All(rowsSeenBeforeCommit.Skip(2), rows => Assert.True(rows > 11));
        Assert.All(third, write => Assert.True(write.IsFaulted));
        Assert.Equal(2, groups.GroupsCommitted);
        Assert.Empty(await NamesAsync(connectionString, "WHERE name LIKE 'third%'"));
    }

    [Fact]
    public async Task A_failed_commit_fails_every_request_of_its_group_and_leaves_none_of_them()
    {
        var connectionString = $"Data Source={_directory.File("group.db")}";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var command = setup.CreateCommand();
            // A deferred foreign key is checked at COMMIT: a row pointing nowhere makes the commit itself fail.
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE parent (id TEXT PRIMARY KEY); "
                + "CREATE TABLE child (name TEXT, parent TEXT REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);";
            await command.ExecuteNonQueryAsync();
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var groups = new GroupCommit(
            async () =>
            {
                var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA foreign_keys=ON;";
                await pragma.ExecuteNonQueryAsync();
                return connection;
            },
            connection => Task.FromResult<System.Data.Common.DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false)),
            _ => Task.CompletedTask,
            () => { });

        // The first group holds only a write that waits at the gate; everything queued meanwhile is the next group.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = groups.WriteAsync(async transaction => { started.SetResult(); await gate.Task; return (await InsertAsync(transaction, "first", "nobody-but-valid"), true); }, CancellationToken.None);
        await started.Task;
        var second = new List<Task<int>>();
        second.Add(groups.WriteAsync(async transaction => (await InsertAsync(transaction, "poison", "missing"), true), CancellationToken.None));
        for (var i = 0; i < 10; i++)
        {
            var name = "bystander " + i;
            second.Add(groups.WriteAsync(async transaction => (await InsertAsync(transaction, name, null), true), CancellationToken.None));
        }

        gate.SetResult();
        await Assert.ThrowsAnyAsync<Exception>(() => Task.WhenAll(second));

        Assert.All(second, write => Assert.True(write.IsFaulted));
        Assert.Equal(2, await first); // its parent and child rows
        Assert.Equal(["first"], await NamesAsync(connectionString, string.Empty));
    }

    private static async Task<int> InsertAsync(System.Data.Common.DbTransaction transaction, string name, string? parent)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = parent == "nobody-but-valid"
            ? "INSERT INTO parent VALUES ('p'); INSERT INTO child VALUES ($name, 'p');"
            : "INSERT INTO child VALUES ($name, $parent);";
        var p1 = command.CreateParameter();
        p1.ParameterName = "$name";
        p1.Value = name;
        command.Parameters.Add(p1);
        var p2 = command.CreateParameter();
        p2.ParameterName = "$parent";
        p2.Value = (object?)parent ?? DBNull.Value;
        command.Parameters.Add(p2);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> NamesAsync(string connectionString, string where)
    {
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM child " + where + ";";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<SqliteCaseStore> StartAsync()
    {
        var store = new SqliteCaseStore("Data Source=" + _directory.File("cases.db"), NullLogger<SqliteCaseStore>.Instance, groupCommit: true);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private static Case Draft(string title) => CaseDrafts.New(title);
}
