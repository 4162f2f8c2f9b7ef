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

namespace CaseServer.Tests.Infrastructure;

/// <summary>
/// Clients creating, patching and commenting on cases over HTTP until told to stop (a crash test kills a server
/// meanwhile), and a ledger of every write a server acknowledged: each case's last acknowledged version and title,
/// its acknowledged comments, every version and id handed out. Each client writes only its own cases, one request
/// at a time, so at most one write per case is in flight when a server dies.
/// </summary>
public sealed class MixedWriteLoad
{
    private readonly ConcurrentDictionary<string, CaseLedger> _cases = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _versions = [];
    private readonly ConcurrentBag<int> _serverErrors = [];
    private int _acknowledged;
    private int _idsGivenTwice;

    /// <summary>How many writes were acknowledged so far.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>How many cases were acknowledged as created.</summary>
    public int CasesCreated => _cases.Count;

    /// <summary>5xx answers the servers gave (none is expected: a dying server answers nothing).</summary>
    public IReadOnlyCollection<int> ServerErrors => _serverErrors;

    /// <summary>
    /// Runs <paramref name="clients"/> clients, client <c>n</c> on <c>servers[n % servers.Count]</c>, until
    /// <paramref name="stop"/> is cancelled. A request that fails because its server died ends that client.
    /// </summary>
    public Task RunAsync(IReadOnlyList<Func<HttpClient>> servers, int clients, CancellationToken stop)
        => Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(() => RunClientAsync(servers[client % servers.Count], client, stop))));

    /// <summary>Reads every case of the ledger through <paramref name="reader"/>; what is missing or older than acknowledged.</summary>
    public async Task<IReadOnlyList<string>> FindLostWritesAsync(HttpClient reader)
    {
        var lost = new List<string>();
        foreach (var (id, expected) in _cases)
        {
            var (status, stored) = await (await reader.GetAsync("/api/cases/" + id)).ReadAsync();
            if (status != 200)
            {
                lost.Add($"case {id}: {status}");
                continue;
            }

            // The last acknowledged write, or one more that committed as the server died, unacknowledged.
            var version = stored.GetProperty("version").GetString()!;
            if (version != expected.Version && CaseVersions.Sequence(version) < CaseVersions.Sequence(expected.Version))
            {
                lost.Add($"case {id}: version {version}, acknowledged {expected.Version}");
            }
            else if (version == expected.Version && stored.GetProperty("title").GetString() != expected.Title)
            {
                lost.Add($"case {id}: title '{stored.GetProperty("title").GetString()}', acknowledged '{expected.Title}'");
            }

            var comments = stored.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToHashSet();
            lost.AddRange(expected.Comments.Where(c => !comments.Contains(c)).Select(c => $"case {id}: comment {c}"));
        }

        return lost;
    }

    /// <summary>Versions or ids handed out twice (none is expected).</summary>
    public int GivenTwice => _versions.Count - _versions.Distinct().Count() + Volatile.Read(ref _idsGivenTwice);

    private async Task RunClientAsync(Func<HttpClient> server, int client, CancellationToken stop)
    {
        using var http = server();
        string? id = null;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                if (id is null || n % 3 == 0)
                {
                    var title = $"client {client} case {n}";
                    var (status, body) = await http.CreateAsync(Body(title));
                    Count(status);
                    if (status == 200)
                    {
                        id = body.GetProperty("id").GetString()!;
                        if (!_cases.TryAdd(id, new CaseLedger(body.GetProperty("version").GetString()!, title)))
                        {
                            Interlocked.Increment(ref _idsGivenTwice);
                        }

                        Acknowledge(body.GetProperty("version").GetString()!);
                    }
                }
                else if (n % 3 == 1)
                {
                    var title = $"client {client} patch {n}";
                    var (status, body) = await PatchTitleAsync(http, id, _cases[id].Version, title);
                    Count(status);
                    if (status == 200)
                    {
                        var version = body[0].GetProperty("version").GetString()!;
                        _cases[id] = _cases[id] with { Version = version, Title = title };
                        Acknowledge(version);
                    }
                }
                else
                {
                    var comment = $"client {client} comment {n}";
                    var (status, body) = await AddCommentAsync(http, id, comment);
                    Count(status);
                    if (status == 200)
                    {
                        var version = body.GetProperty("version").GetString()!;
                        var added = body.GetProperty("comments").EnumerateArray().Last(c => c.GetProperty("comment").GetString() == comment);
                        _cases[id].Comments.Add(added.GetProperty("id").GetString()!);
                        _cases[id] = _cases[id] with { Version = version };
                        Acknowledge(version);
                    }
                }
            }
            catch (Exception e) when (stop.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                // The server died under this request: it was never acknowledged.
                return;
            }
        }
    }

    private void Count(int status)
    {
        if (status >= 500)
        {
            _serverErrors.Add(status);
        }
    }

    private void Acknowledge(string version)
    {
        _versions.Add(version);
        Interlocked.Increment(ref _acknowledged);
    }

    /// <summary><c>PATCH /api/cases</c> changing one case's title, with the version given.</summary>
    public static Task<(int Status, JsonElement Body)> PatchTitleAsync(HttpClient client, string id, string version, string title)
        => SendAsync(client, HttpMethod.Patch, "/api/cases", new JsonObject { ["cases"] = new JsonArray(new JsonObject { ["id"] = id, ["version"] = version, ["title"] = title }) });

    /// <summary><c>POST /api/cases/{id}/comments</c> with a user comment.</summary>
    public static Task<(int Status, JsonElement Body)> AddCommentAsync(HttpClient client, string id, string comment)
        => SendAsync(client, HttpMethod.Post, $"/api/cases/{id}/comments", new JsonObject { ["type"] = "user", ["comment"] = comment });

    private static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, JsonObject body)
        => await (await client.SendJsonAsync(method, path, body.ToJsonString())).ReadAsync();

    private static string Body(string title)
    {
        var request = JsonNode.Parse(Requests.Example("jira"))!.AsObject();
        request["title"] = title;
        return request.ToJsonString();
    }

    private sealed record CaseLedger(string Version, string Title)
    {
        public ConcurrentBag<string> Comments { get; } = [];
    }
}

/// <summary>CaseServer's versions: opaque to clients, but they carry the database's write sequence (base64 of <c>[n,1]</c>).</summary>
public static class CaseVersions
{
    /// <summary>The write sequence number <paramref name="version"/> carries.</summary>
    public static long Sequence(string version)
        => long.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(version)).Trim('[', ']').Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
}
