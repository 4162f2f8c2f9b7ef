using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CaseServer.Tests;

/// <summary>
/// Optimistic concurrency as clients meet it: many PATCH one case with the versions they read, and the versions
/// decide (on the store of the run: SQLite, or PostgreSQL in the suite's second run).
/// </summary>
public sealed class ConcurrentUpdateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sixteen_clients_patching_one_case_with_the_versions_they_read_get_200_or_409_and_the_last_acknowledged_write_stays()
    {
        using var server = new CaseServerFactory();
        using var creator = server.ClientFor();
        var (_, created) = await creator.CreateAsync(Requests.Example("none"));
        var id = created.GetProperty("id").GetString()!;
        var acknowledged = new ConcurrentBag<JsonElement>();
        var statuses = new ConcurrentBag<int>();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(client => Task.Run(async () =>
        {
            using var http = server.ClientFor();
            for (var round = 0; round < 5; round++)
            {
                var (_, current) = await (await http.GetAsync("/api/cases/" + id)).ReadAsync();
                var (status, answer) = await MixedWriteLoad.PatchTitleAsync(http, id, current.GetProperty("version").GetString()!, $"client {client} round {round}");
                statuses.Add(status);
                if (status == 200)
                {
                    acknowledged.Add(answer[0]);
                }
            }
        })));

        var (_, final) = await (await creator.GetAsync("/api/cases/" + id)).ReadAsync();
        var versions = acknowledged.Select(a => a.GetProperty("version").GetString()!).ToList();
        var last = acknowledged.MaxBy(a => CaseVersions.Sequence(a.GetProperty("version").GetString()!))!;
        output.WriteLine($"16 clients x 5 rounds: {acknowledged.Count} acknowledged, {statuses.Count(s => s == 409)} conflicts");
        Assert.All(statuses, s => Assert.True(s is 200 or 409, $"answered {s}"));
        Assert.Equal(acknowledged.Count, versions.Distinct().Count());
        // The database's write sequence moved once per acknowledged patch and never for a refused one (nothing else writes here).
        Assert.Equal(acknowledged.Count, CaseVersions.Sequence(final.GetProperty("version").GetString()!) - CaseVersions.Sequence(created.GetProperty("version").GetString()!));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(last.GetRawText()), JsonNode.Parse(final.GetRawText())), $"final {final.GetRawText()}\nlast acknowledged {last.GetRawText()}");
    }
}
