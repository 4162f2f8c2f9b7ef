using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CaseServer.Security;

/// <summary>
/// Credentials verified recently, so that a signed-in client pays PBKDF2 once, not per request (as
/// Elasticsearch's realms cache them). Keyed by HMAC-SHA256 of user name and password under a key drawn at
/// random for this process: nothing stored tells a password, and lookups time nothing an attacker can aim at.
/// Bounded in size and lifetime; an entry is only good for the very user it was verified against, so a user
/// whose configuration changes is verified afresh.
/// </summary>
public sealed class VerifiedCredentials
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<Digest, Entry> _entries = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly int _maxEntries;

    /// <summary>A cache of at most <paramref name="maxEntries"/> credentials, each kept <paramref name="lifetime"/>.</summary>
    public VerifiedCredentials(TimeProvider time, TimeSpan lifetime, int maxEntries)
    {
        _time = time;
        _lifetime = lifetime;
        _maxEntries = maxEntries;
    }

    /// <summary>The number of credentials remembered.</summary>
    public int Count => _entries.Count;

    /// <summary>The user verified with this name and password, while the entry lives and the user is still <paramref name="current"/>'s.</summary>
    public CaseServerUser? Find(string username, string password, Func<string, CaseServerUser?> current)
    {
        var digest = DigestOf(username, password);
        if (!_entries.TryGetValue(digest, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt <= _time.GetUtcNow() || !ReferenceEquals(current(username), entry.User))
        {
            _entries.TryRemove(digest, out _);
            return null;
        }

        return entry.User;
    }

    /// <summary>Remembers that <paramref name="password"/> is <paramref name="user"/>'s.</summary>
    public void Add(CaseServerUser user, string password)
    {
        if (_lifetime <= TimeSpan.Zero || _maxEntries <= 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (_entries.Count >= _maxEntries)
        {
            foreach (var (digest, entry) in _entries)
            {
                if (entry.ExpiresAt <= now)
                {
                    _entries.TryRemove(digest, out _);
                }
            }

            if (_entries.Count >= _maxEntries)
            {
                // Only valid credentials get here, so this takes more users than the cache was sized for:
                // starting over costs each of them one PBKDF2.
                _entries.Clear();
            }
        }

        _entries[DigestOf(user.Username, password)] = new Entry(user, now + _lifetime);
    }

    /// <summary>Forgets every credential (the users changed).</summary>
    public void Clear() => _entries.Clear();

    private Digest DigestOf(string username, string password)
    {
        // The name's length first, so that no other split of the same characters gives the same input.
        var input = Encoding.UTF8.GetBytes(username.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + username + ":" + password);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, input, mac);
        CryptographicOperations.ZeroMemory(input);
        return new Digest(
            BinaryPrimitives.ReadUInt64LittleEndian(mac),
            BinaryPrimitives.ReadUInt64LittleEndian(mac[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(mac[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(mac[24..]));
    }

    private readonly record struct Digest(ulong A, ulong B, ulong C, ulong D);

    private sealed record Entry(CaseServerUser User, DateTimeOffset ExpiresAt);
}
