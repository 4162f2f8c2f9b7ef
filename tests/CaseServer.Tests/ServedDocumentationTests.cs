using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// What a person running the server gets, from a real process started the README's way (Development): the
/// start-up banner (and its curl), the OpenAPI document (clean under redocly's recommended rules), and the API
/// reference (Scalar) on it, opened in headless Chromium, scripts from the server itself and nothing fetched from
/// anywhere else.
/// </summary>
public sealed class ServedDocumentationTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync(_directory.File("cases.db"));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task The_api_reference_page_lists_the_operations_with_the_basic_scheme_and_requests_nothing_beyond_the_server()
    {
        var (dom, requests) = await HeadlessChromium.OpenAsync(new Uri(_server.BaseAddress, "/scalar/"));

        // Every operation of schema/cases.openapi.json, by its summary, rendered by the page's scripts (not in the served HTML).
        using var declared = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(Repository.PathOf("schema", "cases.openapi.json")));
        var summaries = declared.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == System.Text.Json.JsonValueKind.Object && o.Value.TryGetProperty("summary", out _)))
            .Select(operation => operation.Value.GetProperty("summary").GetString()!).ToList();
        Assert.Equal(14, summaries.Count);
        Assert.All(summaries, summary => Assert.Contains(summary, dom));
        Assert.Contains("/api/cases", dom);
        Assert.Contains("Selected Auth Type: basicAuth", dom);
        // Its scripts and the document came from the server; nothing else was asked for.
        Assert.Contains(requests, url => url.EndsWith("/scalar/scalar.js", StringComparison.Ordinal));
        Assert.Contains(requests, url => url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        Assert.All(requests, url => Assert.StartsWith(_server.BaseAddress.ToString().TrimEnd('/'), url));
    }

    [Fact]
    public async Task Redocly_finds_no_problem_in_the_served_document_that_the_docs_do_not_explain()
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Redocly.AssertOnlyAcceptedWarnings(await Redocly.LintAsync(await response.Content.ReadAsStringAsync()), "CaseServer");
    }

    [Fact]
    public void The_banner_says_where_the_server_listens_the_development_login_and_the_reference_and_document_urls()
    {
        var at = _server.BaseAddress.ToString().TrimEnd('/');

        var output = _server.Output;
        Assert.Contains("CaseServer is listening on " + at, output);
        Assert.Contains("Sign-in:        elastic / changeme", output);
        Assert.Contains("API reference:  " + at + "/scalar", output);
        Assert.Contains("OpenAPI:        " + at + "/openapi/v1.json", output);
    }

    [Fact]
    public async Task The_banners_curl_creates_a_case()
    {
        // The two lines after "Try it:", run as printed.
        var lines = _server.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var curl = string.Join("\n", lines.Skip(lines.FindIndex(l => l.Trim() == "Try it:") + 1).Take(2));
        Assert.StartsWith("curl -u elastic:changeme", curl.Trim());

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(curl.Trim().Replace("curl ", "curl -s -w '\\n%{http_code}' ", StringComparison.Ordinal));
        using var process = Process.Start(start)!;
        var answer = (await process.StandardOutput.ReadToEndAsync()).Split('\n');
        await process.WaitForExitAsync();

        Assert.Equal("200", answer[^1]);
        Assert.Matches(new Regex("\"title\":\"Hello\""), answer[0]);
    }
}
