using System;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Contract;
using Xunit;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>
/// <c>TryParse</c> reads the connector in one pass whatever the order of its members: the members every variant
/// declares alike as they come, the others with the reader of the variant <c>type</c> names, those before
/// <c>type</c> once it is read. It finds exactly the errors the union's validator finds.
/// </summary>
public sealed class ConnectorMemberOrderTests
{
    private const string Request = """{"title":"t","description":"d","tags":[],"connector":CONNECTOR,"settings":{"syncAlerts":true}}""";

    [Fact]
    public void Fields_before_the_type_are_read_with_the_named_variants_reader()
    {
        var error = Assert.Single(Parse("""{"fields":{"issueType":"1","urgency":"High"},"id":"1","name":"n","type":".jira"}""").Errors);

        Assert.Equal(("/connector/fields/urgency", "additionalProperties", "High"), (error.Path, error.Keyword, error.Value));
    }

    [Fact]
    public void Fields_before_the_type_bind_to_the_named_variant()
    {
        var result = Parse("""{"fields":{"issueType":"10006","priority":null},"name":"n","type":".jira","id":"1"}""");

        var jira = Assert.IsType<Connector.Jira>(result.Value!.Connector);
        Assert.Equal(("1", "n", "10006"), (jira.Id, jira.Name, jira.Fields!.IssueType));
    }

    [Fact]
    public void A_member_no_variant_declares_is_reported_wherever_it_stands()
    {
        Assert.Equal("/connector/extra additionalProperties", Describe(Parse("""{"extra":1,"id":"none","name":"none","fields":null,"type":".none"}""")));
        Assert.Equal("/connector/extra additionalProperties", Describe(Parse("""{"id":"none","name":"none","type":".none","extra":1,"fields":null}""")));
    }

    [Fact]
    public void Without_a_type_its_absence_is_the_one_error_of_the_connector()
    {
        var error = Assert.Single(Parse("""{"id":5,"name":"n","fields":{"issueType":3}}""").Errors);

        Assert.Equal(("/connector/type", "required"), (error.Path, error.Keyword));
    }

    [Fact]
    public void An_unknown_type_after_wrong_members_is_the_one_error_of_the_connector()
    {
        var error = Assert.Single(Parse("""{"id":5,"fields":{"issueType":3},"type":{"kind":"jira"}}""").Errors);

        Assert.Equal(("/connector/type", "oneOf", """{"kind":"jira"}"""), (error.Path, error.Keyword, error.Value));
    }

    [Fact]
    public void A_repeated_type_must_name_the_same_variant()
    {
        var error = Assert.Single(Parse("""{"id":"1","name":"n","type":".none","fields":null,"type":".jira"}""").Errors);

        Assert.Equal(("/connector/type", "const", ".jira"), (error.Path, error.Keyword, error.Value));
    }

    [Fact]
    public void Every_order_of_the_members_gives_the_errors_the_validator_gives()
    {
        string[] members = ["\"id\":5", "\"name\":\"n\"", "\"type\":\".jira\"", "\"fields\":{\"issueType\":3,\"urgency\":\"x\"}", "\"extra\":true"];
        var orders = Permutations(members).ToList();

        foreach (var order in orders)
        {
            var json = Request.Replace("CONNECTOR", "{" + string.Join(",", order) + "}");
            var validated = SchemaValidators.ValidateDocument_create_case_request(json.Utf8(), out _)!;

            Assert.Equal(Sorted(validated), Sorted(CreateCaseRequest.TryParse(json.Utf8()).Errors));
        }

        Assert.Equal(120, orders.Count);
    }

    private static ParseResult<CreateCaseRequest> Parse(string connector) => CreateCaseRequest.TryParse(Request.Replace("CONNECTOR", connector).Utf8());

    private static string Describe(ParseResult<CreateCaseRequest> result) => string.Join("; ", result.Errors.Select(e => e.Path + " " + e.Keyword));

    private static string[] Sorted(IEnumerable<ValidationError> errors)
        => errors.Select(e => $"{e.Path} {e.Keyword} {e.Value} {e.Message}").OrderBy(e => e, StringComparer.Ordinal).ToArray();

    private static IEnumerable<string[]> Permutations(string[] items)
        => items.Length <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToArray()).Select(rest => new[] { item }.Concat(rest).ToArray()));
}
