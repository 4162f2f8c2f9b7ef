using System;
using System.Linq;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// <c>GET /api/cases/status</c>, <c>/tags</c> and <c>/reporters</c>: literal routes beside <c>/api/cases/{case_id}</c>,
/// generated from schema/cases.openapi.json.
/// </summary>
public sealed class CaseSummaryTests : IDisposable
{
    // Two users, so that cases have two reporters: alice and elastic (configured, so not the Development login).
    private readonly CaseServerFactory _server = new CaseServerFactory().WithAlice()
        .With("CaseServer:Users:elastic:PasswordHash", CaseServer.Security.PasswordHash.Create("changeme", iterations: 1000));

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Status_counts_the_cases_of_each_status()
    {
        var client = _server.ClientFor();
        await client.CreateCaseAsync();
        await client.CreateCaseAsync();

        var (status, counts) = await (await client.GetAsync("/api/cases/status")).ReadAsync();

        Assert.Equal(200, status);
        Assert.Equal(["count_open_cases", "count_in_progress_cases", "count_closed_cases"], counts.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, 0, 0), (counts.GetProperty("count_open_cases").GetInt32(), counts.GetProperty("count_in_progress_cases").GetInt32(), counts.GetProperty("count_closed_cases").GetInt32()));
    }

    [Fact]
    public async Task Tags_are_listed_once_each_in_ordinal_order()
    {
        var client = _server.ClientFor();
        await client.CreateCaseAsync(change: body => body["tags"] = new System.Text.Json.Nodes.JsonArray("red", "Blue"));
        await client.CreateCaseAsync(change: body => body["tags"] = new System.Text.Json.Nodes.JsonArray("red", "green"));

        var (status, tags) = await (await client.GetAsync("/api/cases/tags")).ReadAsync();

        Assert.Equal(200, status);
        Assert.Equal(["Blue", "green", "red"], tags.EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Reporters_are_the_users_who_created_cases_once_per_username_with_email_and_full_name()
    {
        await _server.ClientFor(CaseServerFactory.Alice).CreateCaseAsync();
        await _server.ClientFor(CaseServerFactory.Alice).CreateCaseAsync();
        await _server.ClientFor().CreateCaseAsync();

        var (status, reporters) = await (await _server.ClientFor().GetAsync("/api/cases/reporters")).ReadAsync();

        Assert.Equal(200, status);
        Assert.Equal(["alice", "elastic"], reporters.EnumerateArray().Select(r => r.GetProperty("username").GetString()));
        var alice = reporters[0];
        Assert.Equal(("alice@example.com", "Alice Example"), (alice.GetProperty("email").GetString(), alice.GetProperty("full_name").GetString()));
    }

    [Fact]
    public async Task Status_without_credentials_is_401()
    {
        var response = await _server.ClientFor(username: null).GetAsync("/api/cases/status");

        Assert.Equal(401, (int)response.StatusCode);
    }
}
