using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace CaseServer.Cases.Storage;

/// <summary>
/// Group commit: the writes waiting at the same moment run, in arrival order, in one transaction with one
/// commit (one fsync), each inside its own savepoint, so that each request's rules (stale version, nothing
/// to change...) see exactly the writes before it and a request that refuses or fails leaves no trace.
/// Every request is answered only after the transaction holding it has committed; if the commit fails,
/// every request in it fails (nothing of it is visible, nothing was acknowledged). One writer loop, so the
/// database sees one writer, as with one commit per request. The loop keeps its connection open from one
/// group to the next, with its statements compiled (<see cref="PreparedStatements"/>); a group that fails
/// closes it, and the next group opens a new one.
/// </summary>
internal sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>The most writes one transaction holds (bounds the work lost to one failed commit and the wait of the last).</summary>
    public const int MaxGroupSize = 256;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<Task<DbConnection>> _open;
    private readonly Func<DbConnection, Task<DbTransaction>> _begin;
    private readonly Func<DbTransaction, Task> _beforeCommit;
    private readonly Action _ensureStorage;
    private readonly int _maxGroupSize;
    private readonly Task _loop;
    private DbConnection? _connection;
    private PreparedStatements? _statements;
    private long _groups;

    /// <summary>Starts the writer loop.</summary>
    /// <param name="open">Opens a connection.</param>
    /// <param name="begin">Begins a write transaction.</param>
    /// <param name="beforeCommit">Runs once per transaction, after its writes and before its commit (the store's indexing in bulk).</param>
    /// <param name="ensureStorage">Throws when the storage is not the one opened (before and after each commit).</param>
    /// <param name="maxGroupSize">The most writes one transaction holds: 1 commits each write on its own (grouping off,
    /// everything else the same), at most <see cref="MaxGroupSize"/>.</param>
    public GroupCommit(Func<Task<DbConnection>> open, Func<DbConnection, Task<DbTransaction>> begin, Func<DbTransaction, Task> beforeCommit,
        Action ensureStorage, int maxGroupSize = MaxGroupSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroupSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxGroupSize, MaxGroupSize);
        _maxGroupSize = maxGroupSize;
        _open = open;
        _begin = begin;
        _beforeCommit = beforeCommit;
        _ensureStorage = ensureStorage;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many transactions have committed (for tests and diagnostics).</summary>
    public long GroupsCommitted => Interlocked.Read(ref _groups);

    /// <summary>Queues <paramref name="work"/>; completes once the transaction holding it has committed (or failed).</summary>
    public Task<T> WriteAsync<T>(Func<DbTransaction, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(work);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommit), "The store is shutting down.");
        }

        // Once queued, a write is not withdrawn: it may already be in a transaction that commits.
        return pending.Task;
    }

    /// <summary>Lets the queued writes finish, then stops the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        await CloseAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var group = new List<PendingWrite>(_maxGroupSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (group.Count < _maxGroupSize && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            await CommitAsync(group).ConfigureAwait(false);
            group.Clear();
        }
    }

    private async Task CommitAsync(List<PendingWrite> group)
    {
        try
        {
            _ensureStorage();
            var connection = await OpenAsync().ConfigureAwait(false);
            await using var transaction = await _begin(connection).ConfigureAwait(false);
            foreach (var pending in group)
            {
                await RunAsync(transaction, "SAVEPOINT request;").ConfigureAwait(false);
                if (await pending.RunAsync(transaction).ConfigureAwait(false))
                {
                    await RunAsync(transaction, "RELEASE request;").ConfigureAwait(false);
                }
                else
                {
                    // Refused or failed: undo its statements only; the others in the group stand.
                    await RunAsync(transaction, "ROLLBACK TO request; RELEASE request;").ConfigureAwait(false);
                }
            }

            await _beforeCommit(transaction).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            _ensureStorage();
            Interlocked.Increment(ref _groups);
        }
        catch (Exception e)
        {
            // Whatever state the failure left the connection in, the next group starts on a new one.
            await CloseAsync().ConfigureAwait(false);
            foreach (var pending in group)
            {
                pending.Fail(e);
            }

            return;
        }

        foreach (var pending in group)
        {
            pending.Complete();
        }
    }

    private static async Task RunAsync(DbTransaction transaction, string sql)
    {
        await using var statement = PreparedStatements.Lease(transaction, sql, []);
        await statement.Command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        statement.Completed();
    }

    private async Task<DbConnection> OpenAsync()
    {
        if (_connection is null)
        {
            _connection = await _open().ConfigureAwait(false);
            _statements = PreparedStatements.KeepOn(_connection);
        }

        return _connection;
    }

    private async Task CloseAsync()
    {
        if (_statements is not null)
        {
            await _statements.DisposeAsync().ConfigureAwait(false);
            _statements = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    private abstract class PendingWrite
    {
        /// <summary>Runs the request's work; whether its statements are kept.</summary>
        public abstract Task<bool> RunAsync(DbTransaction transaction);

        /// <summary>Answers the request once the group committed: its result, or its own failure.</summary>
        public abstract void Complete();

        /// <summary>Answers the request with the group's failure.</summary>
        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<DbTransaction, Task<(T Result, bool Commit)>> work) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;
        private Exception? _error;

        public Task<T> Task => _answer.Task;

        public override async Task<bool> RunAsync(DbTransaction transaction)
        {
            try
            {
                (_result, var commit) = await work(transaction).ConfigureAwait(false);
                return commit;
            }
            catch (Exception e)
            {
                _error = e;
                return false;
            }
        }

        public override void Complete()
        {
            if (_error is not null)
            {
                _answer.TrySetException(_error);
            }
            else
            {
                _answer.TrySetResult(_result);
            }
        }

        public override void Fail(Exception exception) => _answer.TrySetException(exception);
    }
}
