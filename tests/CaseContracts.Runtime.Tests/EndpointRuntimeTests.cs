using System;
using System.Linq;
using Xunit;

namespace CaseContracts.Runtime.Tests;

/// <summary>The request/response plumbing the generated endpoints share.</summary>
public sealed class EndpointRuntimeTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("Application/JSON; charset=UTF8", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("application/json; charset=latin1", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/jsonx", false)]
    [InlineData(";;;", false)]
    public void Json_content_types_are_recognised(string? contentType, bool expected)
    {
        Assert.Equal(expected, ContractEndpoints.IsJson(contentType));
    }

    [Fact]
    public void Error_body_has_Kibana_shape_with_validation_errors_as_attributes()
    {
        var error = KibanaError.Invalid([new ValidationError("/title", "type", "5", "must be a string")]);

        using var body = System.Text.Json.JsonDocument.Parse(error.ToJson());
        var root = body.RootElement;

        Assert.Equal(400, root.GetProperty("statusCode").GetInt32());
        Assert.Equal("Bad Request", root.GetProperty("error").GetString());
        Assert.Equal("Invalid value \"5\" supplied to \"title\"", root.GetProperty("message").GetString());
        var only = Assert.Single(root.GetProperty("attributes").GetProperty("errors").EnumerateArray());
        Assert.Equal("""{"path":"/title","keyword":"type","message":"must be a string"}""", only.GetRawText());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(399)]
    [InlineData(600)]
    public void An_error_status_outside_4xx_and_5xx_is_refused(int statusCode)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KibanaError(statusCode, "no"));
    }

    [Fact]
    public void A_default_endpoint_result_is_neither_a_response_nor_an_error()
    {
        var result = default(EndpointResult<string>);

        Assert.Null(result.Value);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Error_body_stays_under_its_bound_whatever_the_errors_hold()
    {
        // Control characters take six bytes each once escaped: the worst case for the body's size.
        var escaped = new string('\u0001', 5_000);
        var errors = Enumerable.Range(0, 2_000)
            .Select(i => new ValidationError("/" + escaped + i, escaped, escaped, escaped))
            .ToArray();

        var json = new KibanaError(400, escaped, errors).ToJson();

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(json), 1, KibanaError.MaxBodyBytes);
        using var body = System.Text.Json.JsonDocument.Parse(json);
        var written = body.RootElement.GetProperty("attributes").GetProperty("errors").GetArrayLength();
        Assert.InRange(written, 1, errors.Length - 1);
    }

    [Fact]
    public void Endpoint_options_are_copied_whole()
    {
        var options = new ContractEndpointOptions { MaxErrors = 7, MaxRequestBodyBytes = 1234, DecompressRequestBodies = false };

        var copy = options.Copy();
        options.MaxErrors = 8;

        Assert.Equal((7, 1234L, false), (copy.MaxErrors, copy.MaxRequestBodyBytes, copy.DecompressRequestBodies));
    }

    [Fact]
    public void An_error_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContractEndpointOptions { MaxErrors = 0 });
    }
}
