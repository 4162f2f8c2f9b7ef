using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases.Storage;
using CaseServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CaseServer.Tests.Store;

/// <summary>The store contract on PostgreSQL: one throwaway cluster for the class, a new database per test.</summary>
[Trait(TestStore.Trait, TestStore.ChoosesItsOwn)]
[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseStoreTests(PostgresCluster cluster) : CaseStoreContract
{
    /// <inheritdoc/>
    protected override async Task<RelationalCaseStore> CreateStoreAsync()
    {
        var store = new PostgresCaseStore(await cluster.CreateDatabaseAsync(), NullLogger<PostgresCaseStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
