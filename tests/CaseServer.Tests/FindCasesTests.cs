using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// <c>GET /api/cases/_find</c>, generated from schema/cases.openapi.json, as docs/kibana-lifecycle-facts.md says: paging,
/// sorting, tag (OR) and reporter (AND) filters, the status filter and the counts that ignore it, search, and bad query
/// values answered 400 in Kibana's body.
/// </summary>
public sealed class FindCasesTests : IDisposable
{
    // Two users, so that cases have two reporters: alice and elastic (configured, so not the Development login).
    private readonly CaseServerFactory _server = new CaseServerFactory().WithAlice()
        .With("CaseServer:Users:elastic:PasswordHash", CaseServer.Security.PasswordHash.Create("changeme", iterations: 1000));

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Find_without_parameters_answers_the_first_page_of_twenty_with_the_totals_and_each_case_without_comments_but_its_count()
    {
        var elastic = _server.ClientFor();
        var created = await elastic.CreateCaseAsync();
        await elastic.SendJsonAsync(HttpMethod.Post, $"/api/cases/{created.GetProperty("id").GetString()}/comments", """{"type":"user","comment":"first"}""");

        var (status, page) = await FindAsync(string.Empty);

        Assert.Equal(200, status);
        Assert.Equal(["cases", "page", "per_page", "total", "count_open_cases", "count_in_progress_cases", "count_closed_cases"], page.EnumerateObject().Select(p => p.Name));
        Assert.Equal((1, 20, 1), (page.GetProperty("page").GetInt32(), page.GetProperty("per_page").GetInt32(), page.GetProperty("total").GetInt32()));
        Assert.Equal((1, 0, 0), Counts(page));
        var only = page.GetProperty("cases").EnumerateArray().Single();
        Assert.Equal(0, only.GetProperty("comments").GetArrayLength());
        Assert.Equal(1, only.GetProperty("totalComment").GetInt32());
    }

    [Fact]
    public async Task Find_pages_and_sorts_by_title_in_either_order()
    {
        foreach (var title in new[] { "b", "d", "a", "c", "e" })
        {
            await _server.ClientFor().CreateCaseAsync(change: body => body["title"] = title);
        }

        var (_, ascending) = await FindAsync("?sortField=title&sortOrder=asc&perPage=2&page=2");
        var (_, descending) = await FindAsync("?sortField=title&sortOrder=desc&perPage=2");

        Assert.Equal(["c", "d"], Titles(ascending));
        Assert.Equal(5, ascending.GetProperty("total").GetInt32());
        Assert.Equal((2, 2), (ascending.GetProperty("page").GetInt32(), ascending.GetProperty("per_page").GetInt32()));
        Assert.Equal(["e", "d"], Titles(descending));
    }

    [Fact]
    public async Task Several_tags_are_ored_and_anded_with_the_reporters()
    {
        await _server.ClientFor().CreateCaseAsync(change: body => Set(body, "elastic-red", ["red"]));
        await _server.ClientFor().CreateCaseAsync(change: body => Set(body, "elastic-blue", ["blue"]));
        await _server.ClientFor(CaseServerFactory.Alice).CreateCaseAsync(change: body => Set(body, "alice-red", ["red"]));
        await _server.ClientFor(CaseServerFactory.Alice).CreateCaseAsync(change: body => Set(body, "alice-green", ["green"]));

        var (_, oneTag) = await FindAsync("?tags=red&sortField=title&sortOrder=asc");
        var (_, twoTags) = await FindAsync("?tags=red&tags=blue&sortField=title&sortOrder=asc");
        var (_, tagsAndReporter) = await FindAsync("?tags=red&tags=green&reporters=alice&sortField=title&sortOrder=asc");

        Assert.Equal(["alice-red", "elastic-red"], Titles(oneTag));
        Assert.Equal(["alice-red", "elastic-blue", "elastic-red"], Titles(twoTags));
        Assert.Equal(["alice-green", "alice-red"], Titles(tagsAndReporter));
    }

    [Fact]
    public async Task The_status_filter_narrows_the_cases_but_not_the_counts_which_honour_the_tags()
    {
        var client = _server.ClientFor();
        var closed = await client.CreateCaseAsync(change: body => Set(body, "closed", ["t"]));
        await client.CreateCaseAsync(change: body => Set(body, "open", ["t"]));
        await client.CreateCaseAsync(change: body => Set(body, "other", ["u"]));
        var (patched, _) = await (await client.SendJsonAsync(HttpMethod.Patch, "/api/cases",
            $$"""{"cases":[{"id":"{{closed.GetProperty("id").GetString()}}","version":"{{closed.GetProperty("version").GetString()}}","status":"closed"}]}""")).ReadAsync();
        Assert.Equal(200, patched);

        var (_, page) = await FindAsync("?status=closed&tags=t");

        Assert.Equal(["closed"], Titles(page));
        Assert.Equal((1, 0, 1), Counts(page));
    }

    [Fact]
    public async Task Search_finds_words_of_the_title_or_description_any_by_default_every_with_and()
    {
        var client = _server.ClientFor();
        await client.CreateCaseAsync(change: body => { body["title"] = "printer on fire"; body["description"] = "third floor"; });
        await client.CreateCaseAsync(change: body => { body["title"] = "coffee machine"; body["description"] = "printer paper everywhere"; });

        var (_, any) = await FindAsync("?search=fire%20paper&sortField=title&sortOrder=asc");
        var (_, every) = await FindAsync("?search=printer%20fire&defaultSearchOperator=AND");
        var (_, titleOnly) = await FindAsync("?search=printer&searchFields=title");

        Assert.Equal(["coffee machine", "printer on fire"], Titles(any));
        Assert.Equal(["printer on fire"], Titles(every));
        Assert.Equal(["printer on fire"], Titles(titleOnly));
    }

    [Theory]
    [InlineData("perPage=true", "perPage")]
    [InlineData("page=0", "page")]
    [InlineData("perPage=-1", "perPage")]
    [InlineData("sortOrder=sideways", "sortOrder")]
    [InlineData("sortField=priority", "sortField")]
    [InlineData("status=done", "status")]
    [InlineData("defaultSearchOperator=XOR", "defaultSearchOperator")]
    [InlineData("searchFields=tags", "searchFields")]
    public async Task A_query_value_of_the_wrong_type_or_outside_its_set_is_400_in_kibanas_body(string query, string parameter)
    {
        var (status, body) = await FindAsync("?" + query);

        Assert.Equal(400, status);
        Assert.Equal("Bad Request", body.GetProperty("error").GetString());
        Assert.Contains(parameter, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_without_credentials_is_401()
    {
        var response = await _server.ClientFor(username: null).GetAsync("/api/cases/_find");

        Assert.Equal(401, (int)response.StatusCode);
    }

    private async Task<(int Status, JsonElement Body)> FindAsync(string query)
        => await (await _server.ClientFor().GetAsync("/api/cases/_find" + query)).ReadAsync();

    private static void Set(JsonObject body, string title, string[] tags)
    {
        body["title"] = title;
        body["tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
    }

    private static string[] Titles(JsonElement page) => page.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("title").GetString()!).ToArray();

    private static (int Open, int InProgress, int Closed) Counts(JsonElement page)
        => (page.GetProperty("count_open_cases").GetInt32(), page.GetProperty("count_in_progress_cases").GetInt32(), page.GetProperty("count_closed_cases").GetInt32());
}
