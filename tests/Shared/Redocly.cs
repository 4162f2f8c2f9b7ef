using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CaseContracts.Tests;

/// <summary>
/// <c>redocly lint</c> with its recommended rules, as installed by <c>build/redocly.sh</c> (pinned, under
/// <c>.tools/redocly</c>; <c>build/test.sh</c> runs it first), and the warnings <c>docs/endpoints.md</c> accepts.
/// One file, linked into the test projects that lint a served OpenAPI document.
/// </summary>
internal static class Redocly
{
    /// <summary>The marker in <c>docs/endpoints.md</c> after which the table of accepted warnings stands.</summary>
    public const string AcceptedWarningsMarker = "<!-- accepted-lint-warnings -->";

    /// <summary>Lints <paramref name="documentJson"/> (an OpenAPI document) with the recommended rules; every problem found.</summary>
    public static async Task<IReadOnlyList<LintProblem>> LintAsync(string documentJson)
    {
        var binary = Repository.PathOf(".tools", "redocly", "node_modules", ".bin", "redocly");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: run `bash build/redocly.sh` (build/test.sh does).");
        }

        // A folder of its own: no redocly.yaml of anyone else's is picked up, the rules are the recommended ones.
        var folder = Directory.CreateTempSubdirectory("redocly-");
        try
        {
            var document = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(document, documentJson);
            var start = new ProcessStartInfo(binary)
            {
                WorkingDirectory = folder.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "lint", document, "--format=json", "--extends=recommended" })
            {
                start.ArgumentList.Add(argument);
            }

            // Nothing leaves the machine: no usage reports, no update check.
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("redocly could not be started.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var json = await output;
            if (json.IndexOf('{') is var at and >= 0)
            {
                json = json[at..];
            }

            using var report = JsonDocument.Parse(json.Length > 0 ? json : throw new InvalidOperationException("redocly printed no report:\n" + await errors));
            return report.RootElement.GetProperty("problems").EnumerateArray().Select(problem => new LintProblem(
                problem.GetProperty("severity").GetString()!,
                problem.GetProperty("ruleId").GetString()!,
                problem.GetProperty("location").EnumerateArray().Select(l => l.TryGetProperty("pointer", out var p) ? p.GetString() : null).FirstOrDefault() ?? string.Empty,
                problem.GetProperty("message").GetString()!)).ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The warnings <c>docs/endpoints.md</c> explains for <paramref name="documentName"/>: rows of the table after
    /// <see cref="AcceptedWarningsMarker"/>, <c>| document | rule | pointer | why |</c>.
    /// </summary>
    public static IReadOnlyList<(string Rule, string Pointer)> AcceptedWarnings(string documentName)
    {
        var lines = File.ReadAllLines(Repository.PathOf("docs", "endpoints.md"));
        var start = Array.IndexOf(lines, AcceptedWarningsMarker);
        if (start < 0)
        {
            throw new InvalidOperationException($"docs/endpoints.md has no '{AcceptedWarningsMarker}' line.");
        }

        return lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(line => line.StartsWith('|'))
            .Skip(2) // the header and its rule
            .Select(line => line.Split('|').Select(cell => cell.Trim().Trim('`')).ToArray())
            .Where(cells => cells.Length >= 5 && cells[1] == documentName)
            .Select(cells => (cells[2], cells[3]))
            .ToList();
    }

    /// <summary>
    /// Fails unless <paramref name="problems"/> hold no error and only the warnings the docs accept for
    /// <paramref name="documentName"/>, and every accepted warning still occurs (the list stays true).
    /// </summary>
    public static void AssertOnlyAcceptedWarnings(IReadOnlyList<LintProblem> problems, string documentName)
    {
        var accepted = AcceptedWarnings(documentName);
        var unexplained = problems.Where(p => p.Severity != "warn" || !accepted.Contains((p.RuleId, p.Pointer))).ToList();
        var stale = accepted.Where(a => !problems.Any(p => p.Severity == "warn" && (p.RuleId, p.Pointer) == a)).ToList();
        if (unexplained.Count > 0 || stale.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"redocly lint of {documentName}:\n"
                + string.Concat(unexplained.Select(p => $"  {p.Severity} {p.RuleId} at {p.Pointer}: {p.Message}\n"))
                + string.Concat(stale.Select(a => $"  accepted in docs/endpoints.md but no longer reported: {a.Rule} at {a.Pointer}\n")));
        }
    }
}

/// <summary>One problem <c>redocly lint</c> reports.</summary>
/// <param name="Severity"><c>error</c> or <c>warn</c>.</param>
/// <param name="RuleId">The rule (<c>security-defined</c>, <c>info-license</c>…).</param>
/// <param name="Pointer">Where, as a JSON pointer fragment (<c>#/paths/~1api~1cases/post</c>).</param>
internal sealed record LintProblem(string Severity, string RuleId, string Pointer, string Message);
