using System;

namespace CaseServer.Security;

/// <summary>
/// What a sign-in may cost the server (README/docs "Security"), under <c>CaseServer:Security</c>: how long a
/// verified credential is remembered, how many password hashes run at once and wait, how many failed attempts an
/// address or a user name may make.
/// </summary>
/// <param name="CredentialLifetime"><c>CredentialCache:LifetimeSeconds</c> (default 300): how long a verified user name and password skip PBKDF2.</param>
/// <param name="CredentialCacheEntries"><c>CredentialCache:MaxEntries</c> (default 1000): verified credentials remembered at most.</param>
/// <param name="HashingConcurrency"><c>PasswordHashing:MaxConcurrency</c> (default: one per processor): password hashes computed at once.</param>
/// <param name="HashingQueue"><c>PasswordHashing:QueueLimit</c> (default 16): checks waiting for a hashing slot; past it, 503 at once.</param>
/// <param name="FailedAttemptsPerAddress"><c>FailedAttempts:PerAddress</c> (default 10): failed sign-ins a client address may make per window before 429.</param>
/// <param name="FailedAttemptsPerUsername"><c>FailedAttempts:PerUsername</c> (default 5): failed sign-ins per user name per window before 429.</param>
/// <param name="FailedAttemptsWindow"><c>FailedAttempts:WindowSeconds</c> (default 60): the window: each starts with the whole allowance.</param>
public sealed record SignInLimits(
    TimeSpan CredentialLifetime,
    int CredentialCacheEntries,
    int HashingConcurrency,
    int HashingQueue,
    int FailedAttemptsPerAddress,
    int FailedAttemptsPerUsername,
    TimeSpan FailedAttemptsWindow)
{
    /// <summary>The defaults.</summary>
    public static SignInLimits Default { get; } = new(
        TimeSpan.FromMinutes(5),
        1000,
        Environment.ProcessorCount,
        16,
        10,
        5,
        TimeSpan.FromMinutes(1));
}
