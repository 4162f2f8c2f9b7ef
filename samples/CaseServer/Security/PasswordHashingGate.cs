using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace CaseServer.Security;

/// <summary>
/// Lets a bounded number of password hashes run at once (about one per core) and a bounded number wait; a check
/// past both is refused at once (503), never queued without bound. PBKDF2 is meant to be slow: without this, a
/// few requests a second naming unknown users hold every thread-pool thread and starve everything else.
/// </summary>
public sealed class PasswordHashingGate : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;

    /// <summary>A gate from <paramref name="limits"/>.</summary>
    public PasswordHashingGate(SignInLimits limits)
        => _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, limits.HashingConcurrency),
            QueueLimit = Math.Max(0, limits.HashingQueue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

    /// <summary>Runs <paramref name="hash"/> when a slot is free; null (it did not run) when the queue is full.</summary>
    public async ValueTask<bool?> RunAsync(Func<bool> hash, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            return null;
        }

        return hash();
    }

    /// <inheritdoc/>
    public void Dispose() => _limiter.Dispose();
}
