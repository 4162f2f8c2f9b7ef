using System;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace CaseContracts.Runtime.Tests;

/// <summary>The runtime of OpenAPI operations: parameter texts read as JSON, and the problem details body.</summary>
public sealed class OperationRuntimeTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("-12", true)]
    [InlineData("1.5", true)]
    [InlineData("1e3", true)]
    [InlineData("-0.5E-2", true)]
    [InlineData("", false)]
    [InlineData("-", false)]
    [InlineData("01", false)]
    [InlineData("1.", false)]
    [InlineData(".5", false)]
    [InlineData("+1", false)]
    [InlineData("1e", false)]
    [InlineData("NaN", false)]
    [InlineData("Infinity", false)]
    [InlineData(" 1", false)]
    [InlineData("0x10", false)]
    public void Only_a_json_number_is_read_as_a_number(string text, bool expected)
    {
        Assert.Equal(expected, ParameterReading.IsJsonNumber(text));
    }

    [Fact]
    public void A_text_that_is_no_number_reaches_the_binder_as_a_string_and_is_a_type_error_at_the_pointer()
    {
        var reading = new ParameterReading(maxErrors: 10);

        var value = reading.Read<long>(new StringValues("12abc"), "/query/page", ParameterText.Number, array: false, split: false, required: false, default, validate: null, ParameterReading.ReadInt64, "must be an integer", absent: -1);

        Assert.Equal(-1, value);
        var error = Assert.Single(reading.Errors);
        Assert.Equal(("/query/page", "type", "12abc"), (error.Path, error.Keyword, error.Value));
    }

    [Fact]
    public void An_absent_parameter_takes_its_default_else_is_required_or_absent()
    {
        var reading = new ParameterReading(maxErrors: 10);

        Assert.Equal(7, reading.Read<long>(StringValues.Empty, "/query/a", ParameterText.Number, false, false, required: false, "7"u8, null, ParameterReading.ReadInt64, "m", absent: 0));
        Assert.Null(reading.ReadOptional<long>(StringValues.Empty, "/query/b", ParameterText.Number, default, null, ParameterReading.ReadInt64, "m"));
        Assert.False(reading.HasErrors);

        reading.Read<string?>(StringValues.Empty, "/header/x-id", ParameterText.String, false, false, required: true, default, null, ParameterReading.ReadString, "m", absent: null);
        Assert.Equal(("/header/x-id", "required"), (reading.Errors.Single().Path, reading.Errors.Single().Keyword));
    }

    [Fact]
    public void A_lone_surrogate_which_http_cannot_carry_is_read_as_the_replacement_character_never_an_exception()
    {
        var reading = new ParameterReading(maxErrors: 10);

        var value = reading.Read<string?>(new StringValues("a\ud800"), "/query/q", ParameterText.String, false, false, false, default, null, ParameterReading.ReadString, "m", absent: null);

        Assert.Equal("a\ufffd", value);
        Assert.False(reading.HasErrors);
    }

    [Fact]
    public void Problem_details_carry_type_title_status_detail_and_the_errors_extension()
    {
        var problem = new ContractProblem(400, "The request's parameters do not match their schemas.", [new ValidationError("/query/page", "minimum", "0", "must be at least 1")]);

        using var body = JsonDocument.Parse(problem.ToJson());
        var root = body.RootElement;
        Assert.Equal(["type", "title", "status", "detail", "errors"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("about:blank", "Bad Request", 400), (root.GetProperty("type").GetString(), root.GetProperty("title").GetString(), root.GetProperty("status").GetInt32()));
        Assert.Equal("The request's parameters do not match their schemas.", root.GetProperty("detail").GetString());
        Assert.Equal("""{"pointer":"/query/page","keyword":"minimum","message":"must be at least 1"}""", Assert.Single(root.GetProperty("errors").EnumerateArray()).GetRawText());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContractProblem(200));
    }

    [Fact]
    public void A_problem_body_never_exceeds_its_bound_whatever_its_errors_hold()
    {
        var errors = Enumerable.Range(0, 5000).Select(i => new ValidationError("/" + new string('p', 300) + i, "type", null, new string('\u2028', 300))).ToArray();

        var json = new ContractProblem(400, new string('d', 100_000), errors).ToJson();

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(json) <= ContractProblem.MaxBodyBytes);
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("errors").GetArrayLength() > 0);
    }
}
