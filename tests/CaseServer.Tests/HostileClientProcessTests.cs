using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// The server as started from the command line, against what a hostile client sends: its memory after the
/// largest error answers it can be made to write, and what its answers give away.
/// </summary>
public sealed class HostileClientProcessTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task Twenty_four_megabyte_bodies_full_of_errors_from_8_clients_leave_the_working_set_within_150_MB_of_the_start()
    {
        using var directory = new TemporaryDirectory();
        await using var server = await ServerProcess.StartAsync(directory.File("cases.db"), new Dictionary<string, string> { ["CASESERVER_TEST_COLLECT_ON_SIGUSR1"] = "1" });
        using (var warmUp = server.CreateClient())
        {
            Assert.Equal(400, (int)(await warmUp.SendAsync(Post(System.Text.Encoding.UTF8.GetBytes("{}")))).StatusCode);
        }

        var start = await server.WorkingSetAfterCollectionAsync();

        var bodies = new[] { HostileBodies.NumericTags(), HostileBodies.UnknownKeys() };
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            using var client = server.CreateClient();
            client.Timeout = TimeSpan.FromMinutes(2);
            var sizes = new List<(int Status, int Bytes)>();
            for (var i = 0; i < 3; i++)
            {
                using var response = await client.SendAsync(Post(bodies[(c + i) % 2]));
                sizes.Add(((int)response.StatusCode, (await response.Content.ReadAsByteArrayAsync()).Length));
            }

            return sizes;
        })));
        var after = await server.WorkingSetAfterCollectionAsync();

        Assert.All(answers.SelectMany(a => a), a =>
        {
            Assert.Equal(400, a.Status);
            Assert.InRange(a.Bytes, 1, 64 * 1024);
        });
        Assert.True(after - start < 150 * MiB, $"working set {start / MiB} MiB before, {after / MiB} MiB after");
    }

    [Fact]
    public async Task Answers_name_no_server_and_say_nosniff_and_no_store()
    {
        using var directory = new TemporaryDirectory();
        await using var server = await ServerProcess.StartAsync(directory.File("cases.db"));
        using var client = server.CreateClient();

        foreach (var path in new[] { "/api/cases/unknown", "/API/CASES/unknown" })
        {
            using var response = await client.GetAsync(path);

            Assert.Equal(404, (int)response.StatusCode);
            Assert.False(response.Headers.Contains("Server"), "a Server header");
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.True(response.Headers.CacheControl?.NoStore);
        }
    }

    private static HttpRequestMessage Post(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.TryAddWithoutValidation("kbn-xsrf", "true");
        return request;
    }
}
