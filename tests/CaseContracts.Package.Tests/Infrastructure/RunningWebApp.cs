using System;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace CaseContracts.Package.Tests.Infrastructure;

/// <summary>
/// A built web project running as its own process on 127.0.0.1, on a port the OS picks (`--urls
/// http://127.0.0.1:0`), so it never collides with another server on the machine; the address is read
/// from Kestrel's "Now listening on:" line.
/// </summary>
internal sealed partial class RunningWebApp : IAsyncDisposable
{
    private static readonly TimeSpan StartupHangGuard = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private RunningWebApp(Process process, StringBuilder output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

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

    public static async Task<RunningWebApp> StartAsync(string assemblyPath, ConsumerWorkspace workspace)
    {
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Command.Start(
            "dotnet",
            [assemblyPath, "--urls", "http://127.0.0.1:0"],
            workspace.Root,
            workspace.Environment,
            line =>
            {
                lock (output)
                {
                    output.Append(line).Append('\n');
                }

                var match = ListeningLine().Match(line);
                if (match.Success)
                {
                    listening.TrySetResult(new Uri(match.Groups["address"].Value));
                }
            });
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The web app exited with {process.ExitCode} before listening:\n{Snapshot(output)}"));

        try
        {
            var address = await listening.Task.WaitAsync(StartupHangGuard);
            return new RunningWebApp(process, output, address);
        }
        catch (TimeoutException)
        {
            Stop(process);
            throw new InvalidOperationException($"The web app did not report its address within {StartupHangGuard}:\n{Snapshot(output)}");
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
