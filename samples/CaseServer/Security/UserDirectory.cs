using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseServer.Security;

/// <summary>
/// Checks credentials against the configured users, so that checking cannot be turned against the server:
/// a verified user name and password are remembered a short while (<see cref="VerifiedCredentials"/>), failed
/// attempts are limited per address and per name (<see cref="FailedSignInLimiter"/>), password hashes run a few
/// at a time (<see cref="PasswordHashingGate"/>), an unknown user costs what a known one with a wrong password
/// does, and credentials holding control characters are refused before any hashing.
/// </summary>
public sealed class UserDirectory : IDisposable
{
    private readonly VerifiedCredentials _verified;
    private readonly FailedSignInLimiter _failures;
    private readonly PasswordHashingGate _gate;
    private readonly KeyDerivation _derive;
    private readonly ILogger _logger;
    private State _state;

    /// <summary>A directory of <paramref name="users"/> (names are case-sensitive) with the default limits.</summary>
    public UserDirectory(IEnumerable<CaseServerUser> users)
        : this(users, SignInLimits.Default, TimeProvider.System, KeyDerivations.Pbkdf2, NullLogger<UserDirectory>.Instance)
    {
    }

    /// <summary>A directory of <paramref name="users"/> (names are case-sensitive).</summary>
    public UserDirectory(IEnumerable<CaseServerUser> users, SignInLimits limits, TimeProvider time, KeyDerivation derive, ILogger<UserDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _verified = new VerifiedCredentials(time, limits.CredentialLifetime, limits.CredentialCacheEntries);
        _failures = new FailedSignInLimiter(limits);
        _gate = new PasswordHashingGate(limits);
        _derive = derive;
        _logger = logger;
        _state = State.Of(users, logger);
    }

    /// <summary>The iteration count unknown user names are checked at: the highest of the configured users' (or the default for new hashes).</summary>
    public int UnknownUserIterations => _state.UnknownUser.Iterations;

    /// <summary>Replaces the users; every remembered credential is forgotten.</summary>
    public void ReplaceUsers(IEnumerable<CaseServerUser> users)
    {
        _state = State.Of(users, _logger);
        _verified.Clear();
    }

    /// <summary>Checks a user name and password sent by the client at <paramref name="address"/>.</summary>
    public async ValueTask<SignInResult> AuthenticateAsync(string username, string password, IPAddress? address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);

        // HMAC pads a key with zeros, so "changeme\0" would hash as "changeme"; no real credential holds controls.
        if (HasControlCharacter(username) || HasControlCharacter(password))
        {
            return SignInResult.Failed;
        }

        var state = _state;
        if (_verified.Find(username, password, name => state.Find(name)) is { } remembered)
        {
            return SignInResult.Succeeded(remembered);
        }

        var user = state.Find(username);
        if (_failures.RefusedFor(address, username, user is not null) is { } wait)
        {
            return SignInResult.TooManyAttempts(wait);
        }

        // An unknown name is checked against a hash no password matches, at the highest iteration count in use.
        var hash = user?.Password ?? state.UnknownUser;
        var derive = _derive;
        var matched = await _gate.RunAsync(() => hash.Matches(password, derive), cancellationToken).ConfigureAwait(false);
        if (matched is null)
        {
            return SignInResult.Busy();
        }

        if (user is null || matched == false)
        {
            _failures.Failed(address, username, user is not null);
            return SignInResult.Failed;
        }

        _verified.Add(user, password);
        return SignInResult.Succeeded(user);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _failures.Dispose();
        _gate.Dispose();
    }

    private static bool HasControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class State
    {
        private readonly Dictionary<string, CaseServerUser> _users;

        private State(Dictionary<string, CaseServerUser> users, PasswordHash unknownUser)
        {
            _users = users;
            UnknownUser = unknownUser;
        }

        public PasswordHash UnknownUser { get; }

        public CaseServerUser? Find(string username) => _users.GetValueOrDefault(username);

        public static State Of(IEnumerable<CaseServerUser> users, ILogger logger)
        {
            var byName = users.ToDictionary(u => u.Username, StringComparer.Ordinal);
            var highest = byName.Count == 0 ? PasswordHash.DefaultIterations : byName.Values.Max(u => u.Password.Iterations);
            foreach (var weaker in byName.Values.Where(u => u.Password.Iterations < highest).OrderBy(u => u.Username, StringComparer.Ordinal))
            {
                // A wrong password for this user answers sooner than one for an unknown name: the timing tells the name exists.
                logger.LogWarning(
                    "The password hash of user '{Username}' has {Iterations} iterations, fewer than the {Highest} of the strongest configured hash, which unknown user names are checked at: "
                    + "a failed sign-in's timing tells that this user exists. Renew the hash (hash-password) with {Highest} iterations.",
                    weaker.Username, weaker.Password.Iterations, highest, highest);
            }

            return new State(byName, PasswordHash.Unmatchable(highest));
        }
    }
}
