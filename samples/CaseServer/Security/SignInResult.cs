using System;

namespace CaseServer.Security;

/// <summary>What a sign-in came to: the user, a failure (401), or a refusal to check now (429 or 503, with when to retry).</summary>
/// <param name="User">The signed-in user; null otherwise.</param>
/// <param name="RefusedStatus">429 (too many failed attempts) or 503 (too many checks at once) when the check did not run; else null.</param>
/// <param name="RetryAfter">When a refused client may try again.</param>
public sealed record SignInResult(CaseServerUser? User, int? RefusedStatus, TimeSpan RetryAfter)
{
    /// <summary>Unknown user, wrong password, or credentials refused before any check.</summary>
    public static SignInResult Failed { get; } = new(null, null, TimeSpan.Zero);

    /// <summary>Signed in.</summary>
    public static SignInResult Succeeded(CaseServerUser user) => new(user, null, TimeSpan.Zero);

    /// <summary>429: too many failed attempts from this address or for this name.</summary>
    public static SignInResult TooManyAttempts(TimeSpan retryAfter) => new(null, 429, retryAfter);

    /// <summary>503: the password hashing slots and queue are full.</summary>
    public static SignInResult Busy() => new(null, 503, TimeSpan.FromSeconds(1));
}
