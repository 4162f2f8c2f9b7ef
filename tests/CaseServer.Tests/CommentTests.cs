using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// <c>/api/cases/{case_id}/comments</c> and <c>/api/cases/{case_id}/comments/{comment_id}</c>, generated from
/// schema/cases.openapi.json, as docs/kibana-lifecycle-facts.md says: a comment bumps its case's version, stale
/// versions and type changes are refused in Kibana's words, a comment through the wrong case is 404, deletes are 204.
/// </summary>
public sealed class CommentTests : IDisposable
{
    private readonly CaseServerFactory _server = new CaseServerFactory();
    private readonly HttpClient _client;

    public CommentTests() => _client = _server.ClientFor();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Adding_a_comment_answers_the_case_with_it_and_a_new_version_who_and_when()
    {
        var created = await _client.CreateCaseAsync();

        var (status, updated) = await AddAsync(Id(created), "first");

        Assert.Equal(200, status);
        Assert.Equal(1, updated.GetProperty("totalComment").GetInt32());
        var comment = updated.GetProperty("comments").EnumerateArray().Single();
        Assert.Equal(("first", "user"), (comment.GetProperty("comment").GetString(), comment.GetProperty("type").GetString()));
        Assert.Equal("elastic", comment.GetProperty("created_by").GetProperty("username").GetString());
        Assert.NotEqual(created.GetProperty("version").GetString(), updated.GetProperty("version").GetString());
        Assert.Equal("elastic", updated.GetProperty("updated_by").GetProperty("username").GetString());
        Assert.Equal(JsonValueKind.String, updated.GetProperty("updated_at").ValueKind);
    }

