using System;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases.Storage;
using Microsoft.Extensions.Hosting;

namespace CaseServer.Hosting;

/// <summary>
/// Runs before the server starts listening: refuses to start on a configuration problem, and makes sure
/// the database (file, folder, schema) exists, so the first request finds it ready.
/// </summary>
public sealed class StartupChecks : IHostedLifecycleService
{
    private readonly CaseServerSettings _settings;
    private readonly RelationalCaseStore _store;

    /// <summary>Created by the host.</summary>
    public StartupChecks(CaseServerSettings settings, RelationalCaseStore store)
    {
        _settings = settings;
        _store = store;
    }

    /// <inheritdoc/>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (_settings.Problems.Count > 0)
        {
            throw new CaseServerConfigurationException(_settings.Problems);
        }

        return _store.InitializeAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The configuration does not let the server start; the message says why and how to fix it.</summary>
public sealed class CaseServerConfigurationException : Exception
{
    /// <summary>One exception for every problem found.</summary>
    public CaseServerConfigurationException(System.Collections.Generic.IReadOnlyList<string> problems)
        : base("CaseServer cannot start:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", problems))
    {
    }
}
