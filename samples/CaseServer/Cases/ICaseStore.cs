using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;

namespace CaseServer.Cases;

/// <summary>Where cases live. Every write is durable before its task completes.</summary>
public interface ICaseStore
{
    /// <summary>
    /// Stores a new case: gives it the next sequence number of the database, sets its version from it
    /// (<see cref="CaseVersion"/>) and commits durably. Nothing is stored if it fails.
    /// </summary>
    /// <param name="draft">The case to store; its <see cref="Case.Version"/> is replaced.</param>
    /// <param name="cancellationToken">Cancels waiting for the write; a commit that began completes.</param>
    /// <returns>The case as stored.</returns>
    Task<Case> CreateAsync(Case draft, CancellationToken cancellationToken);

    /// <summary>The case with <paramref name="id"/>; null when there is none.</summary>
    Task<Case?> FindAsync(string id, CancellationToken cancellationToken);
}