    [Fact]
    public async Task A_comment_on_an_unknown_case_is_404_saved_object_not_found()
    {
        var (status, body) = await AddAsync("no-such-case", "x");

        Assert.Equal(404, status);
        Assert.Equal("Saved object [cases/no-such-case] not found", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"type":"alert","comment":"x"}""")]
    [InlineData("""{"type":"user"}""")]
    [InlineData("""{"type":"user","comment":"x","extra":1}""")]
    public async Task A_comment_body_the_schema_refuses_is_400(string body)
    {
        var created = await _client.CreateCaseAsync();

        var (status, answer) = await (await _client.SendJsonAsync(HttpMethod.Post, $"/api/cases/{Id(created)}/comments", body)).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal("Bad Request", answer.GetProperty("error").GetString());
    }

    [Fact]
    public async Task One_comment_reads_back_and_through_another_case_is_404_with_kibanas_stray_parenthesis()
    {
        var (first, other) = (await _client.CreateCaseAsync(), await _client.CreateCaseAsync());
        var commentId = CommentIds((await AddAsync(Id(first), "hello")).Body).Single();

        var (status, comment) = await (await _client.GetAsync($"/api/cases/{Id(first)}/comments/{commentId}")).ReadAsync();
        var (wrongStatus, wrong) = await (await _client.GetAsync($"/api/cases/{Id(other)}/comments/{commentId}")).ReadAsync();

        Assert.Equal(200, status);
        Assert.Equal(["id", "version", "comment", "type", "created_at", "created_by", "pushed_at", "pushed_by", "updated_at", "updated_by"], comment.EnumerateObject().Select(p => p.Name));
        Assert.Equal((commentId, "hello"), (comment.GetProperty("id").GetString(), comment.GetProperty("comment").GetString()));
        Assert.Equal(404, wrongStatus);
        Assert.Equal($"This comment {commentId} does not exist in {Id(other)}).", wrong.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Editing_a_comment_answers_the_case_and_its_old_version_is_then_stale_409()
    {
        var created = await _client.CreateCaseAsync();
        var comment = (await AddAsync(Id(created), "draft")).Body.GetProperty("comments")[0];
        var edit = Edit(comment, "user", "final");

        var (status, updated) = await (await _client.SendJsonAsync(HttpMethod.Patch, $"/api/cases/{Id(created)}/comments", edit)).ReadAsync();
        var (againStatus, again) = await (await _client.SendJsonAsync(HttpMethod.Patch, $"/api/cases/{Id(created)}/comments", edit)).ReadAsync();

        Assert.Equal(200, status);
        Assert.Equal("final", updated.GetProperty("comments")[0].GetProperty("comment").GetString());
        Assert.Equal(409, againStatus);
        Assert.Equal("This case has been updated. Please refresh before saving additional updates.", again.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Changing_a_comments_type_is_400_you_cannot_change_the_type()
    {
        var created = await _client.CreateCaseAsync();
        var comment = (await AddAsync(Id(created), "text")).Body.GetProperty("comments")[0];

        var (status, body) = await (await _client.SendJsonAsync(HttpMethod.Patch, $"/api/cases/{Id(created)}/comments", Edit(comment, "alert", "text"))).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal("You cannot change the type of the comment.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Editing_an_unknown_comment_is_404()
    {
        var created = await _client.CreateCaseAsync();

        var (status, _) = await (await _client.SendJsonAsync(HttpMethod.Patch, $"/api/cases/{Id(created)}/comments",
            """{"id":"no-such-comment","version":"WzEsMV0=","type":"user","comment":"x"}""")).ReadAsync();

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Deleting_one_comment_and_then_all_are_204_without_a_body_and_leave_none()
    {
        var created = await _client.CreateCaseAsync();
        await AddAsync(Id(created), "one");
        await AddAsync(Id(created), "two");
        var ids = CommentIds((await AddAsync(Id(created), "three")).Body);

        var (oneStatus, oneBody) = await (await _client.SendJsonAsync(HttpMethod.Delete, $"/api/cases/{Id(created)}/comments/{ids[0]}")).ReadMaybeAsync();
        var (afterOne, found) = await (await _client.GetAsync($"/api/cases/{Id(created)}")).ReadAsync();
        var (allStatus, allBody) = await (await _client.SendJsonAsync(HttpMethod.Delete, $"/api/cases/{Id(created)}/comments")).ReadMaybeAsync();
        var (_, emptied) = await (await _client.GetAsync($"/api/cases/{Id(created)}")).ReadAsync();
        var (goneStatus, _) = await (await _client.GetAsync($"/api/cases/{Id(created)}/comments/{ids[1]}")).ReadAsync();

        Assert.Equal((204, (JsonElement?)null), (oneStatus, oneBody));
        Assert.Equal(200, afterOne);
        Assert.Equal(ids.Skip(1), CommentIds(found));
        Assert.Equal((204, (JsonElement?)null), (allStatus, allBody));
        Assert.Equal(0, emptied.GetProperty("totalComment").GetInt32());
        Assert.Equal(404, goneStatus);
    }

    [Fact]
    public async Task The_comments_of_a_case_are_listed_oldest_first_and_those_of_an_unknown_case_are_404()
    {
        var created = await _client.CreateCaseAsync();
        await AddAsync(Id(created), "one");
        await AddAsync(Id(created), "two");

        var (status, comments) = await (await _client.GetAsync($"/api/cases/{Id(created)}/comments")).ReadAsync();
        var (unknown, _) = await (await _client.GetAsync("/api/cases/no-such-case/comments")).ReadAsync();

        Assert.Equal(200, status);
        Assert.Equal(["one", "two"], comments.EnumerateArray().Select(c => c.GetProperty("comment").GetString()));
        Assert.Equal(404, unknown);
    }

    [Fact]
    public async Task Deleting_the_comments_of_an_unknown_case_is_404()
    {
        var (status, body) = await (await _client.SendJsonAsync(HttpMethod.Delete, "/api/cases/no-such-case/comments")).ReadMaybeAsync();

        Assert.Equal(404, status);
        Assert.Equal("Saved object [cases/no-such-case] not found", body!.Value.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("POST", "/api/cases/{0}/comments", """{"type":"user","comment":"x"}""")]
    [InlineData("PATCH", "/api/cases/{0}/comments", """{"id":"x","version":"x","type":"user","comment":"x"}""")]
    [InlineData("DELETE", "/api/cases/{0}/comments", null)]
    [InlineData("DELETE", "/api/cases/{0}/comments/x", null)]
    public async Task Every_comment_write_without_kbn_xsrf_is_400_and_changes_nothing(string method, string path, string? body)
    {
        var created = await _client.CreateCaseAsync();

        var (status, answer) = await (await _client.SendJsonAsync(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Id(created)), body, xsrf: false)).ReadAsync();
        var (_, after) = await (await _client.GetAsync($"/api/cases/{Id(created)}")).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal("Request must contain a kbn-xsrf header.", answer.GetProperty("message").GetString());
        Assert.Equal(created.GetProperty("version").GetString(), after.GetProperty("version").GetString());
    }

    private async Task<(int Status, JsonElement Body)> AddAsync(string caseId, string text)
        => await (await _client.SendJsonAsync(HttpMethod.Post, $"/api/cases/{caseId}/comments", JsonSerializer.Serialize(new { type = "user", comment = text }))).ReadAsync();

    private static string Edit(JsonElement comment, string type, string text)
        => JsonSerializer.Serialize(new { id = comment.GetProperty("id").GetString(), version = comment.GetProperty("version").GetString(), type, comment = text });

    private static string Id(JsonElement created) => created.GetProperty("id").GetString()!;

    private static string[] CommentIds(JsonElement @case) => @case.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
}
