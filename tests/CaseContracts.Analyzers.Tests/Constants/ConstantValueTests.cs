using System.Threading.Tasks;
using CaseContracts.Analyzers.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Analyzers.Tests.Constants;

/// <summary>
/// Compile-time constants given to a generated type's members (object initializers and <c>with</c>)
/// are checked against the member's schema and reported at the value. The <c>Ticket</c> schema
/// (TestSchemas/limits) has one of each kind of limit.
/// </summary>
public sealed class ConstantValueTests
{
    [Fact]
    public Task A_string_shorter_than_minLength_and_off_its_pattern_is_reported_twice_at_the_value()
        => Verify.Diagnostics(SchemaSet.Limits, """
            using Contract;

            class Example
            {
                Ticket Make() => new Ticket { Code = {|#0:"ab"|}, Priority = 1, Labels = ["x"] };
            }
            """,
            Expect.OutOfLimits(0, "code", "must be at least 3 characters long"),
            Expect.OutOfLimits(0, "code", "must match ^[A-Z]+-[0-9]+$"));

    [Fact]
    public Task A_string_longer_than_maxLength_is_reported()
        => Verify.Diagnostics(SchemaSet.Limits, """
            using Contract;

            class Example
            {
                Ticket Make() => new Ticket { Code = {|#0:"ABCDEF-1234"|}, Priority = 1, Labels = ["x"] };
            }
            """,
            Expect.OutOfLimits(0, "code", "must be at most 8 characters long"));

    [Fact]
    public Task Numbers_outside_their_bounds_are_reported()
        => Verify.Diagnostics(SchemaSet.Limits, """
            using Contract;

            class Example
            {
                Ticket Low() => new Ticket { Code = "AB-1", Priority = {|#0:0|}, Labels = ["x"], Weight = {|#1:0|} };

                Ticket High() => new Ticket { Code = "AB-1", Priority = {|#2:9|}, Labels = ["x"], Weight = {|#3:100.0|} };

                Ticket Odd() => new Ticket { Code = "AB-1", Priority = 1, Labels = ["x"], Weight = {|#4:2.25|} };
            }
            """,
            Expect.OutOfLimits(0, "priority", "must be at least 1"),
            Expect.OutOfLimits(1, "weight", "must be greater than 0"),
            Expect.OutOfLimits(2, "priority", "must be at most 5"),
            Expect.OutOfLimits(3, "weight", "must be less than 100"),
            Expect.OutOfLimits(4, "weight", "must be a multiple of 0.5"));

    [Fact]
    public Task A_number_outside_its_enum_is_reported_with_the_allowed_values()
        => Verify.Diagnostics(SchemaSet.Limits, """
            using Contract;

            class Example
            {
                Ticket Make() => new Ticket { Code = "AB-1", Priority = 1, Labels = ["x"], Level = {|#0:7|} };
            }
            """,
            Expect.NotAllowed(0, "level", "7", "1, 2, 3"));

    [Fact]
    public Task A_collection_expression_of_constants_is_checked_for_its_count_its_items_and_duplicates()
        => Verify.Diagnostics(SchemaSet.Limits, """
            using Contract;

            class Example
            {
                Ticket None() => new Ticket { Code = "AB-1", Priority = 1, Labels = {|#0:[]|} };

                Ticket Many() => new Ticket { Code = "AB-1", Priority = 1, Labels = {|#1:["a", "b", "c", "d"]|} };

                Ticket Twice() => new Ticket { Code = "AB-1", Priority = 1, Labels = {|#2:["a", "a"]|} };

                Ticket Empty() => new Ticket { Code = "AB-1", Priority = 1, Labels = ["a", {|#3:""|}] };

                Ticket Array() => new Ticket { Code = "AB-1", Priority = 1, Labels = {|#4:new[] { "a", "b", "c", "d" }|} };
            }
            """,
            Expect.OutOfLimits(0, "labels", "must have at least 1 items"),
            Expect.OutOfLimits(1, "labels", "must have at most 3 items"),
            Expect.OutOfLimits(2, "labels", "must not contain duplicate items"),
            Expect.OutOfLimits(3, "labels[1]", "must be at least 1 characters long"),
            Expect.OutOfLimits(4, "labels", "must have at most 3 items"));

    [Fact]
    public Task Null_given_to_a_member_whose_schema_has_no_null_is_reported_even_when_forgiven()
        => Verify.Diagnostics(SchemaSet.Contract, """
            using Contract;

            class Example
            {
                JiraFields Make() => new JiraFields { IssueType = {|#0:null!|} };

                Connector.Jira Connector() => new Connector.Jira { Id = {|#1:default!|}, Name = "n", Fields = null };
            }
            """,
            Expect.WrongType(0, "issueType", "string", "null"),
            Expect.WrongType(1, "id", "string", "null"));

    [Fact]
    public Task A_with_expression_is_checked_like_an_initializer()
        => Verify.Diagnostics(SchemaSet.Limits, """
            using Contract;

            class Example
            {
                Ticket Raise(Ticket ticket) => ticket with { Priority = {|#0:6|}, Note = {|#1:"a note longer than twenty characters"|} };
            }
            """,
            Expect.OutOfLimits(0, "priority", "must be at most 5"),
            Expect.OutOfLimits(1, "note", "must be at most 20 characters long"));

    [Fact]
    public Task Constant_expressions_are_evaluated_before_they_are_checked()
        => Verify.Diagnostics(SchemaSet.Limits, """
            using Contract;

            class Example
            {
                const string Prefix = "AB";
                const long Top = 5;

                Ticket Make() => new Ticket { Code = {|#0:Prefix + "-" + "123456"|}, Priority = {|#1:Top + 1|}, Labels = ["x"] };
            }
            """,
            Expect.OutOfLimits(0, "code", "must be at most 8 characters long"),
            Expect.OutOfLimits(1, "priority", "must be at most 5"));

    [Fact]
    public Task Valid_constants_are_not_reported()
        => Verify.Diagnostics(SchemaSet.Limits, """
            using Contract;

            class Example
            {
                Ticket Make() => new Ticket { Code = "AB-12", Priority = 5, Level = 2, Weight = 99.5, Labels = ["a", "b", "c"], Note = null, Done = true };
            }
            """);

    [Fact]
    public Task Values_that_are_not_constants_are_left_to_Validate_at_run_time()
        => Verify.Diagnostics(SchemaSet.Limits, """
            using Contract;

            class Example
            {
                Ticket Make(string code, long priority, string label) => new Ticket { Code = code, Priority = priority, Labels = [label, label] };

                Ticket Spread(string[] labels) => new Ticket { Code = "AB-1", Priority = 1, Labels = [.. labels, "x"] };
            }
            """);

    [Fact]
    public Task Types_that_are_not_generated_from_a_schema_are_not_checked()
        => Verify.Diagnostics(SchemaSet.Limits, """
            class Ticket2
            {
                public string Code { get; init; } = "";
            }

            class Example
            {
                Ticket2 Make() => new Ticket2 { Code = "" };
            }
            """);
}
