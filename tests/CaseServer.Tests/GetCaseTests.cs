using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases;
using CaseServer.Contract;
using CaseServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// <c>GET /api/cases/{case_id}</c>, generated from schema/cases.openapi.json: <c>includeComments</c> (default true) and
/// its bad values, in Kibana's error body.
/// </summary>
public sealed class GetCaseTests : IDisposable
{
    private readonly CaseServerFactory _server = new CaseServerFactory().WithAlice();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("", 1)]
    [InlineData("?includeComments=true", 1)]
    [InlineData("?includeComments=false", 0)]
    public async Task Include_comments_defaults_to_true_and_false_leaves_the_comments_out(string query, int comments)
    {
        var id = await CreateWithOneCommentAsync();

        var (status, found) = await (await _server.ClientFor(CaseServerFactory.Alice).GetAsync("/api/cases/" + id + query)).ReadAsync();

        Assert.Equal(200, status);
        Assert.Equal(id, found.GetProperty("id").GetString());
        Assert.Equal(comments, found.GetProperty("comments").GetArrayLength());
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("1")]
    [InlineData("")]
    public async Task An_include_comments_that_is_not_a_boolean_is_400_in_kibanas_body(string value)
    {
        var (status, body) = await (await _server.ClientFor(CaseServerFactory.Alice).GetAsync("/api/cases/any?includeComments=" + value)).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("Bad Request", body.GetProperty("error").GetString());
        Assert.Contains("includeComments", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_security_off_anybody_reads_a_case()
    {
        using var server = new CaseServerFactory().With("CaseServer:Security:Enabled", "false");

        var (status, body) = await (await server.ClientFor(username: null).GetAsync("/api/cases/no-such-case")).ReadAsync();

        Assert.Equal(404, status);
        Assert.Equal("Saved object [cases/no-such-case] not found", body.GetProperty("message").GetString());
    }

    private async Task<string> CreateWithOneCommentAsync()
    {
        var (_, created) = await _server.ClientFor(CaseServerFactory.Alice).CreateAsync(Requests.Example("none"));
        var id = created.GetProperty("id").GetString()!;
        var store = _server.Services.GetRequiredService<ICaseStore>();
        var stamp = new WriteStamp(new User { Username = CaseServerFactory.Alice, Email = null, FullName = null }, "2026-12-04T00:00:00.000Z");
        var added = await store.AddCommentAsync(id, "a comment", stamp, CancellationToken.None);
        Assert.True(added.IsDone);
        return id;
    }
}
