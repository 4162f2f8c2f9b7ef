using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// <c>DELETE /api/cases?ids=["id1","id2"]</c>, generated from schema/cases.openapi.json (a JSON-encoded query
/// parameter): 204 without a body, the cases' comments deleted with them, an unknown id 404 with nothing deleted.
/// </summary>
public sealed class DeleteCasesTests : IDisposable
{
    private readonly CaseServerFactory _server = new();
    private readonly HttpClient _client;

    public DeleteCasesTests() => _client = _server.ClientFor();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Deleting_cases_is_204_without_a_body_and_deletes_their_comments()
    {
        var (first, second, kept) = (await _client.CreateCaseAsync(), await _client.CreateCaseAsync(), await _client.CreateCaseAsync());
        var (_, commented) = await (await _client.SendJsonAsync(HttpMethod.Post, $"/api/cases/{Id(first)}/comments", """{"type":"user","comment":"c"}""")).ReadAsync();
        var commentId = commented.GetProperty("comments")[0].GetProperty("id").GetString();

        var (status, body) = await DeleteAsync($"[\"{Id(first)}\",\"{Id(second)}\"]");

        Assert.Equal((204, (JsonElement?)null), (status, body));
        Assert.Equal(404, (int)(await _client.GetAsync($"/api/cases/{Id(first)}")).StatusCode);
        Assert.Equal(404, (int)(await _client.GetAsync($"/api/cases/{Id(second)}")).StatusCode);
        Assert.Equal(404, (int)(await _client.GetAsync($"/api/cases/{Id(first)}/comments/{commentId}")).StatusCode);
        Assert.Equal(200, (int)(await _client.GetAsync($"/api/cases/{Id(kept)}")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_id_is_404_and_deletes_nothing()
    {
        var created = await _client.CreateCaseAsync();

        var (status, body) = await DeleteAsync($"[\"{Id(created)}\",\"ghost\"]");

        Assert.Equal(404, status);
        Assert.Contains("ghost", body!.Value.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, (int)(await _client.GetAsync($"/api/cases/{Id(created)}")).StatusCode);
    }

    [Theory]
    [InlineData("?ids=notjson")]
    [InlineData("?ids=[]")]
    [InlineData("?ids=[1]")]
    [InlineData("")]
    public async Task Ids_that_are_missing_not_json_empty_or_not_strings_are_400(string query)
    {
        var (status, body) = await (await _client.SendJsonAsync(HttpMethod.Delete, "/api/cases" + query)).ReadMaybeAsync();

        Assert.Equal(400, status);
        Assert.Contains("ids", body!.Value.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delete_without_kbn_xsrf_is_400_and_deletes_nothing()
    {
        var created = await _client.CreateCaseAsync();

        var (status, body) = await (await _client.SendJsonAsync(HttpMethod.Delete, "/api/cases?ids=" + Uri.EscapeDataString($"[\"{Id(created)}\"]"), xsrf: false)).ReadMaybeAsync();

        Assert.Equal(400, status);
        Assert.Equal("Request must contain a kbn-xsrf header.", body!.Value.GetProperty("message").GetString());
        Assert.Equal(200, (int)(await _client.GetAsync($"/api/cases/{Id(created)}")).StatusCode);
    }

    private async Task<(int Status, JsonElement? Body)> DeleteAsync(string idsJson)
        => await (await _client.SendJsonAsync(HttpMethod.Delete, "/api/cases?ids=" + Uri.EscapeDataString(idsJson))).ReadMaybeAsync();

    private static string Id(JsonElement created) => created.GetProperty("id").GetString()!;
}
