using System.Linq;
using System.Text;
using CaseContracts.Contract;
using Xunit;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>
/// <c>TryParse</c> on the Create-case request: the value when valid; otherwise every error, each with
/// the JSON Pointer of the value, the failing keyword and the offending value.
/// </summary>
public sealed class RequestValidationTests
{
    private const string Valid = """
        {"title":"t","description":"d","tags":[],"connector":{"id":"none","name":"none","type":".none","fields":null},"settings":{"syncAlerts":true}}
        """;

    [Fact]
    public void Valid_request_gives_the_value_and_no_errors()
    {
        var result = CreateCaseRequest.TryParse(RequestFiles.Read("api-page-example.json").Utf8());

        Assert.True(result.IsValid);
        Assert.IsType<Connector.Jira>(result.Value.Connector);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var json = """{"description":5,"tags":["a",1],"connector":{"id":"none","name":"none","type":".none","fields":null},"settings":{"syncAlerts":true},"status":"open"}""";

        var result = CreateCaseRequest.TryParse(json.Utf8());

        Assert.False(result.IsValid);
        Assert.Equal(
            [("/description", "type"), ("/tags/1", "type"), ("/status", "additionalProperties"), ("/title", "required")],
            result.Errors.Select(e => (e.Path, e.Keyword)));
        Assert.Equal("5", result.Errors[0].Value);
        Assert.Null(result.Errors[3].Value);
    }

    [Fact]
    public void None_connector_with_fields_is_an_error_at_its_fields()
    {
        var result = CreateCaseRequest.TryParse(Valid.Replace("\"fields\":null", "\"fields\":{}").Utf8());

        var error = Assert.Single(result.Errors);
        Assert.Equal(("/connector/fields", "type"), (error.Path, error.Keyword));
    }

    [Fact]
    public void Jira_connector_with_servicenow_fields_names_the_foreign_field()
    {
        var json = Valid.Replace("\"type\":\".none\",\"fields\":null", "\"type\":\".jira\",\"fields\":{\"issueType\":\"1\",\"urgency\":\"High\"}");

        var error = Assert.Single(CreateCaseRequest.TryParse(json.Utf8()).Errors);

        Assert.Equal(("/connector/fields/urgency", "additionalProperties"), (error.Path, error.Keyword));
    }

    [Fact]
    public void Unknown_connector_type_is_one_error_at_the_type()
    {
        var error = Assert.Single(CreateCaseRequest.TryParse(Valid.Replace(".none", ".swimlane").Utf8()).Errors);

        Assert.Equal(("/connector/type", "oneOf", ".swimlane"), (error.Path, error.Keyword, error.Value));
    }

    [Fact]
    public void Discriminator_last_in_the_object_is_found()
    {
        var json = Valid.Replace("\"type\":\".none\",\"fields\":null", "\"fields\":{\"urgency\":null},\"type\":\".servicenow\"");

        Assert.True(CreateCaseRequest.TryParse(json.Utf8()).IsValid);
    }

