using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions for generated source: the approved text lives in
/// <c>Snapshots/&lt;name&gt;.verified.cs</c> beside the test file that asks for it.
/// </summary>
/// <remarks>
/// On a mismatch (or a missing snapshot) the actual text is written to
/// <c>&lt;name&gt;.received.cs</c> and the test fails, so the difference can be inspected and,
/// when intended, accepted by renaming the file or by re-running with
/// <see cref="AcceptEnvironmentVariable"/><c>=1</c>, which overwrites the verified file.
/// Line endings are normalised to <c>\n</c> on both sides.
/// </remarks>
public static class Snapshot
{
    /// <summary>Environment variable that, when set to <c>1</c>, accepts the actual text as the new snapshot.</summary>
    public const string AcceptEnvironmentVariable = "CASECONTRACTS_ACCEPT_SNAPSHOTS";

    /// <summary>Folder, beside the calling test file, that holds its snapshots.</summary>
    public const string SnapshotFolderName = "Snapshots";

    /// <summary>Suffix of the approved snapshot file.</summary>
    public const string VerifiedSuffix = ".verified.cs";

    /// <summary>Suffix of the file written when the actual text does not match.</summary>
    public const string ReceivedSuffix = ".received.cs";

    /// <summary>
    /// Compares <paramref name="actual"/> with <c>Snapshots/<paramref name="name"/>.verified.cs</c>
    /// in the directory of the calling source file.
    /// </summary>
    /// <param name="actual">The text produced by the code under test.</param>
    /// <param name="name">Snapshot name, unique per test file (for example the generated hint name).</param>
    /// <param name="callerFile">Filled in by the compiler; do not pass.</param>
    /// <exception cref="SnapshotMismatchException">The snapshot is missing or differs.</exception>
    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        string? callerDirectory = Path.GetDirectoryName(callerFile);
        if (string.IsNullOrEmpty(callerDirectory) || !Directory.Exists(callerDirectory))
        {
            throw new InvalidOperationException(
                $"Snapshot.Match cannot locate the calling test file '{callerFile}'. " +
                "The test project must be built with real source paths (DeterministicSourcePaths=false).");
        }

        MatchInDirectory(actual, name, Path.Combine(callerDirectory, SnapshotFolderName));
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with <c><paramref name="directory"/>/<paramref name="name"/>.verified.cs</c>.
    /// </summary>
    /// <param name="actual">The text produced by the code under test.</param>
    /// <param name="name">Snapshot name; may not contain directory separators.</param>
    /// <param name="directory">Directory holding the snapshot files; created on demand.</param>
    /// <param name="accept">
    /// Whether to accept <paramref name="actual"/> as the new verified snapshot;
    /// <see langword="null"/> reads <see cref="AcceptEnvironmentVariable"/>.
    /// </param>
    /// <exception cref="SnapshotMismatchException">The snapshot is missing or differs (and is not being accepted).</exception>
    public static void MatchInDirectory(string actual, string name, string directory, bool? accept = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (name.IndexOfAny(new[] { '/', '\\' }) >= 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"Snapshot name '{name}' must be a plain file name.", nameof(name));
        }

        string verifiedPath = Path.Combine(directory, name + VerifiedSuffix);
        string receivedPath = Path.Combine(directory, name + ReceivedSuffix);
        string normalizedActual = NormalizeLineEndings(actual);
        bool acceptChanges = accept ?? IsAcceptRequestedByEnvironment();

        string? verified = File.Exists(verifiedPath)
            ? NormalizeLineEndings(File.ReadAllText(verifiedPath))
            : null;

        if (verified is not null && string.Equals(verified, normalizedActual, StringComparison.Ordinal))
        {
            DeleteIfExists(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        if (acceptChanges)
        {
            WriteText(verifiedPath, normalizedActual);
            DeleteIfExists(receivedPath);
            return;
        }

        WriteText(receivedPath, normalizedActual);
        throw new SnapshotMismatchException(verified is null
            ? DescribeMissing(name, verifiedPath, receivedPath, normalizedActual)
            : DescribeMismatch(name, verifiedPath, receivedPath, verified, normalizedActual));
    }

    /// <summary>Replaces <c>\r\n</c> and lone <c>\r</c> with <c>\n</c>.</summary>
    public static string NormalizeLineEndings(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static bool IsAcceptRequestedByEnvironment() =>
        Environment.GetEnvironmentVariable(AcceptEnvironmentVariable) == "1";

    private static void WriteText(string path, string text) =>
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static string DescribeMissing(string name, string verifiedPath, string receivedPath, string actual) =>
        new StringBuilder()
            .AppendLine($"Snapshot '{name}' has no verified file.")
            .AppendLine($"  expected: {verifiedPath}")
            .AppendLine($"  received: {receivedPath}")
            .AppendLine($"Review the received file and rename it to {VerifiedSuffix}, or re-run with {AcceptEnvironmentVariable}=1.")
            .AppendLine("--- received ---")
            .Append(actual)
            .ToString();

    private static string DescribeMismatch(string name, string verifiedPath, string receivedPath, string verified, string actual)
    {
        string[] verifiedLines = verified.Split('\n');
        string[] actualLines = actual.Split('\n');
        int firstDifference = 0;
        while (firstDifference < verifiedLines.Length
               && firstDifference < actualLines.Length
               && string.Equals(verifiedLines[firstDifference], actualLines[firstDifference], StringComparison.Ordinal))
        {
            firstDifference++;
        }

        return new StringBuilder()
            .AppendLine($"Snapshot '{name}' does not match {verifiedPath}")
            .AppendLine($"  received written to {receivedPath}")
            .AppendLine($"First difference at line {firstDifference + 1}:")
            .AppendLine($"  verified: {DescribeLine(verifiedLines, firstDifference)}")
            .AppendLine($"  received: {DescribeLine(actualLines, firstDifference)}")
            .AppendLine($"Accept intended changes by re-running with {AcceptEnvironmentVariable}=1.")
            .AppendLine("--- verified ---")
            .AppendLine(verified)
            .AppendLine("--- received ---")
            .Append(actual)
            .ToString();
    }

    private static string DescribeLine(string[] lines, int index) =>
        index < lines.Length ? "\"" + lines[index] + "\"" : "<end of text>";
}
