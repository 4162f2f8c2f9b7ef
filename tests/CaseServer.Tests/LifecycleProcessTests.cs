using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// A case's whole life against a real process started the README's way, over a real socket: create, comment, find by
/// tag, close with PATCH (then a stale PATCH 409), tags, reporters and status counts, a bad query value 400, delete with
/// <c>ids=[…]</c> (204) and the case gone — what the in-memory tests check per rule, once end to end.
/// </summary>
public sealed class LifecycleProcessTests
{
    [Fact]
    public async Task A_case_lives_its_whole_life_over_a_real_socket()
    {
        using var directory = new TemporaryDirectory();
        await using var server = await ServerProcess.StartAsync(directory.File("cases.db"));
        using var client = server.CreateClient();

        var created = await client.CreateCaseAsync(change: body => body["tags"] = new System.Text.Json.Nodes.JsonArray("process-tag"));
        var id = created.GetProperty("id").GetString()!;

        var (commentStatus, commented) = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/comments", """{"type":"user","comment":"seen"}""")).ReadAsync();
        Assert.Equal(200, commentStatus);
        Assert.Equal(1, commented.GetProperty("totalComment").GetInt32());

        var (findStatus, page) = await (await client.GetAsync("/api/cases/_find?tags=process-tag")).ReadAsync();
        Assert.Equal(200, findStatus);
        Assert.Equal([id], page.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(1, page.GetProperty("cases")[0].GetProperty("totalComment").GetInt32());

        var close = $$"""{"cases":[{"id":"{{id}}","version":"{{commented.GetProperty("version").GetString()}}","status":"closed"}]}""";
        var (closeStatus, closed) = await (await client.SendJsonAsync(HttpMethod.Patch, "/api/cases", close)).ReadAsync();
        var (staleStatus, stale) = await (await client.SendJsonAsync(HttpMethod.Patch, "/api/cases", close)).ReadAsync();
        Assert.Equal(200, closeStatus);
        Assert.Equal("elastic", closed[0].GetProperty("closed_by").GetProperty("username").GetString());
        Assert.Equal(409, staleStatus);
        Assert.Equal($"These cases {id} has been updated. Please refresh before saving additional updates.", stale.GetProperty("message").GetString());

        var (_, tags) = await (await client.GetAsync("/api/cases/tags")).ReadAsync();
        var (_, reporters) = await (await client.GetAsync("/api/cases/reporters")).ReadAsync();
        var (_, counts) = await (await client.GetAsync("/api/cases/status")).ReadAsync();
        Assert.Equal(["process-tag"], tags.EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["elastic"], reporters.EnumerateArray().Select(r => r.GetProperty("username").GetString()));
        Assert.Equal(1, counts.GetProperty("count_closed_cases").GetInt32());

        var (badStatus, _) = await (await client.GetAsync("/api/cases/_find?perPage=true")).ReadAsync();
        Assert.Equal(400, badStatus);

        var (deleteStatus, deleted) = await (await client.SendJsonAsync(HttpMethod.Delete, "/api/cases?ids=" + Uri.EscapeDataString($"[\"{id}\"]"))).ReadMaybeAsync();
        Assert.Equal((204, (JsonElement?)null), (deleteStatus, deleted));
        Assert.Equal(404, (int)(await client.GetAsync($"/api/cases/{id}")).StatusCode);
    }
}