    [Fact]
    public void A_string_that_is_not_valid_unicode_is_one_error_at_its_path_shown_as_written()
    {
        var result = CreateCaseRequest.TryParse(Valid.Replace("\"tags\":[]", "\"tags\":[\"a\",\"b\\ud800c\"]").Utf8());

        Assert.False(result.IsMalformed);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("/tags/1", "type", "b\\ud800c"), (error.Path, error.Keyword, error.Value));
        Assert.Contains("not valid Unicode", error.Message);
    }

    [Fact]
    public void A_string_that_is_not_valid_unicode_before_the_connector_type_is_found_at_its_path()
    {
        var json = Valid.Replace("\"type\":\".none\",\"fields\":null", "\"fields\":{\"issueType\":\"\\udc00\"},\"type\":\".jira\"");

        var error = Assert.Single(CreateCaseRequest.TryParse(json.Utf8()).Errors);

        Assert.Equal(("/connector/fields/issueType", "\\udc00"), (error.Path, error.Value));
    }

    [Fact]
    public void Of_several_strings_that_are_not_valid_unicode_the_first_in_the_document_is_reported()
    {
        var json = Valid.Replace("\"title\":\"t\"", "\"title\":\"\\ud801\"").Replace("\"description\":\"d\"", "\"description\":\"\\ud802\"");

        var error = Assert.Single(CreateCaseRequest.TryParse(json.Utf8()).Errors);

        Assert.Equal(("/title", "\\ud801"), (error.Path, error.Value));
    }

    [Fact]
    public void A_string_that_is_not_valid_utf8_is_one_error_at_its_path_not_an_exception()
    {
        var utf8 = Valid.Utf8();
        var at = Encoding.UTF8.GetString(utf8).IndexOf("\"d\"", System.StringComparison.Ordinal) + 1;
        utf8[at] = 0xC3; // a lead byte followed by '"': no UTF-8 sequence

        var error = Assert.Single(CreateCaseRequest.TryParse(utf8).Errors);

        Assert.Equal(("/description", "type"), (error.Path, error.Keyword));
    }

    [Fact]
    public void A_property_name_that_is_not_valid_unicode_is_reported_at_its_object()
    {
        var error = Assert.Single(CreateCaseRequest.TryParse(Valid.Replace("\"syncAlerts\":true", "\"syncAlerts\":true,\"x\\ud800\":1").Utf8()).Errors);

        Assert.Equal(("/settings", "type", "x\\ud800"), (error.Path, error.Keyword, error.Value));
    }

    [Fact]
    public void Malformed_json_is_a_distinct_outcome()
    {
        var result = CreateCaseRequest.TryParse("{\"title\": ".Utf8());

        Assert.True(result.IsMalformed);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Nesting_deeper_than_64_is_malformed_not_a_stack_overflow()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var json = Valid.Replace("\"tags\":[]", "\"tags\":" + deep);

        var result = CreateCaseRequest.TryParse(json.Utf8());

        Assert.True(result.IsMalformed);
        Assert.Contains("depth", result.MalformedMessage);
    }

    [Fact]
    public async System.Threading.Tasks.Task Stream_input_over_the_limit_is_refused_without_reading_it_all()
    {
        var huge = "{\"title\":\"" + new string('x', 4 * 1024 * 1024) + "\"}";
        using var stream = new System.IO.MemoryStream(Encoding.UTF8.GetBytes(huge));

        var result = await CreateCaseRequest.TryParseAsync(stream, maxBytes: 64 * 1024);

        Assert.True(result.IsMalformed);
        Assert.True(stream.Position <= 128 * 1024, $"read {stream.Position} bytes of {stream.Length}");
    }

    [Fact]
    public async System.Threading.Tasks.Task Stream_and_pipe_inputs_give_the_same_answer_as_a_span()
    {
        using var stream = new System.IO.MemoryStream(Encoding.UTF8.GetBytes(Valid));
        var pipe = System.IO.Pipelines.PipeReader.Create(new System.IO.MemoryStream(Encoding.UTF8.GetBytes(Valid)));

        Assert.Equal(CreateCaseRequest.TryParse(Valid.Utf8()).Value, (await CreateCaseRequest.TryParseAsync(stream)).Value);
        Assert.Equal(CreateCaseRequest.TryParse(Valid.Utf8()).Value, (await CreateCaseRequest.TryParseAsync(pipe)).Value);
    }

    [Fact]
    public void Validate_checks_a_value_built_in_code()
    {
        var response = Case.Parse(RequestFiles.Read("api-page-example-response.json"));

        Assert.Empty(response.Validate());
#pragma warning disable CC0204 // the value below the minimum is what this test is about
        var error = Assert.Single((response with { TotalComment = -1 }).Validate());
#pragma warning restore CC0204
        Assert.Equal(("/totalComment", "minimum", "0"), (error.Path, error.Keyword, error.Limit));
    }
}

internal static class Utf8Extensions
{
    public static byte[] Utf8(this string text) => Encoding.UTF8.GetBytes(text);
}
