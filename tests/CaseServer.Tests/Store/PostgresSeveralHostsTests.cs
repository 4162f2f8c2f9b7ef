using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases;
using CaseServer.Cases.Storage;
using CaseServer.Contract;
using CaseServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CaseServer.Tests.Store;

/// <summary>
/// Several hosts on one PostgreSQL database (each its own store, pool and process state, as separate
/// CaseServer processes have): what one writes the others read, and versions decide between them.
/// </summary>
[Trait(TestStore.Trait, TestStore.ChoosesItsOwn)]
[Collection(PostgresCollection.Name)]
public sealed class PostgresSeveralHostsTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly WriteStamp s_stamp = new(new User { Username = "bob" }, "2026-01-02T03:04:05.678Z");
    private readonly List<PostgresCaseStore> _hosts = [];

    public async Task InitializeAsync()
    {
        var database = await cluster.CreateDatabaseAsync();
        // Started together, as a deployment starts them: the migration runs once, under its lock.
        var hosts = Enumerable.Range(0, 3).Select(_ => new PostgresCaseStore(database, NullLogger<PostgresCaseStore>.Instance)).ToList();
        await Task.WhenAll(hosts.Select(h => h.InitializeAsync(CancellationToken.None)));
        _hosts.AddRange(hosts);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_case_created_on_one_host_is_read_found_and_patched_on_the_others()
    {
        var created = await _hosts[0].CreateAsync(Draft("made on host 0", ["shared"]), CancellationToken.None);

        var read = await _hosts[1].FindAsync(created.Id, CancellationToken.None);
        var found = await _hosts[2].FindCasesAsync(new CaseQuery { Tags = ["shared"], Search = "host" }, CancellationToken.None);
        var patched = await _hosts[2].UpdateAsync([new CasePatch { Id = created.Id, Version = read!.Version, Title = "patched on host 2" }], s_stamp, CancellationToken.None);

        Assert.Equal(CaseDocument.ToJson(created), CaseDocument.ToJson(read));
        Assert.Equal([created.Id], found.Cases.Select(c => c.Id));
        Assert.Equal("patched on host 2", (await _hosts[0].FindAsync(created.Id, CancellationToken.None))!.Title);
        Assert.Equal(patched.Value!.Single().Version, (await _hosts[1].FindAsync(created.Id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Sixteen_clients_over_three_hosts_patching_one_case_with_the_versions_they_read_write_once_per_version()
    {
        var created = await _hosts[0].CreateAsync(Draft("contended", []), CancellationToken.None);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<Case>();
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, 16).Select(client => Task.Run(async () =>
        {
            var host = _hosts[client % _hosts.Count];
            for (var round = 0; round < 5; round++)
            {
                var current = (await host.FindAsync(created.Id, CancellationToken.None))!;
                var result = await host.UpdateAsync([new CasePatch { Id = created.Id, Version = current.Version, Title = $"client {client} round {round}" }], s_stamp, CancellationToken.None);
                if (result.IsDone)
                {
                    acknowledged.Add(result.Value!.Single());
                }
                else
                {
                    Assert.Equal(StoreOutcome.Conflict, result.Outcome);
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        var final = (await _hosts[1].FindAsync(created.Id, CancellationToken.None))!;
        var last = acknowledged.MaxBy(c => SequenceNumber(c.Version))!;
        Assert.Equal(80, acknowledged.Count + conflicts);
        Assert.Equal(acknowledged.Count, acknowledged.Select(c => c.Version).Distinct().Count());
        Assert.Equal(CaseDocument.ToJson(last), CaseDocument.ToJson(final));
    }

    [Fact]
    public async Task Bulk_updates_of_the_same_cases_in_opposite_orders_on_two_hosts_never_deadlock()
    {
        for (var i = 0; i < 60; i++)
        {
            await _hosts[0].CreateAsync(Draft("case " + i, ["bulk"]), CancellationToken.None);
        }

        // Each round, two hosts patch all the cases at once, one in order and one in reverse, with fresh versions.
        for (var round = 0; round < 10; round++)
        {
            var current = (await _hosts[0].FindCasesAsync(new CaseQuery { Tags = ["bulk"], PerPage = 100 }, CancellationToken.None)).Cases;
            var forward = current.Select(c => new CasePatch { Id = c.Id, Version = c.Version, Title = $"forward {round}" }).ToList();
            var backward = current.Reverse().Select(c => new CasePatch { Id = c.Id, Version = c.Version, Title = $"backward {round}" }).ToList();
            using var go = new SemaphoreSlim(0);
            var updates = new[] { (Host: _hosts[1], Patches: forward), (Host: _hosts[2], Patches: backward) }
                .Select(u => Task.Run(async () => { await go.WaitAsync(); return await u.Host.UpdateAsync(u.Patches, s_stamp, CancellationToken.None); })).ToArray();
            go.Release(2);
            var results = await Task.WhenAll(updates);

            // A deadlock would surface as an exception; here exactly one wins and the other is told its versions are stale.
            Assert.Single(results, r => r.IsDone);
            Assert.Single(results, r => r.Outcome == StoreOutcome.Conflict);
        }
    }

    private static long SequenceNumber(string version)
        => long.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(version)).Trim('[', ']').Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static Case Draft(string title, string[] tags) => CaseDrafts.New(title, tags, new User { Username = "alice" });
}
