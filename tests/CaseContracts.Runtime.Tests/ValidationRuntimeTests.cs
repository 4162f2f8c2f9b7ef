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
}
