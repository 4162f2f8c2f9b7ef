using Xunit;

namespace CaseServer.Tests.Infrastructure;

/// <summary>The test classes sharing one throwaway PostgreSQL cluster (started once, each test on its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL cluster";
}
