using System.Threading.Tasks;
using CaseContracts.Package.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Package.Tests;

/// <summary>
/// The analyzers the package ships check JSON fixture files in a fresh project at build time: the console
/// project lists Consumers/Fixtures/wrong-connector-field.json (a .jira connector with ServiceNow's
/// <c>urgency</c>) as AdditionalFiles with <c>CaseContractsSchema="connector"</c> (behind a switch, so the
/// other tests build without it).
/// </summary>
[Collection(PackageTestCollection.Name)]
public sealed class AnalyzerInFreshProjectTests(FreshConsumers consumers)
{
    [Fact]
    public async Task A_json_fixture_with_a_wrong_connector_field_is_reported_at_its_location_in_the_build_output()
    {
        var build = await consumers.BuildConsoleWithWrongConnectorFixtureAsync();

        // Line 8, column 5: the "urgency" key; the message names the connector type and its valid fields.
        Assert.Contains(
            "fixtures/wrong-connector-field.json(8,5): warning CC0200: 'urgency' is not a field of connector '.jira' (fields: issueType, priority, parent)",
            build.Output.Replace('\\', '/'));
    }
}
