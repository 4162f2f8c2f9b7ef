using System.Collections.Generic;

namespace CaseServer.Cases;

/// <summary>What became of a store operation whose failure is an expected answer, not an error.</summary>
public enum StoreOutcome
{
    /// <summary>Done (written durably, for a write); Kibana's 200 or 204.</summary>
    Done,

    /// <summary>A case or comment does not exist (or not in that case); Kibana's 404.</summary>
    NotFound,

    /// <summary>A version is stale; nothing was written; Kibana's 409.</summary>
    Conflict,

    /// <summary>Nothing would change; nothing was written; Kibana's 406.</summary>
    Identical,

    /// <summary>The request asks for what is never allowed (changing a comment's type); Kibana's 400.</summary>
    Refused,
}

/// <summary>
/// The result of a store operation: <see cref="Value"/> when <see cref="Outcome"/> is
/// <see cref="StoreOutcome.Done"/>, otherwise Kibana's message (<see cref="CaseStoreMessages"/>) and the ids
/// it names. Unexpected failures (the database is gone, the disk is full) are exceptions, answered 500.
/// </summary>
/// <typeparam name="T">The value of a successful operation.</typeparam>
public sealed record StoreResult<T>
{
    private StoreResult(StoreOutcome outcome, T? value, string? message, IReadOnlyList<string> ids)
    {
        Outcome = outcome;
        Value = value;
        Message = message;
        Ids = ids;
    }

    /// <summary>What happened.</summary>
    public StoreOutcome Outcome { get; }

    /// <summary>The operation's value when it is done; default otherwise.</summary>
    public T? Value { get; }

    /// <summary>Kibana's message for an outcome other than <see cref="StoreOutcome.Done"/>.</summary>
    public string? Message { get; }

    /// <summary>The ids the outcome is about (unknown or stale ones), in request order; empty when done.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Whether the operation was done.</summary>
    public bool IsDone => Outcome == StoreOutcome.Done;

    /// <summary>Done, with <paramref name="value"/>.</summary>
    public static StoreResult<T> Done(T value) => new(StoreOutcome.Done, value, null, []);

    /// <summary>Not done: <paramref name="outcome"/> with Kibana's <paramref name="message"/>.</summary>
    public static StoreResult<T> Failed(StoreOutcome outcome, string message, params IReadOnlyList<string> ids) => new(outcome, default, message, ids);

    /// <summary>The same failure for another value type (a failure passed on); only for a result not done.</summary>
    public StoreResult<TOther> As<TOther>()
        => IsDone ? throw new System.InvalidOperationException("A done result carries a value; it is not passed on.") : StoreResult<TOther>.Failed(Outcome, Message!, Ids);
}
