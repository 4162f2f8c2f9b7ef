using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>Every bad request gets Kibana's error body with the right status; none gets a 5xx.</summary>
public sealed class RequestErrorTests : IDisposable
{
    private readonly CaseServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Malformed_json_is_400_invalid_request_payload_json_format()
    {
        var (status, body) = await (await _server.ClientFor().PostCaseAsync("""{ "title": """)).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal("""{"statusCode":400,"error":"Bad Request","message":"Invalid request payload JSON format"}""", body.GetRawText());
    }

    [Fact]
    public async Task The_api_page_example_as_rendered_with_a_line_break_inside_a_string_is_malformed_json()
    {
        // The page wraps the description over two lines; a raw line break inside a JSON string is not JSON
        // (Kibana's JSON.parse rejects it too), so requests/api-page-example.json keeps it on one line.
        var rendered = Requests.Example("api-page-example").Replace("suspicious email banner", "suspicious email\n  banner");

        var (status, body) = await (await _server.ClientFor().PostCaseAsync(rendered)).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal("Invalid request payload JSON format", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Comments_are_rejected_as_malformed_json()
    {
        var withComment = Requests.Example("none").Replace("\"settings\"", "/* the settings */ \"settings\"");

        var (status, body) = await (await _server.ClientFor().PostCaseAsync(withComment)).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal("Invalid request payload JSON format", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_body_that_breaks_the_schema_is_400_with_kibanas_message_and_every_error()
    {
        var request = JsonNode.Parse(Requests.Example("jira"))!.AsObject();
        request["title"] = 5;
        request["connector"]!["fields"]!["urgency"] = "1";

        var (status, body) = await (await _server.ClientFor().PostCaseAsync(request.ToJsonString())).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal("Bad Request", body.GetProperty("error").GetString());
        Assert.Equal("""Invalid value "5" supplied to "title",invalid keys "urgency" """.TrimEnd(), body.GetProperty("message").GetString());
        var errors = body.GetProperty("attributes").GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("path").GetString(), e.GetProperty("keyword").GetString(), e.GetProperty("message").GetString()!.Length > 0));
        Assert.Equal([("/title", "type", true), ("/connector/fields/urgency", "additionalProperties", true)], errors);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"a case\"")]
    public async Task A_body_that_is_not_an_object_is_400(string json)
    {
        var (status, body) = await (await _server.ClientFor().PostCaseAsync(json)).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_413()
    {
        var request = JsonNode.Parse(Requests.Example("none"))!.AsObject();
        request["description"] = new string('x', 1024 * 1024);

        var (status, body) = await (await _server.ClientFor().PostCaseAsync(request.ToJsonString())).ReadAsync();

        Assert.Equal(413, status);
        Assert.Equal("""{"statusCode":413,"error":"Request Entity Too Large","message":"Payload content length greater than maximum allowed: 1048576"}""", body.GetRawText());
    }

    [Fact]
    public async Task The_body_limit_is_configurable_and_applies_to_bodies_without_a_length()
    {
        using var server = new CaseServerFactory().With("CaseServer:MaxRequestBodyBytes", "2000");
        var request = JsonNode.Parse(Requests.Example("none"))!.AsObject();
        request["description"] = new string('x', 3000);
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            // A stream of unknown length is sent without Content-Length (chunked).
            Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(request.ToJsonString()))),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Add("kbn-xsrf", "true");

        var (status, body) = await (await server.ClientFor().SendAsync(message)).ReadAsync();

        Assert.Equal(413, status);
        Assert.Equal("Payload content length greater than maximum allowed: 2000", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")] // what curl -d sends without -H
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_json_is_415(string contentType)
    {
        var (status, body) = await (await _server.ClientFor().PostCaseAsync(Requests.Example("none"), contentType)).ReadAsync();

        Assert.Equal(415, status);
        Assert.Equal("""{"statusCode":415,"error":"Unsupported Media Type","message":"Unsupported Media Type"}""", body.GetRawText());
    }

    [Fact]
    public async Task An_unknown_route_is_404_in_kibanas_shape()
    {
        var (status, body) = await (await _server.ClientFor().PostAsync("/api/nothing-here", new StringContent("{}"))).ReadAsync();

        Assert.Equal(404, status);
        Assert.Equal("""{"statusCode":404,"error":"Not Found","message":"Not Found"}""", body.GetRawText());
    }

    [Fact]
    public async Task A_method_the_route_does_not_have_is_405_in_kibanas_shape()
    {
        // /api/cases has POST, PATCH and DELETE (schema/cases.openapi.json), not PUT.
        var (status, body) = await (await _server.ClientFor().PutAsync("/api/cases", new StringContent("{}"))).ReadAsync();

        Assert.Equal(405, status);
        Assert.Equal("Method Not Allowed", body.GetProperty("error").GetString());
    }

    public static TheoryData<string, byte[]> BadBodies() => new()
    {
        { "random bytes", Enumerable.Range(0, 512).Select(i => (byte)((i * 7919) % 251)).ToArray() },
        { "invalid UTF-8", [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'] },
        { "a byte-order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Requests.Example("none"))] },
        { "nesting 100 000 deep", Encoding.UTF8.GetBytes(new string('[', 100_000)) },
        { "a huge number", Encoding.UTF8.GetBytes("""{"title": 1e400}""") },
        { "a lone surrogate", Encoding.UTF8.GetBytes("""{"title": "\ud800"}""") },
        { "NUL bytes", new byte[64] },
        { "duplicate keys", Encoding.UTF8.GetBytes(Requests.Example("none").Replace("\"title\":", "\"title\": \"a\", \"title\":")) },
        { "10 000 unknown keys", Encoding.UTF8.GetBytes("{" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"k{i}\":{i}")) + "}") },
        { "a truncated example", Encoding.UTF8.GetBytes(Requests.Example("resilient")[..120]) },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task No_bad_body_gets_a_server_error(string what, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("kbn-xsrf", "true");

        var (status, answer) = await (await _server.ClientFor().SendAsync(request)).ReadAsync();

        Assert.True(status is 200 or 400, $"{what}: {status} {answer}");
        Assert.Equal(status, answer.TryGetProperty("statusCode", out var code) ? code.GetInt32() : 200);
    }

    /// <summary>A readable stream that does not know its length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
