using System;
using System.IO;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.InfrastructureTests;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "casecontracts-snapshot-tests", Guid.NewGuid().ToString("N"));

    private string VerifiedPath(string name) => Path.Combine(_directory, name + Snapshot.VerifiedSuffix);

    private string ReceivedPath(string name) => Path.Combine(_directory, name + Snapshot.ReceivedSuffix);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Missing_verified_file_writes_received_and_fails()
    {
        SnapshotMismatchException failure = Assert.Throws<SnapshotMismatchException>(
            () => Snapshot.MatchInDirectory("class A { }\n", "Missing", _directory, accept: false));

        Assert.Contains("has no verified file", failure.Message);
        Assert.Equal("class A { }\n", File.ReadAllText(ReceivedPath("Missing")));
        Assert.False(File.Exists(VerifiedPath("Missing")));
    }

    [Fact]
    public void Mismatch_writes_received_and_reports_first_differing_line_and_both_versions()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(VerifiedPath("Changed"), "line one\nline two\nline three\n");

        SnapshotMismatchException failure = Assert.Throws<SnapshotMismatchException>(
            () => Snapshot.MatchInDirectory("line one\nline 2\nline three\n", "Changed", _directory, accept: false));

        Assert.Contains("First difference at line 2:", failure.Message);
        Assert.Contains("verified: \"line two\"", failure.Message);
        Assert.Contains("received: \"line 2\"", failure.Message);
        Assert.Contains("--- verified ---", failure.Message);
        Assert.Contains("--- received ---", failure.Message);
        Assert.Equal("line one\nline 2\nline three\n", File.ReadAllText(ReceivedPath("Changed")));
        Assert.Equal("line one\nline two\nline three\n", File.ReadAllText(VerifiedPath("Changed")));
    }

    [Fact]
    public void Extra_trailing_line_is_reported_as_a_difference_at_end_of_text()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(VerifiedPath("Longer"), "a\nb");

        SnapshotMismatchException failure = Assert.Throws<SnapshotMismatchException>(
            () => Snapshot.MatchInDirectory("a\nb\nc", "Longer", _directory, accept: false));

        Assert.Contains("First difference at line 3:", failure.Message);
        Assert.Contains("verified: <end of text>", failure.Message);
    }

    [Fact]
    public void Match_ignores_line_ending_style_and_deletes_stale_received_file()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(VerifiedPath("Same"), "a\r\nb\r\n");
        File.WriteAllText(ReceivedPath("Same"), "stale");

        Snapshot.MatchInDirectory("a\nb\n", "Same", _directory, accept: false);

        Assert.False(File.Exists(ReceivedPath("Same")));
    }

    [Fact]
    public void Accepting_overwrites_verified_file_with_normalized_text_and_passes()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(VerifiedPath("Accepted"), "old\n");
        File.WriteAllText(ReceivedPath("Accepted"), "old received");

        Snapshot.MatchInDirectory("new\r\ntext\n", "Accepted", _directory, accept: true);

        Assert.Equal("new\ntext\n", File.ReadAllText(VerifiedPath("Accepted")));
        Assert.False(File.Exists(ReceivedPath("Accepted")));
    }

    [Fact]
    public void Names_with_directory_separators_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Snapshot.MatchInDirectory("x", "../escape", _directory, accept: false));
    }

    [Fact]
    public void Match_finds_the_Snapshots_folder_beside_the_calling_test_file()
    {
        Snapshot.Match("// Snapshot beside SnapshotTests.cs\nnamespace Example;\n", "SnapshotTests_CallerDirectory");
    }
}
