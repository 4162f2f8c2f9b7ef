using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace CaseServer.Security;

/// <summary>
/// Checks credentials against the configured users. PBKDF2 is deliberately slow, so, as Elasticsearch's
/// realms do, a successful check is remembered as the SHA-256 of the password and later requests compare
/// against that in constant time; a wrong password always pays the full PBKDF2 price.
/// </summary>
public sealed class UserDirectory
{
    // Unknown names are checked against this too, so a response's timing does not tell which names exist.
    private static readonly PasswordHash s_unknownUser = PasswordHash.Unmatchable();

    private readonly Dictionary<string, CaseServerUser> _users;
    private readonly ConcurrentDictionary<string, byte[]> _verified = new(StringComparer.Ordinal);

    /// <summary>A directory of <paramref name="users"/> (names are case-sensitive).</summary>
    public UserDirectory(IEnumerable<CaseServerUser> users)
        => _users = users.ToDictionary(u => u.Username, StringComparer.Ordinal);

    /// <summary>The user whose name and password these are; null otherwise.</summary>
    public CaseServerUser? Authenticate(string username, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        if (!_users.TryGetValue(username, out var user))
        {
            s_unknownUser.Matches(password);
            return null;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        if (_verified.TryGetValue(username, out var known) && CryptographicOperations.FixedTimeEquals(known, digest))
        {
            return user;
        }

        if (!user.Password.Matches(password))
        {
            return null;
        }

        _verified[username] = digest;
        return user;
    }
}
