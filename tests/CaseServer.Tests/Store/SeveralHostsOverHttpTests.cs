using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CaseServer.Tests.Store;

/// <summary>
/// Three CaseServer processes on one PostgreSQL database, as a deployment behind a load balancer runs them:
/// started as the README says (<c>CaseServer:Store=postgres</c>, <c>ConnectionStrings:Cases</c>), spoken to only
/// over HTTP. What one host writes the others read, find and update; versions decide between concurrent writers;
/// a host killed mid-load loses nothing it acknowledged.
/// </summary>
[Trait(TestStore.Trait, TestStore.ChoosesItsOwn)]
[Collection(PostgresCollection.Name)]
public sealed class SeveralHostsOverHttpTests(PostgresCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<ServerProcess> _hosts = [];

    public async Task InitializeAsync()
    {
        var database = await cluster.CreateDatabaseAsync();
        // Started together, as a deployment starts them: the migration runs once, under its lock.
        _hosts.AddRange(await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServerProcess.StartOnPostgresAsync(database))));
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_case_created_on_one_host_is_read_found_and_patched_on_the_others()
    {
        using var first = _hosts[0].CreateClient();
        using var second = _hosts[1].CreateClient();
        using var third = _hosts[2].CreateClient();
        var (_, created) = await first.CreateAsync(CaseTitled("made on the first host", "shared-over-http"));
        var id = created.GetProperty("id").GetString()!;

        var (readStatus, read) = await (await second.GetAsync("/api/cases/" + id)).ReadAsync();
        var (findStatus, found) = await (await third.GetAsync("/api/cases/_find?tags=shared-over-http&search=first")).ReadAsync();
        var (patchStatus, patched) = await PatchTitleAsync(third, id, read.GetProperty("version").GetString()!, "patched on the third host");
        var (_, readBack) = await (await first.GetAsync("/api/cases/" + id)).ReadAsync();

        Assert.Equal((200, 200, 200), (readStatus, findStatus, patchStatus));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(created.GetRawText()), JsonNode.Parse(read.GetRawText())), read.GetRawText());
        Assert.Equal([id], found.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("patched on the third host", readBack.GetProperty("title").GetString());
        Assert.Equal(patched[0].GetProperty("version").GetString(), readBack.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Sixteen_clients_over_three_hosts_patching_one_case_with_the_versions_they_read_write_once_per_version()
    {
        using var creator = _hosts[0].CreateClient();
        var (_, created) = await creator.CreateAsync(CaseTitled("contended over http", "contended"));
        var id = created.GetProperty("id").GetString()!;
        var acknowledged = new ConcurrentBag<JsonElement>();
        var conflicts = 0;
        var others = new ConcurrentBag<int>();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(client => Task.Run(async () =>
        {
            using var http = _hosts[client % _hosts.Count].CreateClient();
            for (var round = 0; round < 5; round++)
            {
                var (_, current) = await (await http.GetAsync("/api/cases/" + id)).ReadAsync();
                var (status, answer) = await PatchTitleAsync(http, id, current.GetProperty("version").GetString()!, $"client {client} round {round}");
                if (status == 200)
                {
                    acknowledged.Add(answer[0]);
                }
                else if (status == 409)
                {
                    Interlocked.Increment(ref conflicts);
                }
                else
                {
                    others.Add(status);
                }
            }
        })));

        using var reader = _hosts[1].CreateClient();
        var (_, final) = await (await reader.GetAsync("/api/cases/" + id)).ReadAsync();
        var last = acknowledged.MaxBy(c => CaseVersions.Sequence(c.GetProperty("version").GetString()!));
        output.WriteLine($"16 clients x 5 rounds over 3 hosts: {acknowledged.Count} acknowledged, {conflicts} conflicts");
        Assert.Empty(others);
        Assert.Equal(80, acknowledged.Count + conflicts);
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.GetProperty("version").GetString()).Distinct().Count());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(last.GetRawText()), JsonNode.Parse(final.GetRawText())), $"final {final.GetRawText()}\nlast acknowledged {last.GetRawText()}");
    }

    [Fact]
    public async Task A_host_killed_under_mixed_load_loses_no_acknowledged_write_and_no_id_or_version_is_given_twice()
    {
        const int AcknowledgedBeforeKill = 150;
        var load = new MixedWriteLoad();
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync([.. _hosts.Select(h => (Func<HttpClient>)(() => h.CreateClient()))], clients: 16, stop.Token);

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (load.Acknowledged < AcknowledgedBeforeKill && DateTime.UtcNow < deadline && !running.IsCompleted)
        {
            await Task.Delay(20);
        }

        // The clients of the first host are mid-request: no shutdown, no flush, no warning.
        await stop.CancelAsync();
        _hosts[0].Kill();
        await running;

        using var survivor = _hosts[1].CreateClient();
        var lost = await load.FindLostWritesAsync(survivor);
        output.WriteLine($"16 clients over 3 hosts, one killed after {load.Acknowledged} acknowledged writes ({load.CasesCreated} cases); lost: {lost.Count}");
        Assert.True(load.Acknowledged >= AcknowledgedBeforeKill, $"only {load.Acknowledged} writes were acknowledged before the deadline");
        Assert.Empty(lost);
        Assert.Equal(0, load.GivenTwice);
        Assert.Empty(load.ServerErrors);
    }

    private static string CaseTitled(string title, string tag)
    {
        var request = JsonNode.Parse(Requests.Example("none"))!.AsObject();
        request["title"] = title;
        request["tags"] = new JsonArray(tag);
        return request.ToJsonString();
    }

    private static Task<(int Status, JsonElement Body)> PatchTitleAsync(HttpClient client, string id, string version, string title)
        => MixedWriteLoad.PatchTitleAsync(client, id, version, title);
}
