using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
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
        var last = acknowledged.MaxBy(c => Sequence(c.GetProperty("version").GetString()!));
        output.WriteLine($"16 clients x 5 rounds over 3 hosts: {acknowledged.Count} acknowledged, {conflicts} conflicts");
        Assert.Empty(others);
        Assert.Equal(80, acknowledged.Count + conflicts);
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.GetProperty("version").GetString()).Distinct().Count());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(last.GetRawText()), JsonNode.Parse(final.GetRawText())), $"final {final.GetRawText()}\nlast acknowledged {last.GetRawText()}");
    }

    [Fact]
    public async Task A_host_killed_under_mixed_load_loses_no_acknowledged_write_and_no_id_or_version_is_given_twice()
    {
        const int Clients = 16;
        const int AcknowledgedBeforeKill = 150;
        var victim = _hosts[0];
        var ledger = new WriteLedger();
        using var killed = new CancellationTokenSource();

        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            // Each client writes its own cases one request at a time, so at most one write per case is in flight.
            using var http = _hosts[client % _hosts.Count].CreateClient();
            string? id = null;
            string? version = null;
            for (var n = 0; !killed.IsCancellationRequested; n++)
            {
                try
                {
                    if (id is null || n % 3 == 0)
                    {
                        var title = $"client {client} case {n}";
                        var (status, body) = await http.CreateAsync(CaseTitled(title, "mixed"));
                        if (status == 200)
                        {
                            (id, version) = (body.GetProperty("id").GetString()!, body.GetProperty("version").GetString()!);
                            ledger.Created(id, version, title);
                        }
                    }
                    else if (n % 3 == 1)
                    {
                        var title = $"client {client} patch {n}";
                        var (status, body) = await PatchTitleAsync(http, id, version!, title);
                        if (status == 200)
                        {
                            version = body[0].GetProperty("version").GetString()!;
                            ledger.Patched(id, version, title);
                        }
                    }
                    else
                    {
                        var comment = $"client {client} comment {n}";
                        var (status, body) = await CommentAsync(http, id, comment);
                        if (status == 200)
                        {
                            version = body.GetProperty("version").GetString()!;
                            var added = body.GetProperty("comments").EnumerateArray().Last(c => c.GetProperty("comment").GetString() == comment);
                            ledger.Commented(id, version, added.GetProperty("id").GetString()!);
                        }
                    }
                }
                catch (Exception e) when (killed.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    // The host died under this request: it was never acknowledged.
                    return;
                }
            }
        })).ToArray();

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (ledger.Count < AcknowledgedBeforeKill && DateTime.UtcNow < deadline && !clients.Any(c => c.IsFaulted))
        {
            await Task.Delay(20);
        }

        await killed.CancelAsync();
        victim.Kill();
        await Task.WhenAll(clients);

        using var survivor = _hosts[1].CreateClient();
        var missing = new List<string>();
        foreach (var (id, expected) in ledger.Cases)
        {
            var (status, stored) = await (await survivor.GetAsync("/api/cases/" + id)).ReadAsync();
            if (status != 200)
            {
                missing.Add($"case {id}: {status}");
                continue;
            }

            // The last acknowledged write, or one more that committed as the host died, unacknowledged.
            var storedVersion = stored.GetProperty("version").GetString()!;
            if (storedVersion != expected.Version && !IsLater(storedVersion, expected.Version))
            {
                missing.Add($"case {id}: version {storedVersion}, acknowledged {expected.Version}");
            }
            else if (storedVersion == expected.Version && stored.GetProperty("title").GetString() != expected.Title)
            {
                missing.Add($"case {id}: title '{stored.GetProperty("title").GetString()}', acknowledged '{expected.Title}'");
            }

            var storedComments = stored.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToHashSet();
            missing.AddRange(expected.Comments.Where(c => !storedComments.Contains(c)).Select(c => $"case {id}: comment {c}"));
        }

        output.WriteLine($"{Clients} clients over 3 hosts, one killed after {ledger.Count} acknowledged writes ({ledger.Cases.Count} cases); missing: {missing.Count}");
        Assert.True(ledger.Count >= AcknowledgedBeforeKill, $"only {ledger.Count} writes were acknowledged before the deadline");
        Assert.Empty(missing);
        Assert.Equal(ledger.Versions.Count, ledger.Versions.Distinct().Count());
        Assert.Equal(0, ledger.IdsGivenTwice);
    }

    private static string CaseTitled(string title, string tag)
    {
        var request = JsonNode.Parse(Requests.Example("none"))!.AsObject();
        request["title"] = title;
        request["tags"] = new JsonArray(tag);
        return request.ToJsonString();
    }

    private static async Task<(int Status, JsonElement Body)> PatchTitleAsync(HttpClient client, string id, string version, string title)
    {
        var body = new JsonObject { ["cases"] = new JsonArray(new JsonObject { ["id"] = id, ["version"] = version, ["title"] = title }) };
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/cases") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("kbn-xsrf", "true");
        return await (await client.SendAsync(request)).ReadAsync();
    }

    private static async Task<(int Status, JsonElement Body)> CommentAsync(HttpClient client, string id, string comment)
    {
        var body = new JsonObject { ["type"] = "user", ["comment"] = comment };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/comments") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("kbn-xsrf", "true");
        return await (await client.SendAsync(request)).ReadAsync();
    }

    // Versions are opaque to clients but CaseServer's carry the database's write sequence: base64 of "[n,1]".
    private static long Sequence(string version)
        => long.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(version)).Trim('[', ']').Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsLater(string version, string than) => Sequence(version) > Sequence(than);

    /// <summary>What the hosts acknowledged, per case: its last version and title, and its comments.</summary>
    private sealed class WriteLedger
    {
        private readonly ConcurrentDictionary<string, (string Version, string Title, ConcurrentBag<string> Comments)> _cases = new();
        private readonly ConcurrentBag<string> _versions = [];
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public IReadOnlyList<string> Versions => [.. _versions];

        public IReadOnlyList<(string Id, (string Version, string Title, IReadOnlyCollection<string> Comments) Expected)> Cases
            => [.. _cases.Select(c => (c.Key, (c.Value.Version, c.Value.Title, (IReadOnlyCollection<string>)[.. c.Value.Comments])))];

        private int _idsGivenTwice;

        public int IdsGivenTwice => Volatile.Read(ref _idsGivenTwice);

        public void Created(string id, string version, string title)
        {
            if (_cases.ContainsKey(id))
            {
                Interlocked.Increment(ref _idsGivenTwice);
            }

            Record(id, version, _ => (version, title, []));
        }

        public void Patched(string id, string version, string title) => Record(id, version, c => (version, title, c.Comments));

        public void Commented(string id, string version, string commentId)
            => Record(id, version, c =>
            {
                c.Comments.Add(commentId);
                return (version, c.Title, c.Comments);
            });

        private void Record(string id, string version, Func<(string Version, string Title, ConcurrentBag<string> Comments), (string, string, ConcurrentBag<string>)> change)
        {
            _cases.AddOrUpdate(id, _ => change((version, string.Empty, [])), (_, current) => change(current));
            _versions.Add(version);
            Interlocked.Increment(ref _count);
        }
    }
}
