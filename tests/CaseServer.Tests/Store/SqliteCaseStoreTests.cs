using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases.Storage;
using CaseServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CaseServer.Tests.Store;

/// <summary>The store contract on SQLite with group commit (the default), each test on a new file.</summary>
[Trait(TestStore.Trait, TestStore.ChoosesItsOwn)]
public class SqliteCaseStoreTests : CaseStoreContract
{
    private readonly TemporaryDirectory _directory = new();

    /// <summary>Whether the store under test groups commits.</summary>
    protected virtual bool GroupCommit => true;

    /// <inheritdoc/>
    protected override async Task<RelationalCaseStore> CreateStoreAsync()
    {
        var store = new SqliteCaseStore("Data Source=" + _directory.File("cases.db"), NullLogger<SqliteCaseStore>.Instance, GroupCommit);
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

/// <summary>The store contract on SQLite with one commit per write (<c>CaseServer:GroupCommit=false</c>).</summary>
[Trait(TestStore.Trait, TestStore.ChoosesItsOwn)]
public sealed class SqliteCaseStoreWithoutGroupCommitTests : SqliteCaseStoreTests
{
    /// <inheritdoc/>
    protected override bool GroupCommit => false;
}
