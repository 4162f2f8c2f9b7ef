using Xunit;

namespace CaseContracts.Package.Tests.Infrastructure;

/// <summary>One package, one set of fresh projects, shared by every test class (packing and building happen once).</summary>
[CollectionDefinition(Name)]
public sealed class PackageTestCollection : ICollectionFixture<FreshConsumers>
{
    public const string Name = "Package";
}
