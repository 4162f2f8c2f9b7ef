using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace CaseServer.Cases.Storage;

/// <summary>
/// The statements of one long-lived connection, kept compiled by their SQL text. Microsoft.Data.Sqlite compiles
/// a command's SQL anew for every new command (a compiled statement lives and dies with its command), and
/// compiling the insert of a case (its indexes, its full-text and tag triggers) costs about 40% of running it.
/// Group commit's writer keeps one connection open and runs every write through it, so its statements are
/// compiled once. One user at a time (the writer loop); at most <see cref="Capacity"/> statements (the stores'
/// writes are a fixed set of SQL texts; anything beyond is compiled per use, as without this cache).
/// </summary>
internal sealed class PreparedStatements : IAsyncDisposable
{
    /// <summary>The most statements kept per connection.</summary>
    public const int Capacity = 64;

    private static readonly ConditionalWeakTable<DbConnection, PreparedStatements> s_byConnection = new();

    private readonly DbConnection _connection;
    private readonly Dictionary<string, DbCommand> _idle = new(StringComparer.Ordinal);

    private PreparedStatements(DbConnection connection) => _connection = connection;

    /// <summary>Keeps the statements run on <paramref name="connection"/> compiled until the returned value is disposed.</summary>
    public static PreparedStatements KeepOn(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var kept = new PreparedStatements(connection);
        s_byConnection.AddOrUpdate(connection, kept);
        return kept;
    }

    /// <summary>
    /// A command for <paramref name="sql"/> in <paramref name="transaction"/> with these named parameters (<c>@name</c>):
    /// a compiled one when the connection keeps its statements, else a new one. Dispose the lease after use.
    /// </summary>
    public static StatementLease Lease(DbTransaction transaction, string sql, (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(parameters);
        var connection = transaction.Connection!;
        if (s_byConnection.TryGetValue(connection, out var kept) && kept._idle.Remove(sql, out var command))
        {
            command.Transaction = transaction;
            Bind(command, parameters);
            return new StatementLease(command, kept, sql);
        }

        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, parameters);
        return new StatementLease(command, kept, sql);
    }

    /// <summary>Disposes every kept statement and stops keeping them.</summary>
    public async ValueTask DisposeAsync()
    {
        s_byConnection.Remove(_connection);
        foreach (var command in _idle.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _idle.Clear();
    }

    /// <summary>Takes back a command that ran to completion; false when it is not kept (the caller disposes it).</summary>
    internal bool TryKeep(string sql, DbCommand command)
        => s_byConnection.TryGetValue(_connection, out var current) && ReferenceEquals(current, this)
            && _idle.Count < Capacity && _idle.TryAdd(sql, command);

    // The same SQL always has the same parameters, in the same order: a kept command only needs new values.
    private static void Bind(DbCommand command, (string Name, object? Value)[] parameters)
    {
        var bound = command.Parameters;
        var reuse = bound.Count == parameters.Length;
        for (var i = 0; reuse && i < parameters.Length; i++)
        {
            reuse = string.Equals(bound[i].ParameterName, parameters[i].Name, StringComparison.Ordinal);
        }

        if (reuse)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                bound[i].Value = parameters[i].Value ?? DBNull.Value;
            }

            return;
        }

        bound.Clear();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            bound.Add(parameter);
        }
    }
}

/// <summary>
/// A command lent by <see cref="PreparedStatements.Lease"/>. Call <see cref="Completed"/> once it has run to the end:
/// only then does disposing give it back to be run again; a command that failed or was left mid-way is disposed.
/// </summary>
internal sealed class StatementLease : IAsyncDisposable
{
    private readonly PreparedStatements? _owner;
    private readonly string _sql;
    private bool _completed;

    internal StatementLease(DbCommand command, PreparedStatements? owner, string sql)
    {
        Command = command;
        _owner = owner;
        _sql = sql;
    }

    /// <summary>The command, bound to its transaction and parameters.</summary>
    public DbCommand Command { get; }

    /// <summary>Says the command ran to the end (its reader, if any, is closed).</summary>
    public void Completed() => _completed = true;

    /// <summary>Gives the command back, or disposes it.</summary>
    public ValueTask DisposeAsync()
        => _completed && _owner is { } owner && owner.TryKeep(_sql, Command) ? ValueTask.CompletedTask : Command.DisposeAsync();
}
