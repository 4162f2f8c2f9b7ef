using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// <c>PATCH /api/cases</c>, generated from schema/cases.openapi.json, as docs/kibana-lifecycle-facts.md says: unknown ids
/// first (404), then stale versions (409, nothing written), then nothing to change (406, tags as sets); only the cases
/// that change are written and returned; closing sets <c>closed_at</c>/<c>closed_by</c>, reopening clears them.
/// </summary>
public sealed class UpdateCasesTests : IDisposable
{
    private readonly CaseServerFactory _server = new();
    private readonly HttpClient _client;

    public UpdateCasesTests() => _client = _server.ClientFor();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_changed_title_answers_the_case_as_stored_with_a_new_version_who_and_when_and_no_comments()
    {
        var created = await _client.CreateCaseAsync();
        await _client.SendJsonAsync(HttpMethod.Post, $"/api/cases/{Id(created)}/comments", """{"type":"user","comment":"c"}""");
        var current = await GetAsync(Id(created));

        var (status, updated) = await PatchAsync(Update(current, "\"title\":\"renamed\""));

        Assert.Equal(200, status);
        var only = updated.EnumerateArray().Single();
        Assert.Equal(("renamed", Id(created)), (only.GetProperty("title").GetString(), only.GetProperty("id").GetString()));
        Assert.NotEqual(current.GetProperty("version").GetString(), only.GetProperty("version").GetString());
        Assert.Equal("elastic", only.GetProperty("updated_by").GetProperty("username").GetString());
        Assert.Equal(JsonValueKind.String, only.GetProperty("updated_at").ValueKind);
        Assert.Equal((0, 0), (only.GetProperty("comments").GetArrayLength(), only.GetProperty("totalComment").GetInt32()));
        Assert.Equal("renamed", (await GetAsync(Id(created))).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_ids_are_404_first_listing_them_even_when_another_version_is_stale()
    {
        var created = await _client.CreateCaseAsync();

        var (status, body) = await PatchAsync($$"""{"cases":[{"id":"{{Id(created)}}","version":"stale","title":"x"},{"id":"ghost-1","version":"v","title":"x"},{"id":"ghost-2","version":"v","title":"x"}]}""");

        Assert.Equal(404, status);
        Assert.Equal("These cases ghost-1, ghost-2 do not exist. Please check you have the correct ids.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task One_stale_version_is_409_and_writes_no_case_of_the_request()
    {
        var (first, second) = (await _client.CreateCaseAsync(), await _client.CreateCaseAsync());

        var (status, body) = await PatchAsync($$"""{"cases":[{{Item(first, "\"title\":\"new\"")}},{"id":"{{Id(second)}}","version":"WzEsMV0=x","title":"new"}]}""");

        Assert.Equal(409, status);
        Assert.Equal($"These cases {Id(second)} has been updated. Please refresh before saving additional updates.", body.GetProperty("message").GetString());
        Assert.Equal(first.GetProperty("title").GetString(), (await GetAsync(Id(first))).GetProperty("title").GetString());
        Assert.Equal(first.GetProperty("version").GetString(), (await GetAsync(Id(first))).GetProperty("version").GetString());
    }

    [Fact]
    public async Task Nothing_to_change_is_406_reordered_tags_included()
    {
        var created = await _client.CreateCaseAsync(change: body => body["tags"] = new System.Text.Json.Nodes.JsonArray("a", "b"));

        var (sameTitle, body) = await PatchAsync(Update(created, $"\"title\":{JsonSerializer.Serialize(created.GetProperty("title").GetString())}"));
        var (reordered, _) = await PatchAsync(Update(created, "\"tags\":[\"b\",\"a\"]"));

        Assert.Equal(406, sameTitle);
        Assert.Equal("All update fields are identical to current version.", body.GetProperty("message").GetString());
        Assert.Equal(406, reordered);
    }

    [Fact]
    public async Task Only_the_cases_that_change_are_written_and_returned()
    {
        var (changing, unchanged) = (await _client.CreateCaseAsync(), await _client.CreateCaseAsync());

        var (status, updated) = await PatchAsync($$"""{"cases":[{{Item(changing, "\"description\":\"new\"")}},{{Item(unchanged, $"\"description\":{JsonSerializer.Serialize(unchanged.GetProperty("description").GetString())}")}}]}""");

        Assert.Equal(200, status);
        Assert.Equal([Id(changing)], updated.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(unchanged.GetProperty("version").GetString(), (await GetAsync(Id(unchanged))).GetProperty("version").GetString());
    }

    [Fact]
    public async Task Closing_sets_closed_at_and_closed_by_and_reopening_clears_them()
    {
        var created = await _client.CreateCaseAsync();

        var (_, closed) = await PatchAsync(Update(created, "\"status\":\"closed\""));
        var closedCase = closed[0];
        var (_, reopened) = await PatchAsync(Update(closedCase, "\"status\":\"in-progress\""));

        Assert.Equal("closed", closedCase.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, closedCase.GetProperty("closed_at").ValueKind);
        Assert.Equal("elastic", closedCase.GetProperty("closed_by").GetProperty("username").GetString());
        Assert.Equal("in-progress", reopened[0].GetProperty("status").GetString());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (reopened[0].GetProperty("closed_at").ValueKind, reopened[0].GetProperty("closed_by").ValueKind));
    }

    [Theory]
    [InlineData("\"owner\":\"x\"")]
    [InlineData("\"status\":\"done\"")]
    [InlineData("\"title\":5")]
    public async Task An_unknown_key_or_a_value_the_schema_refuses_is_400(string field)
    {
        var created = await _client.CreateCaseAsync();

        var (status, body) = await PatchAsync(Update(created, field));

        Assert.Equal(400, status);
        Assert.Equal("Bad Request", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_update_without_kbn_xsrf_is_400_and_writes_nothing()
    {
        var created = await _client.CreateCaseAsync();

        var (status, body) = await (await _client.SendJsonAsync(HttpMethod.Patch, "/api/cases", Update(created, "\"title\":\"new\""), xsrf: false)).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal("Request must contain a kbn-xsrf header.", body.GetProperty("message").GetString());
        Assert.Equal(created.GetProperty("title").GetString(), (await GetAsync(Id(created))).GetProperty("title").GetString());
    }

    private async Task<(int Status, JsonElement Body)> PatchAsync(string body)
        => await (await _client.SendJsonAsync(HttpMethod.Patch, "/api/cases", body)).ReadAsync();

    private async Task<JsonElement> GetAsync(string id)
        => (await (await _client.GetAsync($"/api/cases/{id}")).ReadAsync()).Body;

    private static string Update(JsonElement current, string fields) => $$"""{"cases":[{{Item(current, fields)}}]}""";

    private static string Item(JsonElement current, string fields)
        => $$"""{"id":"{{Id(current)}}","version":"{{current.GetProperty("version").GetString()}}",{{fields}}}""";

    private static string Id(JsonElement created) => created.GetProperty("id").GetString()!;
}
