using System;
using System.Linq;
using CaseContracts.Contract;
using Xunit;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>The generated connector union: closed, exhaustive, and strict about which fields go with which type.</summary>
public sealed class ConnectorUnionTests
{
    private static readonly Connector Jira = new Connector.Jira
    {
        Id = "1",
        Name = "Jira",
        Fields = new JiraFields { IssueType = "10006", Priority = "High" },
    };

    [Fact]
    public void Match_calls_the_function_for_the_variant()
    {
        var described = Jira.Match(
            jira: j => "jira " + j.Fields!.IssueType,
            serviceNow: _ => "servicenow",
            resilient: _ => "resilient",
            none: _ => "none");

        Assert.Equal("jira 10006", described);
    }

    [Fact]
    public void Match_with_state_passes_the_state_without_a_closure()
    {
        var described = Jira.Match(
            "prefix:",
            jira: static (prefix, j) => prefix + j.Type,
            serviceNow: static (prefix, s) => prefix + s.Type,
            resilient: static (prefix, r) => prefix + r.Type,
            none: static (prefix, n) => prefix + n.Type);

        Assert.Equal("prefix:.jira", described);
    }

    [Fact]
    public void Switch_runs_only_the_action_for_the_variant()
    {
        var calls = new System.Collections.Generic.List<string>();

        new Connector.None { Id = "none", Name = "none" }.Switch(
            jira: _ => calls.Add("jira"),
            serviceNow: _ => calls.Add("servicenow"),
            resilient: _ => calls.Add("resilient"),
            none: _ => calls.Add("none"));

        Assert.Equal(["none"], calls);
    }

    [Fact]
    public void Union_constructor_is_private_so_only_its_nested_variants_derive_from_it()
    {
        var constructors = typeof(Connector).GetConstructors(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance);

        Assert.Contains(constructors, c => c.IsPrivate && c.GetParameters().Length == 0);
        // The only other constructor is the compiler's record copy constructor (protected by language rule).
        Assert.All(constructors.Where(c => !c.IsPrivate), c => Assert.Equal([typeof(Connector)], c.GetParameters().Select(p => p.ParameterType)));
    }

    [Fact]
    public void Variants_with_equal_values_are_equal_records()
    {
        var copy = ((Connector.Jira)Jira) with { };

        Assert.Equal(Jira, copy);
        Assert.NotEqual(Jira, ((Connector.Jira)Jira) with { Name = "Other" });
    }

    [Fact]
    public void None_connector_with_fields_is_rejected()
    {
        var json = """{"id":"none","name":"none","type":".none","fields":{}}""";

        var error = Assert.Throws<System.Text.Json.JsonException>(() => Connector.Parse(json));
        Assert.Contains("fields", error.Message);
    }

    [Fact]
    public void Jira_connector_with_servicenow_fields_is_rejected()
    {
        var json = """{"id":"1","name":"n","type":".jira","fields":{"issueType":"1","urgency":"High"}}""";

        var error = Assert.Throws<System.Text.Json.JsonException>(() => Connector.Parse(json));
        Assert.Contains("urgency", error.Message);
    }

    [Fact]
    public void Unknown_connector_type_is_rejected_naming_the_allowed_types()
    {
        var json = """{"id":"1","name":"n","type":".swimlane","fields":null}""";

        var error = Assert.Throws<System.Text.Json.JsonException>(() => Connector.Parse(json));
        Assert.Contains("\".jira\"", error.Message);
        Assert.Contains(".swimlane", error.Message);
    }

    [Fact]
    public void Connector_without_type_is_rejected()
    {
#pragma warning disable CC0202 // the missing "type" is what this test is about
        var error = Assert.Throws<System.Text.Json.JsonException>(() => Connector.Parse("""{"id":"1","name":"n","fields":null}"""));
#pragma warning restore CC0202

        Assert.Contains("'type' is missing", error.Message);
    }

    [Theory]
    [InlineData("""{"title":"t","description":"d","tags":[],"connector":{"id":"none","name":"none","type":".none","fields":null},"settings":{"syncAlerts":true},"status":"open"}""", "status")]
    [InlineData("""{"title":"t","description":"d","tags":[],"connector":{"id":"none","name":"none","type":".none","fields":null}}""", "settings")]
    [InlineData("""{"title":"t","description":"d","tags":[1],"connector":{"id":"none","name":"none","type":".none","fields":null},"settings":{"syncAlerts":true}}""", "tags")]
    public void Request_that_does_not_fit_the_schema_is_rejected_naming_the_property(string json, string property)
    {
        var error = Assert.Throws<System.Text.Json.JsonException>(() => CreateCaseRequest.Parse(json));

        Assert.Contains(property, error.Message);
    }

    [Fact]
    public void Comments_are_rejected_because_they_are_not_json()
    {
        var json = """{"id":"none", /* no */ "name":"none","type":".none","fields":null}""";

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => Connector.Parse(json));
    }

    [Fact]
    public void Case_response_from_the_api_page_round_trips()
    {
        var response = Case.Parse(RequestFiles.Read("api-page-example-response.json"));

        Assert.Equal(CaseStatus.Open, response.Status);
        Assert.Equal("ahunley", response.CreatedBy.Username);
        Assert.Null(response.ClosedBy);
        Assert.Equal(response, Case.Parse(response.ToJson()));
    }
}
