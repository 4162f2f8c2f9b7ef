using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CaseServer.Tests.Infrastructure;

/// <summary>
/// The server as a real process, started exactly as the README says:
/// <c>dotnet run --project samples/CaseServer -- --urls http://127.0.0.1:&lt;port&gt;</c> (with <c>--no-build</c>:
/// the test project's reference has built it already, in this configuration), on a database of the test's
/// (a SQLite file, or the PostgreSQL database <see cref="TestStore"/> maps it to).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly string s_configuration =
        typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private readonly Process _dotnetRun;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process dotnetRun, Uri baseAddress)
    {
        _dotnetRun = dotnetRun;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Everything the server and <c>dotnet run</c> printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server on a free loopback port with the database at <paramref name="databasePath"/>; waits until it answers.</summary>
    public static async Task<ServerProcess> StartAsync(string databasePath, IDictionary<string, string>? environment = null)
    {
        var server = Launch(["--urls", $"http://127.0.0.1:{FreePort()}", .. await StoreArgumentsAsync(databasePath)], out var baseAddress, environment, launchProfile: true);
        await server.WaitUntilAnsweringAsync(TimeSpan.FromMinutes(2));
        return server;
    }

    /// <summary>Starts the server without the launch profile, in <paramref name="environment"/>, and waits for it to exit.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string environment, string databasePath, TimeSpan timeout)
    {
        var server = Launch(["--urls", $"http://127.0.0.1:{FreePort()}", .. await StoreArgumentsAsync(databasePath)], out _,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = environment }, launchProfile: false);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await server._dotnetRun.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            await server.DisposeAsync();
            throw new TimeoutException("The server did not exit within " + timeout + ":\n" + server.Output);
        }

        server._dotnetRun.WaitForExit(); // drains the redirected output
        return (server._dotnetRun.ExitCode, server.Output);
    }

    /// <summary>Starts the server on PostgreSQL at <paramref name="connectionString"/>; waits until it answers.</summary>
    public static async Task<ServerProcess> StartOnPostgresAsync(string connectionString)
    {
        var server = Launch(["--urls", $"http://127.0.0.1:{FreePort()}", "--CaseServer:Store=postgres", "--ConnectionStrings:Cases=" + connectionString], out _, null, launchProfile: true);
        await server.WaitUntilAnsweringAsync(TimeSpan.FromMinutes(2));
        return server;
    }

    private static async Task<IEnumerable<string>> StoreArgumentsAsync(string databasePath)
    {
        var arguments = new List<string>();
        foreach (var (key, value) in await TestStore.SettingsAsync(databasePath))
        {
            arguments.Add($"--{key}={value}");
        }

        return arguments;
    }

    /// <summary>A client for the server, signed in as the Development default user.</summary>
    public HttpClient CreateClient(string username = "elastic", string password = "changeme")
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password)));
        return client;
    }

    /// <summary>
    /// The server's working set, in bytes, right after a full compacting collection (SIGUSR1: the server must run
    /// with <c>CASESERVER_TEST_COLLECT_ON_SIGUSR1=1</c>, in Development), read from <c>/proc</c>.
    /// </summary>
    public async Task<long> WorkingSetAfterCollectionAsync()
    {
        const string Marker = "collected; working set bytes: ";
        var before = CountOf(Marker);
        var pid = ServerPids().Single();
        SendSignal(pid, Sigusr1);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (CountOf(Marker) == before)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The server did not collect on SIGUSR1:\n" + Output);
            }

            await Task.Delay(100);
        }

        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
        var rss = status.Single(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(rss["VmRSS:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    private int CountOf(string marker)
    {
        var output = Output;
        var count = 0;
        for (var at = output.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = output.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Crashes the server: SIGKILL, no chance to flush or clean up anything.</summary>
    public void Kill()
    {
        foreach (var pid in ServerPids())
        {
            SendSignal(pid, Sigkill);
        }

        _dotnetRun.Kill(entireProcessTree: true);
        _dotnetRun.WaitForExit();
    }

    /// <summary>Stops the server the way a service manager does (SIGTERM), and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        foreach (var pid in ServerPids())
        {
            SendSignal(pid, Sigterm);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _dotnetRun.WaitForExitAsync(cancel.Token);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_dotnetRun.HasExited)
        {
            Kill();
        }

        await Task.CompletedTask;
        _dotnetRun.Dispose();
    }

    private static ServerProcess Launch(IEnumerable<string> serverArguments, out Uri baseAddress, IDictionary<string, string>? environment, bool launchProfile)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("--project");
        start.ArgumentList.Add("samples/CaseServer");
        start.ArgumentList.Add("--no-build");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(s_configuration);
        if (!launchProfile)
        {
            start.ArgumentList.Add("--no-launch-profile");
        }

        start.ArgumentList.Add("--");
        var arguments = serverArguments.ToList();
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        baseAddress = new Uri(arguments[arguments.IndexOf("--urls") + 1]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var server = new ServerProcess(process, baseAddress);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_dotnetRun.HasExited)
            {
                throw new InvalidOperationException("The server exited before answering:\n" + Output);
            }

            try
            {
                // Anonymous: 401 means the whole pipeline is up.
                var response = await probe.GetAsync("/api/cases/probe");
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The server did not answer within " + timeout + ":\n" + Output);
    }

    /// <summary>The server itself: the processes <c>dotnet run</c> started.</summary>
    private List<int> ServerPids()
    {
        var children = new List<int>();
        var tasks = $"/proc/{_dotnetRun.Id}/task";
        if (!Directory.Exists(tasks))
        {
            return children;
        }

        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                children.AddRange(File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return children;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    // Ports handed to servers by this test process. The port is free when picked, then released for the server to bind:
    // servers started side by side could be given the same one, and the one that lost the bind would seem to answer
    // through the other (a "Connection refused" once that other stops). Never the same port twice.
    private static readonly HashSet<int> s_portsGiven = [];

    private static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (s_portsGiven)
            {
                if (s_portsGiven.Add(port))
                {
                    return port;
                }
            }
        }
    }

    private const int Sigkill = 9;
    private const int Sigterm = 15;
    private const int Sigusr1 = 10;

    private static void SendSignal(int pid, int signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("Signals are sent on Linux and macOS.");
        }

        _ = NativeMethods.kill(pid, signal);
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int kill(int pid, int sig);
    }
}
