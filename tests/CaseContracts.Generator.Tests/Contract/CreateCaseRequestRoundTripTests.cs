using System.Text.Json;
using System.Text.Json.Nodes;
using CaseContracts.Contract;
using Xunit;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>
/// The types generated from the repository's schema/ (by this project's own build, as a consumer
/// would get them) read the API page's requests and write them back as equivalent JSON.
/// </summary>
public sealed class CreateCaseRequestRoundTripTests
{
    [Fact]
    public void Api_page_example_with_its_trailing_comma_reads_into_a_jira_connector()
    {
        var request = CreateCaseRequest.Parse(RequestFiles.Read("api-page-example.json"));

        Assert.Equal("This case will self-destruct in 5 seconds", request.Title);
        Assert.Equal(["phishing", "social engineering"], request.Tags);
        Assert.True(request.Settings.SyncAlerts);
        var jira = Assert.IsType<Connector.Jira>(request.Connector);
        Assert.Equal("131d4448-abe0-4789-939d-8ef60680b498", jira.Id);
        Assert.Equal(".jira", jira.Type);
        Assert.Equal("10006", jira.Fields!.IssueType);
        Assert.Equal("High", jira.Fields.Priority);
        Assert.Null(jira.Fields.Parent);
    }

    [Fact]
    public void Api_page_example_writes_back_to_equivalent_json_with_absent_nullable_fields_as_null()
    {
        var original = RequestFiles.Read("api-page-example.json");

        var written = CreateCaseRequest.Parse(original).ToJson();

        var expected = ParseLenient(original);
        expected["connector"]!["fields"]!["parent"] = null;
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(written)), written);
    }

    [Theory]
    [InlineData("jira.json", typeof(Connector.Jira))]
    [InlineData("servicenow.json", typeof(Connector.ServiceNow))]
    [InlineData("resilient.json", typeof(Connector.Resilient))]
    [InlineData("none.json", typeof(Connector.None))]
    public void Each_connector_type_round_trips(string file, System.Type variant)
    {
        var request = CreateCaseRequest.Parse(RequestFiles.Read(file));
        var written = request.ToJson();
        var reread = CreateCaseRequest.Parse(written);

        Assert.IsType(variant, request.Connector);
        Assert.Equal(request, reread);
        Assert.Equal(written, reread.ToJson());
    }

    [Fact]
    public void Discriminator_after_the_fields_still_selects_the_variant()
    {
        var request = CreateCaseRequest.Parse(RequestFiles.Read("servicenow.json"));

        var serviceNow = Assert.IsType<Connector.ServiceNow>(request.Connector);
        Assert.Equal(".servicenow", serviceNow.Type);
    }

    [Fact]
    public void Writer_puts_properties_in_schema_order_whatever_the_input_order()
    {
        var written = CreateCaseRequest.Parse(RequestFiles.Read("servicenow.json")).ToJson();

        using var document = JsonDocument.Parse(written);
        Assert.Equal(["title", "description", "tags", "connector", "settings"], Names(document.RootElement));
        Assert.Equal(["id", "name", "type", "fields"], Names(document.RootElement.GetProperty("connector")));
    }

    [Fact]
    public void None_connector_is_written_with_null_fields_and_has_no_fields_member()
    {
        var connector = new Connector.None { Id = "none", Name = "none" };

        Assert.Equal("""{"id":"none","name":"none","type":".none","fields":null}""", connector.ToJson());
        Assert.Null(typeof(Connector.None).GetProperty("Fields"));
    }

    [Fact]
    public void Resilient_fields_are_numbers_as_the_api_page_documents()
    {
        var request = CreateCaseRequest.Parse(RequestFiles.Read("resilient.json"));

        var fields = Assert.IsType<Connector.Resilient>(request.Connector).Fields!;
        Assert.IsAssignableFrom<System.Collections.Generic.IReadOnlyList<double>>(fields.IssueTypes);
        Assert.IsType<double>(fields.SeverityCode);
    }

    private static JsonNode ParseLenient(string json)
        => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })!;

    private static string[] Names(JsonElement element)
    {
        var names = new System.Collections.Generic.List<string>();
        foreach (var property in element.EnumerateObject())
        {
            names.Add(property.Name);
        }

        return names.ToArray();
    }
}
