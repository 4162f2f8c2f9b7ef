using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CaseServer.Security;
using CaseServer.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Xunit;

namespace CaseServer.Tests;

/// <summary>HTTP Basic authentication against configured users, then Kibana's kbn-xsrf rule.</summary>
public sealed class SecurityTests : IDisposable
{
    private const string Unauthorized = """{"statusCode":401,"error":"Unauthorized","message":"Unauthorized"}""";

    private readonly CaseServerFactory _server = new CaseServerFactory().WithAlice();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_request_without_credentials_is_401_with_kibanas_body_and_a_basic_challenge()
    {
        var response = await _server.ClientFor(username: null).PostCaseAsync(Requests.Example("none"));

        var (status, body) = await response.ReadAsync();
        Assert.Equal(401, status);
        Assert.Equal(Unauthorized, body.GetRawText());
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("alice", "wrong password")]
    [InlineData("mallory", "changeme")]
    [InlineData("elastic", "changeme")] // the Development default exists only while no user is configured
    public async Task Wrong_credentials_are_401(string username, string password)
    {
        var (status, body) = await (await _server.ClientFor(username, password).PostCaseAsync(Requests.Example("none"))).ReadAsync();

        Assert.Equal(401, status);
        Assert.Equal(Unauthorized, body.GetRawText());
    }

    [Theory]
    [InlineData("Basic !!!not base64!!!")]
    [InlineData("Basic YWxpY2U=")] // "alice", no colon
    [InlineData("Basic /w==")] // not UTF-8
    [InlineData("Bearer abc.def")]
    [InlineData("Basic")]
    public async Task A_malformed_authorization_header_is_401_never_a_server_error(string header)
    {
        var client = _server.ClientFor(username: null);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new StringContent(Requests.Example("none"), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", header);
        request.Headers.Add("kbn-xsrf", "true");

        var (status, body) = await (await client.SendAsync(request)).ReadAsync();

        Assert.Equal(401, status);
        Assert.Equal(Unauthorized, body.GetRawText());
    }

    [Fact]
    public async Task Authentication_comes_before_the_xsrf_check()
    {
        var (status, _) = await (await _server.ClientFor(username: null).PostCaseAsync(Requests.Example("none"), xsrf: false)).ReadAsync();

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task An_authenticated_post_without_kbn_xsrf_is_400()
    {
        var (status, body) = await (await _server.ClientFor(CaseServerFactory.Alice).PostCaseAsync(Requests.Example("none"), xsrf: false)).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal("""{"statusCode":400,"error":"Bad Request","message":"Request must contain a kbn-xsrf header."}""", body.GetRawText());
    }

    [Theory]
    [InlineData("true")]
    [InlineData("anything at all")]
    public async Task Any_kbn_xsrf_value_passes(string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new StringContent(Requests.Example("none"), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("kbn-xsrf", value);

        var (status, _) = await (await _server.ClientFor(CaseServerFactory.Alice).SendAsync(request)).ReadAsync();

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task An_empty_kbn_xsrf_header_passes()
    {
        // The in-memory test client drops empty headers, so this runs the middleware itself (RealProcessTests
        // sends one over a socket too).
        var passed = false;
        var middleware = new KibanaXsrfMiddleware(_ => { passed = true; return Task.CompletedTask; });
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Headers["kbn-xsrf"] = string.Empty;
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new HttpMethodMetadata(["POST"])), "POST /api/cases"));

        await middleware.InvokeAsync(context);

        Assert.True(passed);
    }

    [Fact]
    public async Task A_get_needs_no_kbn_xsrf()
    {
        var (status, _) = await (await _server.ClientFor(CaseServerFactory.Alice).GetAsync("/api/cases/unknown")).ReadAsync();

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task A_get_needs_credentials()
    {
        var (status, _) = await (await _server.ClientFor(username: null).GetAsync("/api/cases/unknown")).ReadAsync();

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Created_by_holds_the_configured_users_email_and_full_name()
    {
        var (_, body) = await _server.ClientFor(CaseServerFactory.Alice).CreateAsync(Requests.Example("none"));

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"email":"alice@example.com","full_name":"Alice Example","username":"alice"}"""),
            JsonNode.Parse(body.GetProperty("created_by").GetRawText())));
    }

    [Fact]
    public async Task Configured_users_sign_in_outside_development()
    {
        using var production = new CaseServerFactory().InEnvironment("Production").WithAlice();

        var (status, _) = await production.ClientFor(CaseServerFactory.Alice).CreateAsync(Requests.Example("none"));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Without_security_anyone_creates_cases_with_a_null_created_by_and_kbn_xsrf_still_applies()
    {
        using var open = new CaseServerFactory().With("CaseServer:Security:Enabled", "false");
        var anonymous = open.ClientFor(username: null);

        var (status, body) = await anonymous.CreateAsync(Requests.Example("none"));
        var (withoutXsrf, _) = await (await anonymous.PostCaseAsync(Requests.Example("none"), xsrf: false)).ReadAsync();

        Assert.Equal(200, status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"email":null,"full_name":null,"username":null}"""), JsonNode.Parse(body.GetProperty("created_by").GetRawText())));
        Assert.Equal(400, withoutXsrf);
    }
}
