using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// Optimistic concurrency over HTTP: sixteen clients PATCH one case, each with the version it read. Every answer is 200 or
/// 409, exactly as many 200s as versions written, and the stored case is the last acknowledged write (on the run's
/// store: SQLite, or PostgreSQL in the suite's second run).
/// </summary>
public sealed class ConcurrentUpdateTests : IDisposable
{
    private const int Clients = 16;

    private readonly CaseServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Sixteen_clients_patching_with_the_version_they_read_get_200_or_409_and_the_case_is_the_last_acknowledged_write()
    {
        var created = await _server.ClientFor().CreateCaseAsync();
        var id = created.GetProperty("id").GetString()!;

        // Each client reads, then writes its own title with the version it read, a few times, all at once.
        var answers = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            using var http = _server.ClientFor();
            var results = new (int Status, string Title, string Read, string? Version)[3];
            for (var attempt = 0; attempt < results.Length; attempt++)
            {
                var (_, current) = await (await http.GetAsync($"/api/cases/{id}")).ReadAsync();
                var title = $"client {client} attempt {attempt}";
                var read = current.GetProperty("version").GetString()!;
                var body = JsonSerializer.Serialize(new { cases = new[] { new { id, version = read, title } } });
                var (status, answer) = await (await http.SendJsonAsync(HttpMethod.Patch, "/api/cases", body)).ReadAsync();
                results[attempt] = (status, title, read, status == 200 ? answer[0].GetProperty("version").GetString() : null);
            }

            return results;
        }));

        var all = answers.SelectMany(a => a).ToArray();
        Assert.All(all, answer => Assert.True(answer.Status is 200 or 409, "answered " + answer.Status));
        var written = all.Where(a => a.Status == 200).ToArray();
        Assert.NotEmpty(written);
        Assert.Equal(written.Length, written.Select(w => w.Version).Distinct().Count());
        // A version is written over once at most: two clients holding the same version cannot both succeed.
        Assert.Equal(written.Length, written.Select(w => w.Read).Distinct().Count());
        var (_, final) = await (await _server.ClientFor().GetAsync($"/api/cases/{id}")).ReadAsync();
        var last = written.OrderBy(w => CaseVersions.Sequence(w.Version!)).Last();
        Assert.Equal((last.Title, last.Version), (final.GetProperty("title").GetString(), final.GetProperty("version").GetString()));
        // The 200s form one chain from the created version to the final one: every version but the final was written
        // over exactly once (a 409 writes nothing). Sequence numbers cannot say it: PostgreSQL's sequences have gaps.
        var finalVersion = final.GetProperty("version").GetString()!;
        var overwritten = written.Select(w => w.Version!).Append(created.GetProperty("version").GetString()!).Where(v => v != finalVersion).Order(StringComparer.Ordinal);
        Assert.Equal(overwritten, written.Select(w => w.Read).Order(StringComparer.Ordinal));
    }
}
