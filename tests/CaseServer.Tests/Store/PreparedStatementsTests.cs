using System;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases.Storage;
using CaseServer.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CaseServer.Tests.Store;

/// <summary>
/// The writer's compiled statements: a connection that keeps them lends the same command for the same SQL with
/// the new values bound; a command that failed is not lent again; other connections get a new command each time.
/// </summary>
[Trait(TestStore.Trait, TestStore.ChoosesItsOwn)]
public sealed class PreparedStatementsTests : IAsyncLifetime
{
    private const string Insert = "INSERT INTO t (name) VALUES (@name) RETURNING seq;";
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (seq INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);";
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task A_kept_connection_lends_the_same_command_again_with_the_new_values()
    {
        await using var kept = PreparedStatements.KeepOn(_connection);
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();

        var (first, firstSeq) = await InsertAsync(transaction, "a");
        var (second, secondSeq) = await InsertAsync(transaction, "b");

        Assert.Same(first, second);
        Assert.Equal([1L, 2L], [firstSeq, secondSeq]);
        Assert.Equal("b", await NameAsync(transaction, secondSeq));
    }

    [Fact]
    public async Task A_command_that_failed_is_not_lent_again()
    {
        await using var kept = PreparedStatements.KeepOn(_connection);
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
        var (before, _) = await InsertAsync(transaction, "a");

        object? failed = null;
        await Assert.ThrowsAsync<SqliteException>(async () =>
        {
            await using var statement = PreparedStatements.Lease(transaction, Insert, [("@name", "a")]);
            failed = statement.Command;
            await statement.Command.ExecuteScalarAsync(CancellationToken.None); // the unique name: throws before Completed
            statement.Completed();
        });
        var (after, seq) = await InsertAsync(transaction, "c");

        Assert.Same(before, failed);
        Assert.NotSame(failed, after);
        Assert.Equal("c", await NameAsync(transaction, seq));
    }

    [Fact]
    public async Task A_connection_that_does_not_keep_its_statements_gets_a_new_command_each_time()
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();

        var (first, _) = await InsertAsync(transaction, "a");
        var (second, _) = await InsertAsync(transaction, "b");

        Assert.NotSame(first, second);
    }

    [Fact]
    public async Task Once_disposed_the_cache_lends_nothing_it_kept()
    {
        var kept = PreparedStatements.KeepOn(_connection);
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
        var (before, _) = await InsertAsync(transaction, "a");

        await kept.DisposeAsync();
        var (after, _) = await InsertAsync(transaction, "b");

        Assert.NotSame(before, after);
    }

    private static async Task<(object Command, long Seq)> InsertAsync(SqliteTransaction transaction, string name)
    {
        await using var statement = PreparedStatements.Lease(transaction, Insert, [("@name", name)]);
        var seq = Convert.ToInt64(await statement.Command.ExecuteScalarAsync(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture);
        statement.Completed();
        return (statement.Command, seq);
    }

    private static async Task<string?> NameAsync(SqliteTransaction transaction, long seq)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM t WHERE seq = @seq;";
        command.Parameters.AddWithValue("@seq", seq);
        return (string?)await command.ExecuteScalarAsync();
    }
}
