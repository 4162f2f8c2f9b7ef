using System;
using System.IO;
using System.Linq;
using CaseContracts.Contract;
using Xunit;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>
/// The request bodies of the load test (tests/CaseContracts.LoadServers/bodies, posted by build/load.sh)
/// mean what their names say. The load test compares each contender's status with that name, so a
/// probe whose name lied would blame (or clear) a contender for the wrong reason.
/// </summary>
public sealed class LoadTestBodiesTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "LoadTestBodies");

    public static TheoryData<string> Probes() => new(ProbeNames());

    [Theory]
    [MemberData(nameof(Probes))]
    public void Probe_named_valid_or_invalid_gets_that_verdict(string probe)
    {
        var result = CreateCaseRequest.TryParse(File.ReadAllBytes(Path.Combine(Directory, "probes", probe)));

        Assert.True(probe.StartsWith("valid-", StringComparison.Ordinal) || probe.StartsWith("invalid-", StringComparison.Ordinal), probe);
        Assert.Equal(probe.StartsWith("valid-", StringComparison.Ordinal), result.IsValid);
    }

    [Fact]
    public void Probes_cover_both_verdicts()
    {
        var names = ProbeNames();

        Assert.Contains(names, n => n.StartsWith("valid-", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("invalid-", StringComparison.Ordinal));
    }

    [Fact]
    public void Posted_body_is_the_API_page_example_and_valid()
    {
        var posted = CreateCaseRequest.TryParse(File.ReadAllBytes(Path.Combine(Directory, "api-page-example.json")));
        var page = CreateCaseRequest.TryParse(RequestFiles.Read("api-page-example.json").Utf8());

        Assert.True(posted.IsValid);
        Assert.Equal(page.Value, posted.Value);
    }

    private static string[] ProbeNames()
        => System.IO.Directory.GetFiles(Path.Combine(Directory, "probes"), "*.json").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToArray();
}
