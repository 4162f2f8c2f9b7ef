using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CaseServer.Tests;

/// <summary>
/// The server as users run it: a real process started the README's way, stopped, crashed, restarted.
/// What a client was told is stored must be there after any of it.
/// </summary>
public sealed class RealProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Started_as_the_readme_says_a_case_survives_a_stop_and_a_restart()
    {
        using var directory = new TemporaryDirectory();
        var database = directory.File("cases.db");
        string id;
        JsonElement created;

        await using (var server = await ServerProcess.StartAsync(database))
        {
            using var client = server.CreateClient();
            var (status, body) = await client.CreateAsync(Requests.Example("api-page-example"));
            Assert.Equal(200, status);
            (id, created) = (body.GetProperty("id").GetString()!, body);
            await server.StopAsync();
        }

        await using (var restarted = await ServerProcess.StartAsync(database))
        {
            using var client = restarted.CreateClient();
            var (status, found) = await (await client.GetAsync("/api/cases/" + id)).ReadAsync();

            Assert.Equal(200, status);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(created.GetRawText()), JsonNode.Parse(found.GetRawText())));
            Assert.Contains("Now listening on: " + restarted.BaseAddress.ToString().TrimEnd('/'), restarted.Output);
        }
    }

    [Fact]
    public async Task An_empty_kbn_xsrf_header_passes_over_a_real_socket()
    {
        using var directory = new TemporaryDirectory();
        await using var server = await ServerProcess.StartAsync(directory.File("cases.db"));
        using var client = server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new StringContent(Requests.Example("none"), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("kbn-xsrf", string.Empty);

        var (status, _) = await (await client.SendAsync(request)).ReadAsync();

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Answers_carry_their_content_length_rather_than_chunked_encoding()
    {
        using var directory = new TemporaryDirectory();
        await using var server = await ServerProcess.StartAsync(directory.File("cases.db"));
        using var client = server.CreateClient();

        foreach (var (body, expectedStatus) in new[] { (Requests.Example("api-page-example"), 200), ("{}", 400) })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("kbn-xsrf", "true");

            // Headers as sent, before the client buffers the body (buffering would make up a length).
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var announced = response.Content.Headers.ContentLength;
            var chunked = response.Headers.TransferEncodingChunked;
            var bytes = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(expectedStatus, (int)response.StatusCode);
            Assert.NotEqual(true, chunked);
            Assert.Equal(bytes.Length, announced);
        }
    }

    [Fact]
    public async Task Outside_development_without_users_the_server_refuses_to_start_with_a_clear_message()
    {
        using var directory = new TemporaryDirectory();

        var (exitCode, printed) = await ServerProcess.RunToExitAsync("Production", directory.File("cases.db"), TimeSpan.FromMinutes(2));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("CaseServer cannot start:", printed);
        Assert.Contains("No users are configured", printed);
        Assert.DoesNotContain("Now listening", printed);
        Assert.DoesNotContain("   at ", printed); // a message, not a stack trace
    }

    [Fact]
    public async Task Killed_under_mixed_create_patch_and_comment_load_every_acknowledged_write_is_there_after_a_restart()
    {
        const int Clients = 16;
        const int AcknowledgedBeforeKill = 200;
        using var directory = new TemporaryDirectory();
        var database = directory.File("cases.db");
        var load = new MixedWriteLoad();

        await using (var server = await ServerProcess.StartAsync(database))
        {
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync([() => server.CreateClient()], Clients, stop.Token);
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (load.Acknowledged < AcknowledgedBeforeKill && DateTime.UtcNow < deadline && !running.IsCompleted)
            {
                await Task.Delay(20);
            }

            // All sixteen clients are mid-request: no shutdown, no flush, no warning.
            await stop.CancelAsync();
            server.Kill();
            await running;
        }

        IReadOnlyList<string> lost;
        await using (var restarted = await ServerProcess.StartAsync(database))
        {
            using var client = restarted.CreateClient();
            lost = await load.FindLostWritesAsync(client);
            await restarted.StopAsync();
        }

        var (integrity, rows, distinctIds) = await TestStore.InspectCasesAsync(database);
        output.WriteLine($"crash test: {Clients} clients, SIGKILL after {load.Acknowledged} acknowledged writes ({load.CasesCreated} cases); after restart {lost.Count} lost; "
            + $"{rows} cases stored ({rows - load.CasesCreated} committed but never acknowledged), {distinctIds} distinct ids; integrity_check: {integrity}; 5xx answers: {load.ServerErrors.Count}");
        Assert.True(load.Acknowledged >= AcknowledgedBeforeKill, $"only {load.Acknowledged} writes were acknowledged before the deadline");
        Assert.Empty(lost);
        Assert.Equal(0, load.GivenTwice);
        Assert.Equal("ok", integrity);
        Assert.Equal(rows, distinctIds);
        Assert.InRange(rows, load.CasesCreated, load.CasesCreated + Clients);
        Assert.Empty(load.ServerErrors);
    }
}
