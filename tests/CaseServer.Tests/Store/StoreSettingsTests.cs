using System.Collections.Generic;
using System.IO;
using System.Linq;
using CaseServer.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests.Store;

/// <summary><c>CaseServer:Store</c>, <c>CaseServer:GroupCommit</c> and <c>ConnectionStrings:Cases</c>: defaults, choices, and refusals that name the key.</summary>
[Trait(TestStore.Trait, TestStore.ChoosesItsOwn)]
public sealed class StoreSettingsTests
{
    [Fact]
    public void By_default_the_store_is_sqlite_with_group_commit()
    {
        var settings = Read();

        Assert.Empty(settings.Problems);
        Assert.Equal((CaseStoreKind.Sqlite, true), (settings.Store, settings.GroupCommit));
    }

    [Fact]
    public void Postgres_takes_the_connection_string_as_given_and_group_commit_can_be_turned_off()
    {
        var settings = Read(("CaseServer:Store", "postgres"), ("ConnectionStrings:Cases", "Host=127.0.0.1;Port=5433;Database=cases;Username=caseserver"), ("CaseServer:GroupCommit", "false"));

        Assert.Empty(settings.Problems);
        Assert.Equal(CaseStoreKind.Postgres, settings.Store);
        Assert.Contains("Port=5433", settings.ConnectionString, System.StringComparison.Ordinal);
        Assert.False(settings.GroupCommit);
        Assert.Equal(string.Empty, settings.DatabasePath);
    }

    [Theory]
    [InlineData("CaseServer:Store", "mysql", "'CaseServer:Store' must be 'sqlite' or 'postgres', not 'mysql'.")]
    [InlineData("CaseServer:GroupCommit", "sometimes", "'CaseServer:GroupCommit' must be true or false, not 'sometimes'.")]
    public void An_unknown_value_refuses_to_start_naming_the_key(string key, string value, string problem)
        => Assert.Equal([problem], Read((key, value)).Problems);

    [Fact]
    public void Postgres_without_a_connection_string_refuses_to_start()
    {
        var problem = Assert.Single(Read(("CaseServer:Store", "postgres")).Problems);

        Assert.Contains("'ConnectionStrings:Cases' is not set", problem, System.StringComparison.Ordinal);
    }

    private static CaseServerSettings Read(params (string Key, string Value)[] values)
        => CaseServerSettings.Read(
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build(),
            new Environment(Path.GetTempPath()));

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "CaseServer";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
