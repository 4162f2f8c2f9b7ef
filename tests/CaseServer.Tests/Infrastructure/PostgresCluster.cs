using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Xunit;

namespace CaseServer.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's <c>postgresql</c> package (<c>build/postgres.sh</c> installs
/// it): <c>initdb</c> in a temporary folder, run as a non-root user (root may not run PostgreSQL), listening on
/// 127.0.0.1 and a free port only; stopped and removed on dispose, whatever the tests did. Each test gets
/// its own database (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string Superuser = "caseserver";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "caseserver-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string _bin = string.Empty;
    private string? _runAs;
    private int _port;
    private bool _started;

    /// <summary>The connection string of the cluster's <c>postgres</c> database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>The connection string of <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database)
        => new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = Superuser, Database = database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "cases_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        _bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL's initdb was not found (PATH, /usr/lib/postgresql/*/bin). Install it with: bash build/postgres.sh (Debian's postgresql package).");
        Directory.CreateDirectory(_root);
        if (Environment.UserName == "root")
        {
            // initdb refuses to run as root: the cluster belongs to the package's own user (or nobody).
            _runAs = UserExists("postgres") ? "postgres" : "nobody";
            await RunAsync("chown", [_runAs, _root], asUser: false);
        }

        var data = Path.Combine(_root, "data");
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], asUser: true);
        _port = FreePort();
        // Loopback only; the socket in the temporary folder; no fsync (a test cluster: its durability is not under test).
        await RunAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start",
             "-o", $"-h 127.0.0.1 -p {_port} -k {_root} -c fsync=off -c full_page_writes=off -c max_connections=200"], asUser: true);
        _started = true;
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (_started)
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"], asUser: true);
            }
        }
        finally
        {
            // The server's last processes may still be closing files for a moment after pg_ctl returns: retry.
            for (var attempt = 0; attempt < 20 && Directory.Exists(_root); attempt++)
            {
                try
                {
                    Directory.Delete(_root, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await Task.Delay(100);
                }
            }
        }
    }

    private static string? FindBinaries()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
            {
                return folder;
            }
        }

        const string Debian = "/usr/lib/postgresql";
        return Directory.Exists(Debian)
            ? Directory.EnumerateDirectories(Debian).Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;
    }

    private static bool UserExists(string name) => File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal));

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asUser)
    {
        var start = new ProcessStartInfo(asUser && _runAs is not null ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        if (asUser && _runAs is not null)
        {
            foreach (var part in new[] { "-u", _runAs, "--", program })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_root, "server.log");
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}"
                + (File.Exists(log) ? "\n" + File.ReadAllText(log) : string.Empty));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
