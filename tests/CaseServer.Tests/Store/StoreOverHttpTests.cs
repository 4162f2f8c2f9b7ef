using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CaseServer.Cases.Storage;
using CaseServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CaseServer.Tests.Store;

/// <summary>The store under the server: a vanished database is a 500, never a 200; PostgreSQL serves the same endpoints.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreOverHttpTests(PostgresCluster cluster)
{
    [Fact]
    [Trait(TestStore.Trait, TestStore.SqliteOnly)]
    public async Task After_the_database_files_are_deleted_a_create_is_answered_500_and_restarting_warns_of_the_new_database()
    {
        string path;
        using (var server = new CaseServerFactory())
        {
            path = server.DatabasePath;
            using var client = server.ClientFor();
            var (before, _) = await client.CreateAsync(Requests.Example("none"));
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }

            var (after, body) = await client.CreateAsync(Requests.Example("none"));

            Assert.Equal(200, before);
            Assert.Equal(500, after);
            Assert.Equal("An internal server error occurred.", body.GetProperty("message").GetString());
            Assert.True(server.Logs.HasException<StorageIdentityException>(LogLevel.Error));

            // The restart: no database at the path any more, and it says so before creating one.
            using var restarted = new CaseServerFactory().With("ConnectionStrings:Cases", "Data Source=" + path);
            var (again, _) = await restarted.ClientFor().CreateAsync(Requests.Example("none"));
            Assert.Equal(200, again);
            Assert.Contains(restarted.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(path, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Get_answers_the_case_with_its_comments_as_kibanas_include_comments_default()
    {
        using var server = new CaseServerFactory();
        using var client = server.ClientFor();
        var (_, created) = await client.CreateAsync(Requests.Example("none"));
        var id = created.GetProperty("id").GetString()!;
        var stamp = new CaseServer.Cases.WriteStamp(new CaseServer.Contract.User { Username = "elastic" }, "2026-01-01T00:00:00.000Z");
        await server.Services.GetRequiredService<CaseServer.Cases.ICaseStore>().AddCommentAsync(id, "looked at it", stamp, System.Threading.CancellationToken.None);

        var (status, found) = await (await client.GetAsync("/api/cases/" + id)).ReadAsync();

        Assert.Equal(200, status);
        Assert.Equal(1, found.GetProperty("totalComment").GetInt32());
        Assert.Equal("looked at it", found.GetProperty("comments")[0].GetProperty("comment").GetString());
        Assert.NotEqual(created.GetProperty("version").GetString(), found.GetProperty("version").GetString());
    }

    [Fact]
    public async Task On_postgres_the_server_creates_a_case_and_reads_it_back()
    {
        using var server = new CaseServerFactory().With("CaseServer:Store", "postgres").With("ConnectionStrings:Cases", await cluster.CreateDatabaseAsync());
        using var client = server.ClientFor();

        var (status, created) = await client.CreateAsync(Requests.Example("jira"));
        var (found, read) = await (await client.GetAsync("/api/cases/" + created.GetProperty("id").GetString())).ReadAsync();

        Assert.Equal((200, 200), (status, found));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(created.GetRawText()), JsonNode.Parse(read.GetRawText())), read.GetRawText());
        Assert.False(File.Exists(server.DatabasePath)); // nothing written to SQLite
    }
}
