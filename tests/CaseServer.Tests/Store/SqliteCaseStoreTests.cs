using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases.Storage;
using CaseServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseServer.Tests.Store;

/// <summary>The store contract on SQLite, each test on a new file.</summary>
public sealed class SqliteCaseStoreTests : CaseStoreContract
{
    private readonly TemporaryDirectory _directory = new();

    /// <inheritdoc/>
    protected override async Task<RelationalCaseStore> CreateStoreAsync()
    {
        var store = new SqliteCaseStore("Data Source=" + _directory.File("cases.db"), NullLogger<SqliteCaseStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <inheritdoc/>
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
