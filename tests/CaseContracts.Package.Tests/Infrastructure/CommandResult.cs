using System;
using System.Linq;

namespace CaseContracts.Package.Tests.Infrastructure;

/// <summary>What a finished command did: its exit code and everything it printed (stdout and stderr, interleaved).</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public string[] Lines => Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>For assertion messages: the command, its exit code, and the end of its output (builds print a lot).</summary>
    public override string ToString()
    {
        const int shown = 60;
        var lines = Output.Split('\n');
        var tail = string.Join('\n', lines.Skip(Math.Max(0, lines.Length - shown)));
        return $"`{CommandLine}` exited with {ExitCode}; {(lines.Length > shown ? $"last {shown} lines" : "output")}:\n{tail}";
    }
}
