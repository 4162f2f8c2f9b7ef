using CaseContracts.Contract;
using Xunit;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>Errors rendered the way Kibana's Create-case API words them (see kibana-facts in the README's contract section).</summary>
public sealed class KibanaMessageTests
{
    private const string Valid = """
        {"title":"t","description":"d","tags":[],"connector":{"id":"none","name":"none","type":".none","fields":null},"settings":{"syncAlerts":true}}
        """;

    [Fact]
    public void Missing_property_is_an_undefined_value()
    {
        var result = CreateCaseRequest.TryParse(Valid.Replace("\"title\":\"t\",", string.Empty).Utf8());

        Assert.Equal("Invalid value \"undefined\" supplied to \"title\"", KibanaMessages.Format(result.Errors));
    }

    [Fact]
    public void Wrong_nested_value_names_the_path_keys()
    {
        var json = Valid.Replace("\"type\":\".none\",\"fields\":null", "\"type\":\".jira\",\"fields\":{\"issueType\":5}");

        var result = CreateCaseRequest.TryParse(json.Utf8());

        Assert.Equal("Invalid value \"5\" supplied to \"connector,fields,issueType\"", KibanaMessages.Format(result.Errors));
    }

    [Fact]
    public void Unknown_keys_of_one_object_are_listed_together()
    {
        var result = CreateCaseRequest.TryParse(Valid.Replace("\"title\":\"t\",", "\"title\":\"t\",\"badKey\":1,\"other\":2,").Utf8());

        Assert.Equal("invalid keys \"badKey,other\"", KibanaMessages.Format(result.Errors));
    }

    [Fact]
    public void Several_errors_are_comma_joined()
    {
        var result = CreateCaseRequest.TryParse(Valid.Replace("\"title\":\"t\",", "\"badKey\":1,").Replace("\"d\"", "7").Utf8());

        Assert.Equal("invalid keys \"badKey\",Invalid value \"7\" supplied to \"description\",Invalid value \"undefined\" supplied to \"title\"", KibanaMessages.Format(result.Errors));
    }

    [Theory]
    [InlineData("maxLength", "title", "x", "160", "The length of the title is too long. The maximum length is 160.")]
    [InlineData("minLength", "title", "", "1", "The title field cannot be an empty string.")]
    [InlineData("maxItems", "tags", "[…]", "200", "The length of the field tags is too long. Array must be of length <= 200.")]
    public void Limit_errors_use_kibanas_limit_messages(string keyword, string field, string value, string limit, string expected)
    {
        var error = new ValidationError("/" + field, keyword, value, "limit") { Limit = limit };

        Assert.Equal(expected, KibanaMessages.Format([error]));
    }

    [Fact]
    public void A_string_that_is_not_valid_unicode_is_an_invalid_value_shown_as_written()
    {
        var result = CreateCaseRequest.TryParse(Valid.Replace("\"title\":\"t\"", "\"title\":\"t\\ud800\"").Utf8());

        Assert.Equal("Invalid value \"t\\ud800\" supplied to \"title\"", KibanaMessages.Format(result.Errors));
    }

    [Fact]
    public void An_error_without_a_value_names_its_path_keys_and_says_what_is_wrong()
    {
        var error = new ValidationError("/connector/fields", "$ref", null, "the schema refers to itself without end");

        Assert.Equal("\"connector,fields\" the schema refers to itself without end", KibanaMessages.Format([error]));
    }

    [Fact]
    public void An_error_without_a_value_at_the_document_is_its_message()
    {
        var error = new ValidationError("", "$ref", null, "the schema refers to itself without end");

        Assert.Equal("the schema refers to itself without end", KibanaMessages.Format([error]));
    }
}
