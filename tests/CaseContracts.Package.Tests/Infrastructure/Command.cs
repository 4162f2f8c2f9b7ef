using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CaseContracts.Package.Tests.Infrastructure;

/// <summary>Runs the programs a user would run (dotnet, bash) as child processes.</summary>
internal static class Command
{
    /// <summary>
    /// A guard against a hung child, not a speed assertion: far above any normal run, it turns a hang into a
    /// failed test with the output so far instead of a test run that never ends.
    /// </summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        string? standardInput = null)
    {
        var output = new StringBuilder();
        using var process = Start(fileName, arguments, workingDirectory, environment, line =>
        {
            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }, redirectInput: standardInput is not null);
        var commandLine = Describe(process.StartInfo);

        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        using var hang = new CancellationTokenSource(HangGuard);
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output)
            {
                return new CommandResult(commandLine, -1, output + $"\n(killed: still running after {HangGuard})");
            }
        }

        // WaitForExitAsync returns once the output streams have closed, so the output is complete.
        lock (output)
        {
            return new CommandResult(commandLine, process.ExitCode, output.ToString());
        }
    }

    /// <summary>Starts a process whose output lines (stdout and stderr) go to <paramref name="onLine"/>.</summary>
    public static Process Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        Action<string> onLine,
        bool redirectInput = false)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Describe(ProcessStartInfo startInfo)
        => string.Join(' ', new[] { startInfo.FileName }.Concat(startInfo.ArgumentList.Select(a => a.Contains(' ') ? $"\"{a}\"" : a)));
}
