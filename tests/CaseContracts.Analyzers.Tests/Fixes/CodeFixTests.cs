using System.Threading.Tasks;
using CaseContracts.Analyzers.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Analyzers.Tests.Fixes;

/// <summary>
/// Every fix the analyzer offers, applied, and the cases where none is offered. Fixes edit JSON in
/// the literal's own form: escapes in a regular string, doubled quotes in a verbatim one, the
/// indentation of a raw one.
/// </summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task An_unknown_field_close_to_a_valid_one_is_renamed_to_it()
        => Verify.Fix(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                JiraFields Read() => JiraFields.Parse("""
                    {|CC0202:{|} {|CC0200:"isueType"|}: "Task", "priority": "High" }
                    """);
            }
            """", """"
            using Contract;

            class Example
            {
                JiraFields Read() => JiraFields.Parse("""
                    { "issueType": "Task", "priority": "High" }
                    """);
            }
            """", "CaseContracts.RenameField");

    [Fact]
    public Task An_unknown_field_is_removed_with_its_separator_from_a_multi_line_raw_literal()
        => Verify.Fix(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                JiraFields Read() => JiraFields.Parse("""
                    {
                      "issueType": "Task",
                      {|CC0200:"urgency"|}: "High",
                      "priority": "Low"
                    }
                    """);
            }
            """", """"
            using Contract;

            class Example
            {
                JiraFields Read() => JiraFields.Parse("""
                    {
                      "issueType": "Task",
                      "priority": "Low"
                    }
                    """);
            }
            """", "CaseContracts.RemoveField");

    [Fact]
    public Task The_last_field_is_removed_with_the_comma_before_it_from_a_regular_literal()
        => Verify.Fix(SchemaSet.Contract, """
            using Contract;

            class Example
            {
                JiraFields Read() => JiraFields.Parse("{\"issueType\": \"Task\", {|CC0200:\"urgency\"|}: \"High\"}");
            }
            """, """
            using Contract;

            class Example
            {
                JiraFields Read() => JiraFields.Parse("{\"issueType\": \"Task\"}");
            }
            """, "CaseContracts.RemoveField");

    [Fact]
    public Task A_missing_field_that_allows_null_is_added_as_null_on_its_own_line()
        => Verify.Fix(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse("""
                    {|CC0202:{|}
                      "id": "1",
                      "name": "Jira",
                      "type": ".jira"
                    }
                    """);
            }
            """", """"
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse("""
                    {
                      "id": "1",
                      "name": "Jira",
                      "type": ".jira",
                      "fields": null
                    }
                    """);
            }
            """", "CaseContracts.AddRequiredField");

    [Fact]
    public Task A_missing_field_is_added_inline_in_a_verbatim_literal()
        => Verify.Fix(SchemaSet.Contract, """
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse(@"{|CC0202:{|} ""id"": ""1"", ""name"": ""n"", ""type"": "".servicenow"" }");
            }
            """, """
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse(@"{ ""id"": ""1"", ""name"": ""n"", ""type"": "".servicenow"", ""fields"": null }");
            }
            """, "CaseContracts.AddRequiredField");

    [Fact]
    public Task An_unknown_connector_type_is_replaced_with_the_closest_known_one()
        => Verify.Fix(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse("""{ "id": "1", "name": "n", "type": {|CC0205:".jria"|}, "fields": null }""");
            }
            """", """"
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse("""{ "id": "1", "name": "n", "type": ".jira", "fields": null }""");
            }
            """", "CaseContracts.ReplaceValue");

    [Fact]
    public Task Fields_of_a_none_connector_are_replaced_with_null()
        => Verify.Fix(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse("""{ "id": "none", "name": "none", "type": ".none", "fields": {|CC0206:{}|} }""");
            }
            """", """"
            using Contract;

            class Example
            {
                Connector Read() => Connector.Parse("""{ "id": "none", "name": "none", "type": ".none", "fields": null }""");
            }
            """", "CaseContracts.ReplaceValue");

    [Fact]
    public Task A_json_value_outside_its_enum_is_replaced_with_the_closest_allowed_value()
        => Verify.Fix(SchemaSet.Limits, """"
            using Contract;

            class Example
            {
                Ticket Read() => Ticket.Parse("""{ "code": "AB-1", "priority": 1, "labels": ["x"], "level": {|CC0203:4|}, "channel": {|CC0203:"emial"|} }""");
            }
            """", """"
            using Contract;

            class Example
            {
                Ticket Read() => Ticket.Parse("""{ "code": "AB-1", "priority": 1, "labels": ["x"], "level": 3, "channel": "email" }""");
            }
            """", "CaseContracts.ReplaceValue");

    [Fact]
    public Task An_invalid_constant_is_replaced_with_the_closest_allowed_value()
        => Verify.Fix(SchemaSet.Limits, """
            using Contract;

            class Example
            {
                Ticket Make() => new Ticket { Code = "AB-1", Priority = {|CC0204:9|}, Labels = ["x"], Level = {|CC0203:0|} };
            }
            """, """
            using Contract;

            class Example
            {
                Ticket Make() => new Ticket { Code = "AB-1", Priority = 5, Labels = ["x"], Level = 1 };
            }
            """, "CaseContracts.ReplaceValue");

    [Fact]
    public Task No_fix_is_offered_for_a_wrong_type_a_length_a_pattern_or_malformed_json()
        => Verify.NoFix(SchemaSet.Limits, """"
            using Contract;

            class Example
            {
                Ticket Make() => new Ticket { Code = {|CC0204:"TOOLONG-12345"|}, Priority = 1, Labels = ["x"] };

                Ticket Read() => Ticket.Parse("""{ "code": {|CC0201:1|}, "priority": 1, "labels": ["x"] }""");

                Ticket Broken() => Ticket.Parse("""{ "code": "AB-1" {|CC0207:]|}""");
            }
            """");

    [Fact]
    public Task No_fix_is_offered_for_a_missing_field_that_does_not_allow_null()
        => Verify.NoFix(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                JiraFields Read() => JiraFields.Parse("""{|CC0202:{|} "priority": "High" }""");
            }
            """");

    [Fact]
    public Task Only_removal_is_offered_for_an_unknown_field_unlike_any_valid_one()
        => Verify.Fixes(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                JiraFields Read() => JiraFields.Parse("""{ "issueType": "Task", "urgency": "High" }""");
            }
            """", "Remove 'urgency'");

    [Fact]
    public Task Rename_and_removal_are_offered_for_a_misspelt_field()
        => Verify.Fixes(SchemaSet.Contract, """"
            using Contract;

            class Example
            {
                JiraFields Read() => JiraFields.Parse("""{ "issueType": "Task", "prority": "High" }""");
            }
            """", "Rename 'prority' to 'priority'", "Remove 'prority'");
}
