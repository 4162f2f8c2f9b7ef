using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace CaseServer.Security;

/// <summary>
/// Failed sign-ins allowed per client address and per user name (ASP.NET Core's fixed-window rate limiter): each
/// failure takes a permit, each window starts afresh; a client whose address or named user has none left is refused
/// (429) before any password is hashed. Successful sign-ins take nothing, and a client whose credentials are
/// already verified is never asked.
/// </summary>
public sealed class FailedSignInLimiter : IDisposable
{
    // Unknown names share this many partitions (by a keyed hash): the partitions stay bounded whatever names an
    // attacker sends, and an unknown name is limited as a known one is, so the limit tells nothing about which exist.
    private const int UnknownNamePartitions = 4096;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byName;
    private readonly TimeSpan _window;

    /// <summary>Limits from <paramref name="limits"/>.</summary>
    public FailedSignInLimiter(SignInLimits limits)
    {
        _window = limits.FailedAttemptsWindow;
        _byAddress = Create(limits.FailedAttemptsPerAddress, limits.FailedAttemptsWindow);
        _byName = Create(limits.FailedAttemptsPerUsername, limits.FailedAttemptsWindow);
    }

    /// <summary>Null when this client and name may try; else how long until they may.</summary>
    public TimeSpan? RefusedFor(IPAddress? address, string username, bool knownUser)
    {
        using var byAddress = _byAddress.AttemptAcquire(AddressKey(address), permitCount: 0);
        using var byName = _byName.AttemptAcquire(NameKey(username, knownUser), permitCount: 0);
        if (byAddress.IsAcquired && byName.IsAcquired)
        {
            return null;
        }

        var retryAfter = _window;
        if (!byAddress.IsAcquired && byAddress.TryGetMetadata(MetadataName.RetryAfter, out var addressWait) && addressWait > TimeSpan.Zero)
        {
            retryAfter = addressWait;
        }

        if (!byName.IsAcquired && byName.TryGetMetadata(MetadataName.RetryAfter, out var nameWait) && nameWait > TimeSpan.Zero && nameWait > retryAfter)
        {
            retryAfter = nameWait;
        }

        return retryAfter;
    }

    /// <summary>Counts a failed sign-in against the address and the name.</summary>
    public void Failed(IPAddress? address, string username, bool knownUser)
    {
        _byAddress.AttemptAcquire(AddressKey(address)).Dispose();
        _byName.AttemptAcquire(NameKey(username, knownUser)).Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _byAddress.Dispose();
        _byName.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int attempts, TimeSpan window)
        // A fixed window, not a token bucket: the bucket refills continuously, so "any token left?" (the check
        // before hashing) would be true again a moment after the last failure.
        => PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = attempts,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    // An IPv6 client usually holds a whole /64: counted as one address.
    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "-";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes).ToString();
        }

        return address.ToString();
    }

    private string NameKey(string username, bool knownUser)
    {
        if (knownUser)
        {
            return "user:" + username;
        }

        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(username));
        return "unknown:" + ((mac[0] | (mac[1] << 8)) % UnknownNamePartitions).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
