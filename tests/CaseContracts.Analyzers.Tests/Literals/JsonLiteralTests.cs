using System.Threading.Tasks;
using CaseContracts.Analyzers.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Analyzers.Tests.Literals;

/// <summary>
/// JSON in C# string literals passed to a generated parse entry point or to a <c>[CaseContractsSchema]</c>
/// parameter is checked against the schema, and each problem is reported at its exact characters.
/// </summary>
public sealed class JsonLiteralTests
{
    [Fact]
    public Task Unknown_field_of_a_jira_connector_is_reported_at_its_name_listing_the_valid_fields()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse(
                    """
                    { "id": "1", "name": "Jira", "type": ".jira", "fields": { "issueType": "Task", {|#0:"urgency"|}: "High" } }
                    """);
            }
            """",
            Expect.UnknownField(0, "urgency", "connector '.jira'", "issueType, priority, parent"));

    [Fact]
    public Task Wrong_json_type_is_reported_at_the_value()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse(
                    """
                    {
                      "id": "1", "name": "IBM", "type": ".resilient",
                      "fields": { "issueTypes": [10], "severityCode": {|#0:"high"|} }
                    }
                    """);
            }
            """",
            Expect.WrongType(0, "severityCode", "number", "string"));

    [Fact]
    public Task Missing_required_field_is_reported_at_the_opening_brace_of_its_object()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse(
                    """
                    { "id": "1", "name": "Jira", "type": ".jira", "fields": {|#0:{|} "priority": "High" } }
                    """);
            }
            """",
            Expect.MissingField(0, "issueType", "connector '.jira'"));

    [Fact]
    public Task A_none_connector_with_fields_is_reported_at_the_fields()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse("""{ "id": "none", "name": "none", "type": ".none", "fields": {|#0:{ "issueType": "Task" }|} }""");
            }
            """",
            Expect.MustBeNull(0, "fields", "connector '.none'"));

    [Fact]
    public Task Unknown_connector_type_is_reported_at_the_type_listing_the_known_types()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                CreateCaseRequest Read() => CreateCaseRequest.Parse("""
                    {
                      "title": "t", "description": "d", "tags": [],
                      "connector": { "id": "1", "name": "n", "type": {|#0:".jria"|}, "fields": null },
                      "settings": { "syncAlerts": true }
                    }
                    """);
            }
            """",
            Expect.UnknownVariant(0, ".jria", "type", "connector", Expect.ConnectorTypes));

    [Fact]
    public Task Malformed_json_is_reported_at_the_character_where_it_stops_being_json()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                Settings Read() => Settings.Parse("""{ "syncAlerts": true {|#0:"|}x": 1 }""");
            }
            """",
            Expect.Malformed(0, "'\"' where ',' or '}' was expected"));

    [Fact]
    public Task Comments_are_malformed_json_as_the_generated_readers_reject_them()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                Settings Read() => Settings.Parse("""
                    { {|#0:/|}/ synchronise with alerts
                      "syncAlerts": true }
                    """);
            }
            """",
            Expect.Malformed(0, "a comment (comments are not JSON) where a property name was expected (names are strings in double quotes)"));

    [Fact]
    public Task A_regular_string_literal_is_mapped_through_its_escape_sequences()
        => Verify.Diagnostics(SchemaSet.Contract, """
            using Contract;

            class Example
            {
                JiraFields Read() => JiraFields.Parse("{\"issueType\": \"Task\", {|#0:\"\u0075rgency\"|}: \"High\"}");
            }
            """,
            Expect.UnknownField(0, "urgency", "'JiraFields'", "issueType, priority, parent"));

    [Fact]
    public Task A_verbatim_string_literal_is_mapped_through_its_doubled_quotes()
        => Verify.Diagnostics(SchemaSet.Contract, """
            using Contract;

            class Example
            {
                JiraFields Read() => JiraFields.Parse(@"{
                    ""issueType"": {|#0:42|}
                }");
            }
            """,
            Expect.WrongType(0, "issueType", "string", "integer"));

    [Fact]
    public Task A_utf8_literal_passed_to_TryParse_is_checked()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                bool Read() => Settings.TryParse("""{ "syncAlerts": {|#0:"yes"|} }"""u8).IsValid;
            }
            """",
            Expect.WrongType(0, "syncAlerts", "boolean", "string"));

    [Fact]
    public Task A_const_passed_by_name_is_reported_once_at_its_literal()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                const string Body = """{ "syncAlerts": true, {|#0:"syncalerts"|}: false }""";

                Settings First() => Settings.Parse(Body);

                Settings Second() => Settings.Parse(Example.Body);
            }
            """",
            Expect.UnknownField(0, "syncalerts", "'Settings'", "syncAlerts"));

    [Fact]
    public Task A_parameter_marked_with_its_schema_checks_the_json_passed_to_it()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using System.Diagnostics.CodeAnalysis;
            using CaseContracts;

            class Client
            {
                void Send([StringSyntax(StringSyntaxAttribute.Json), CaseContractsSchema("connectors/jira")] string json) { }

                void Use() => Send("""{ "id": "1", "name": "n", "type": ".jira", "fields": { "issueType": "Bug", {|#0:"severity"|}: "1" } }""");
            }
            """",
            Expect.UnknownField(0, "severity", "'JiraFields'", "issueType, priority, parent"));

    [Fact]
    public Task A_schema_may_be_named_by_its_file_name_alone()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using CaseContracts;

            class Client
            {
                void Send([CaseContractsSchema("settings")] string json) { }

                void Use() => Send(json: """{ "syncAlerts": {|#0:1|} }""");
            }
            """",
            Expect.WrongType(0, "syncAlerts", "boolean", "integer"));

    [Fact]
    public Task An_unknown_schema_name_is_reported_at_the_name()
        => Verify.Diagnostics(SchemaSet.Contract, """
            using CaseContracts;

            class Client
            {
                void Send([CaseContractsSchema({|#0:"create-case"|})] string json) { }
            }
            """,
            Expect.UnknownSchema(0, "create-case", Expect.ContractSchemaNames));

    [Fact]
    public Task Limits_and_combinators_are_checked_in_json_as_in_code()
        => Verify.Diagnostics(SchemaSet.Limits, """"
            using Contract;

            class Example
            {
                Ticket Read() => Ticket.Parse("""
                    {
                      "code": {|#0:"ab-1"|},
                      "priority": {|#1:0|},
                      "labels": {|#2:["x", "x"]|},
                      "level": {|#3:5|},
                      "contact": {|#4:true|}
                    }
                    """);
            }
            """",
            Expect.OutOfLimits(0, "code", "must match ^[A-Z]+-[0-9]+$"),
            Expect.OutOfLimits(1, "priority", "must be at least 1"),
            Expect.OutOfLimits(2, "labels", "must not contain duplicate items"),
            Expect.NotAllowed(3, "level", "5", "1, 2, 3"),
            Expect.NoMatch(4, "contact", "matches none of the schemas in oneOf"));

    [Fact]
    public Task Property_counts_are_checked_in_json_as_in_code()
        => Verify.Diagnostics(SchemaSet.Limits, """"
            using Contract;

            class Example
            {
                Ticket Empty() => Ticket.Parse("""{ "code": "AB-1", "priority": 1, "labels": ["x"], "attributes": {|#0:{}|} }""");

                Ticket Crowded() => Ticket.Parse("""{ "code": "AB-1", "priority": 1, "labels": ["x"], "attributes": {|#1:{ "a": 1, "b": 2, "c": 3 }|} }""");
            }
            """",
            Expect.OutOfLimits(0, "attributes", "must have at least 1 property"),
            Expect.OutOfLimits(1, "attributes", "must have at most 2 properties"));

    [Fact]
    public Task Valid_json_is_not_reported()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                CreateCaseRequest Read() => CreateCaseRequest.Parse("""
                    {
                      "description": "James Bond clicked on a highly suspicious email banner.",
                      "title": "This case will self-destruct in 5 seconds",
                      "tags": ["phishing", "social engineering"],
                      "connector": {
                        "id": "131d4448-abe0-4789-939d-8ef60680b498",
                        "name": "My connector",
                        "type": ".jira",
                        "fields": { "issueType": "10006", "priority": "High", }
                      },
                      "settings": { "syncAlerts": true }
                    }
                    """);
            }
            """");

    [Fact]
    public Task Strings_that_are_not_passed_to_a_contract_are_not_checked()
        => Verify.Diagnostics(SchemaSet.Contract, """"
            using System;
            using System.Text.Json;

            class Example
            {
                void Unrelated(string body)
                {
                    Console.WriteLine("""{ "urgency": "High" }""");
                    _ = int.Parse("42");
                    _ = JsonDocument.Parse("""{ "issueType": 5 }""");
                    _ = Contract.Settings.Parse(body);
                    _ = Contract.Settings.Parse($"{{ \"syncAlerts\": {body} }}");
                }
            }
            """");
}
