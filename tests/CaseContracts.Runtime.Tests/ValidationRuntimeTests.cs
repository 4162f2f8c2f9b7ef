using System;
using System.Linq;
using Xunit;

namespace CaseContracts.Runtime.Tests;

/// <summary>The validation state and messages the generated validators share.</summary>
public sealed class ValidationRuntimeTests
{
    [Fact]
    public void Errors_get_the_pointers_of_every_enclosing_member_and_element()
    {
        var context = new ValidationContext();
        context.Add("type", "5", "must be a string");
        context.Prefix(0, 3);
        context.Prefix(0, "/tags");
        context.AddForMember("a/b~c", "additionalProperties", null, "is not allowed");

        var errors = context.ToErrors()!;

        Assert.Equal(["/tags/3", "/a~1b~0c"], [errors[0].Path, errors[1].Path]);
    }

    [Fact]
    public void Truncating_drops_the_errors_of_a_failed_branch()
    {
        var context = new ValidationContext();
        context.Add("type", "1", "kept");
        var branch = context.ErrorCount;
        context.Add("const", "1", "dropped");
        context.Truncate(branch);

        Assert.Equal("kept", Assert.Single(context.ToErrors()!).Message);
    }

    [Fact]
    public void A_valid_run_has_no_error_list_at_all()
    {
        Assert.Null(new ValidationContext().ToErrors());
    }

    [Fact]
    public void Kibana_message_joins_unknown_keys_of_one_object_and_words_limits_as_Kibana_does()
    {
        var message = KibanaMessages.Format(
        [
            new ValidationError("/connector/fields/a", "additionalProperties", null, "is not allowed"),
            new ValidationError("/title", "maxLength", "x", "too long") { Limit = "160" },
            new ValidationError("/connector/fields/b", "additionalProperties", null, "is not allowed"),
            new ValidationError("/tags/0", "type", "5", "must be a string"),
        ]);

        Assert.Equal(
            "invalid keys \"a,b\",The length of the title is too long. The maximum length is 160.,Invalid value \"5\" supplied to \"tags,0\"",
            message);
    }

    [Fact]
    public void Past_the_limit_errors_are_counted_not_kept_then_one_last_error_says_how_many_were_left_out()
    {
        var context = new ValidationContext(maxErrors: 3);
        for (var i = 0; i < 5; i++)
        {
            context.AddAt(i, "type", "5", "must be a string");
        }

        // The count is what anyOf, oneOf and the readers compare: it must not stop at the limit.
        Assert.Equal(5, context.ErrorCount);
        var errors = context.ToErrors()!;
        Assert.Equal(["/0", "/1", "/2", ""], errors.Select(e => e.Path));
        Assert.Equal(ValidationContext.ErrorLimitKeyword, errors[3].Keyword);
        Assert.StartsWith("2 more errors were not reported", errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefixing_after_the_limit_reaches_only_the_kept_errors()
    {
        var context = new ValidationContext(maxErrors: 2);
        context.Add("type", "1", "first");
        context.Add("type", "2", "second");
        context.Add("type", "3", "counted only");
        context.Prefix(0, "/tags");

        var errors = context.ToErrors()!;

        Assert.Equal(["/tags", "/tags", ""], errors.Select(e => e.Path));
    }

    [Fact]
    public void A_run_that_reports_no_error_at_all_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationContext(maxErrors: 0));
    }

    [Fact]
    public void Kibana_message_of_thousands_of_long_errors_stops_near_its_budget()
    {
        var longName = new string('n', 10_000);
        var errors = Enumerable.Range(0, 5_000)
            .Select(i => new ValidationError("/" + longName + i, "type", "5", "must be a string"))
            .ToArray();

        var message = KibanaMessages.Format(errors);

        // One part past the budget at most (a part is cut at 512 characters and "…").
        Assert.InRange(message.Length, KibanaMessages.MaxMessageLength, KibanaMessages.MaxMessageLength + 600);
        Assert.EndsWith(",…", message, StringComparison.Ordinal);
    }
}
