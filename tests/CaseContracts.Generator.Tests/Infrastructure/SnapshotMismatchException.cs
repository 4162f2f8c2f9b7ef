using Xunit.Sdk;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Raised by <see cref="Snapshot"/> when the actual text is missing from or differs from the verified snapshot.
/// Derives from <see cref="XunitException"/> so xunit reports it as an assertion failure, not an error.
/// </summary>
public sealed class SnapshotMismatchException : XunitException
{
    /// <summary>Creates the exception with the full, human-readable comparison report.</summary>
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }
}
