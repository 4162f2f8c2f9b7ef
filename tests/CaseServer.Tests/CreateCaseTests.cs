using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases;
using CaseServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CaseServer.Tests;

/// <summary><c>POST /api/cases</c> answers what Kibana answers, and <c>GET /api/cases/{id}</c> gives the stored case back.</summary>
public sealed class CreateCaseTests : IDisposable
{
    private static readonly string[] DocumentedKeys =
    [
        "id", "version", "comments", "totalComment", "title", "description", "tags", "closed_at", "closed_by",
        "created_at", "created_by", "external_service", "status", "updated_at", "updated_by", "connector", "settings",
    ];

    private readonly CaseServerFactory _server = new CaseServerFactory().WithAlice();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task The_api_page_example_verbatim_with_its_trailing_comma_is_created_with_the_documented_shape()
    {
        var example = Requests.Example("api-page-example");
        Assert.Matches(@"""priority"": ""High"",\s*\}", example); // the page's trailing comma, kept

        var (status, body) = await _server.ClientFor(CaseServerFactory.Alice).CreateAsync(example);

        Assert.Equal(200, status);
        Assert.Equal(DocumentedKeys, body.EnumerateObject().Select(p => p.Name));
        Assert.True(Guid.TryParseExact(body.GetProperty("id").GetString(), "D", out _));
        Assert.Equal("[1,1]", Encoding.UTF8.GetString(Convert.FromBase64String(body.GetProperty("version").GetString()!)));
        Assert.Equal(0, body.GetProperty("comments").GetArrayLength());
        Assert.Equal(0, body.GetProperty("totalComment").GetInt32());
        Assert.Equal("This case will self-destruct in 5 seconds", body.GetProperty("title").GetString());
        Assert.Equal("James Bond clicked on a highly suspicious email banner advertising cheap holidays for underpaid civil servants.", body.GetProperty("description").GetString());
        Assert.Equal(["phishing", "social engineering"], body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        foreach (var key in new[] { "closed_at", "closed_by", "external_service", "updated_at", "updated_by" })
        {
            Assert.Equal(JsonValueKind.Null, body.GetProperty(key).ValueKind);
        }

        var createdAt = body.GetProperty("created_at").GetString()!;
        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"), createdAt);
        var created = DateTimeOffset.Parse(createdAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        AssertJson("""{"email":"alice@example.com","full_name":"Alice Example","username":"alice"}""", body.GetProperty("created_by"));
        Assert.Equal("open", body.GetProperty("status").GetString());
        AssertJson("""{"id":"131d4448-abe0-4789-939d-8ef60680b498","name":"My connector","type":".jira","fields":{"issueType":"10006","priority":"High","parent":null}}""", body.GetProperty("connector"));
        AssertJson("""{"syncAlerts":true}""", body.GetProperty("settings"));
    }

    [Theory]
    [InlineData("jira")]
    [InlineData("servicenow")]
    [InlineData("resilient")]
    [InlineData("none")]
    public async Task Each_connector_type_is_created_and_echoed_as_sent(string connector)
    {
        var request = Requests.Example(connector);

        var (status, body) = await _server.ClientFor(CaseServerFactory.Alice).CreateAsync(request);

        Assert.Equal(200, status);
        var sent = JsonNode.Parse(request)!;
        AssertJson(sent["connector"]!.ToJsonString(), body.GetProperty("connector"));
        AssertJson(sent["settings"]!.ToJsonString(), body.GetProperty("settings"));
        Assert.Equal(sent["title"]!.GetValue<string>(), body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Created_by_of_the_development_default_user_holds_only_its_username()
    {
        using var development = new CaseServerFactory();

        var (status, body) = await development.ClientFor("elastic", "changeme").CreateAsync(Requests.Example("none"));

        Assert.Equal(200, status);
        AssertJson("""{"email":null,"full_name":null,"username":"elastic"}""", body.GetProperty("created_by"));
    }

    [Fact]
    public async Task A_body_that_sets_server_fields_is_rejected_for_unknown_keys_and_nothing_is_stored()
    {
        var request = JsonNode.Parse(Requests.Example("none"))!.AsObject();
        request["id"] = "mine";
        request["status"] = "closed";
        request["created_by"] = JsonNode.Parse("""{"email":null,"full_name":"Mallory","username":"mallory"}""");

        var (status, body) = await _server.ClientFor(CaseServerFactory.Alice).CreateAsync(request.ToJsonString());

        Assert.Equal(400, status);
        Assert.Equal("invalid keys \"id,status,created_by\"", body.GetProperty("message").GetString());
        Assert.Equal(0, await CountStoredCasesAsync());
    }

    [Fact]
    public async Task Versions_increase_with_every_case_created()
    {
        var client = _server.ClientFor(CaseServerFactory.Alice);
        var versions = new long[3];
        for (var i = 0; i < versions.Length; i++)
        {
            var (_, body) = await client.CreateAsync(Requests.Example("jira"));
            var decoded = JsonSerializer.Deserialize<long[]>(Convert.FromBase64String(body.GetProperty("version").GetString()!))!;
            Assert.Equal(1, decoded[1]); // primary term
            versions[i] = decoded[0];
        }

        Assert.Equal([1, 2, 3], versions);
    }

    [Fact]
    public async Task Every_case_gets_its_own_id()
    {
        var client = _server.ClientFor(CaseServerFactory.Alice);
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ => (await client.CreateAsync(Requests.Example("none"))).Body.GetProperty("id").GetString()));

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public async Task Get_after_post_returns_the_stored_case()
    {
        var client = _server.ClientFor(CaseServerFactory.Alice);
        var (_, created) = await client.CreateAsync(Requests.Example("servicenow"));

        var (status, found) = await (await client.GetAsync("/api/cases/" + created.GetProperty("id").GetString())).ReadAsync();

        Assert.Equal(200, status);
        AssertJson(created.GetRawText(), found);
    }

    [Fact]
    public async Task Get_of_an_unknown_id_is_404_saved_object_not_found()
    {
        var (status, body) = await (await _server.ClientFor(CaseServerFactory.Alice).GetAsync("/api/cases/no-such-case")).ReadAsync();

        Assert.Equal(404, status);
        AssertJson("""{"statusCode":404,"error":"Not Found","message":"Saved object [cases/no-such-case] not found"}""", body);
    }

    private async Task<long> CountStoredCasesAsync()
    {
        var counts = await _server.Services.GetRequiredService<ICaseStore>().GetStatusCountsAsync(CancellationToken.None);
        return counts.Open + counts.InProgress + counts.Closed;
    }

    private static void AssertJson(string expected, JsonElement actual)
        => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual.GetRawText())), $"expected {expected}\n  actual {actual.GetRawText()}");
}
