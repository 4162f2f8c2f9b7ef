using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading.Tasks;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// Parameters declared with <c>content</c> <c>application/json</c> (OpenAPI's other Parameter form): the text is a JSON
/// document (<c>ids=["a","b"]</c>), bound to the type its schema says, checked by the same generated validators, every
/// error at the parameter's pointer; malformed or over-long JSON is a 400 saying so. Kibana's profile names the
/// parameter as Kibana does. The generated endpoint's request delegate runs on in-memory requests.
/// </summary>
public sealed class JsonParameterTests
{
    private const string Dir = SchemaFiles.VirtualSchemaDirectory;

    private static readonly AdditionalText[] Files =
    [
        new InMemoryAdditionalText(Dir + "echo.schema.json", """
            {
              "$schema": "http://json-schema.org/draft-07/schema#", "title": "Echo", "type": "object", "required": ["text"],
              "properties": { "text": { "type": "string" } },
              "definitions": { "state": { "title": "ThingState", "type": "string", "enum": ["open", "closed"] } }
            }
            """),
        new InMemoryAdditionalText(Dir + "things.openapi.json", """
            {
              "openapi": "3.1.0",
              "info": { "title": "Things", "version": "1.0.0" },
              "paths": {
                "/things": {
                  "delete": {
                    "operationId": "DeleteThings",
                    "parameters": [
                      { "name": "ids", "in": "query", "required": true, "content": { "application/json": { "schema": { "type": "array", "items": { "type": "string", "minLength": 1 }, "minItems": 1, "maxItems": 3 } } } },
                      { "name": "limit", "in": "query", "content": { "application/json": { "schema": { "type": "integer", "minimum": 1, "default": 10 } } } },
                      { "name": "state", "in": "query", "content": { "application/json": { "schema": { "$ref": "echo.schema.json#/definitions/state" } } } },
                      { "name": "perPage", "in": "query", "schema": { "type": "integer" } }
                    ],
                    "responses": { "200": { "description": "What was read", "content": { "application/json": { "schema": { "$ref": "echo.schema.json" } } } } }
                  }
                }
              }
            }
            """),
    ];

    private const string Probe = """
        namespace Consumer
        {
            public static class Probe
            {
                public static async System.Threading.Tasks.Task<string> DeleteAsync(string query)
                {
                    var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
                    await using var app = builder.Build();
                    Things.DeleteThingsEndpoint.MapDeleteThings(app, (parameters, context, cancellationToken) =>
                    {
                        System.Collections.Generic.IReadOnlyList<string> ids = parameters.Ids;
                        long limit = parameters.Limit;
                        Things.ThingState? state = parameters.State;
                        return new(Things.DeleteThingsResult.Ok(new Things.Echo { Text = string.Join(",", ids) + "|" + limit + "|" + (state?.ToString() ?? "-") }));
                    });
                    var endpoint = (Microsoft.AspNetCore.Routing.RouteEndpoint)System.Linq.Enumerable.Single(
                        System.Linq.Enumerable.SelectMany(((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources, source => source.Endpoints));

                    var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = app.Services };
                    context.Request.Method = "DELETE";
                    context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query);
                    var response = new System.IO.MemoryStream();
                    context.Response.Body = response;
                    await endpoint.RequestDelegate!(context);
                    return context.Response.StatusCode + " " + System.Text.Encoding.UTF8.GetString(response.ToArray());
                }
            }
        }
        """;

    private static readonly Lazy<MethodInfo> s_problemDetails = new(() => Compile(profile: null));

    private static readonly Lazy<MethodInfo> s_kibana = new(() => Compile(profile: "kibana"));

    [Fact]
    public async Task A_json_array_binds_as_a_typed_list_and_json_scalars_as_their_types_with_defaults()
    {
        Assert.Equal("""200 {"text":"id1,id2|10|-"}""", await DeleteAsync(Query("ids", "[\"id1\",\"id2\"]")));
        Assert.Equal("""200 {"text":"a|3|Closed"}""", await DeleteAsync(Query("ids", "[\"a\"]") + "&limit=3&state=" + Uri.EscapeDataString("\"closed\"")));
        Assert.Equal("""200 {"text":"a|3|-"}""", await DeleteAsync(Query("ids", " [ \"a\" ] ") + "&limit=%203%20"));
    }

    [Theory]
    [InlineData("[]", "/query/ids", "minItems")]
    [InlineData("[\"a\",\"b\",\"c\",\"d\"]", "/query/ids", "maxItems")]
    [InlineData("[\"a\",\"\"]", "/query/ids/1", "minLength")]
    [InlineData("[\"a\",5]", "/query/ids/1", "type")]
    [InlineData("\"a\"", "/query/ids", "type")]
    [InlineData("a", "/query/ids", "json")]
    [InlineData("[\"a\"", "/query/ids", "json")]
    [InlineData("[\"a\"] [\"b\"]", "/query/ids", "json")]
    [InlineData("[\"a\",]", "/query/ids", "json")]
    [InlineData("", "/query/ids", "json")]
    public async Task Each_invalid_json_value_is_a_400_at_the_parameter_pointer(string ids, string pointer, string keyword)
    {
        var answer = await DeleteAsync(Query("ids", ids));

        Assert.StartsWith("400 ", answer, StringComparison.Ordinal);
        Assert.Contains($"\"pointer\":\"{pointer}\",\"keyword\":\"{keyword}\"", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_says_so_and_a_missing_required_one_is_required()
    {
        Assert.Contains("\"message\":\"is not valid JSON\"", await DeleteAsync(Query("ids", "[\"id1\",")), StringComparison.Ordinal);
        Assert.Contains("\"pointer\":\"/query/ids\",\"keyword\":\"required\"", await DeleteAsync(string.Empty), StringComparison.Ordinal);
        Assert.Contains("\"pointer\":\"/query/limit\",\"keyword\":\"minimum\"", await DeleteAsync(Query("ids", "[\"a\"]") + "&limit=0"), StringComparison.Ordinal);
        Assert.Contains("\"pointer\":\"/query/state\",\"keyword\":\"enum\"", await DeleteAsync(Query("ids", "[\"a\"]") + "&state=" + Uri.EscapeDataString("\"done\"")), StringComparison.Ordinal);
        // A string enum's value is JSON text too: closed without quotes is not JSON.
        Assert.Contains("\"pointer\":\"/query/state\",\"keyword\":\"json\"", await DeleteAsync(Query("ids", "[\"a\"]") + "&state=closed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_value_over_the_size_limit_or_nested_too_deep_is_refused_before_it_is_validated()
    {
        var big = "[" + string.Join(",", System.Linq.Enumerable.Repeat("\"x\"", 6000)) + "]";
        var tooLong = await DeleteAsync(Query("ids", big));
        Assert.StartsWith("400 ", tooLong, StringComparison.Ordinal);
        Assert.Contains("\"keyword\":\"json\",\"message\":\"is longer than 16384 characters, the most a JSON parameter may hold\"", tooLong, StringComparison.Ordinal);

        var deep = await DeleteAsync(Query("ids", new string('[', 100) + new string(']', 100)));
        Assert.Contains("\"pointer\":\"/query/ids\",\"keyword\":\"json\"", deep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kibanas_profile_names_the_parameter_without_where_it_was_sent()
    {
        var badType = await DeleteAsync(Query("ids", "[\"a\"]") + "&perPage=true", s_kibana);
        Assert.StartsWith("""400 {"statusCode":400,"error":"Bad Request","message":"Invalid value \"true\" supplied to \"perPage\"",""", badType, StringComparison.Ordinal);

        var malformed = await DeleteAsync(Query("ids", "[\"a\""), s_kibana);
        Assert.StartsWith("""400 {"statusCode":400,"error":"Bad Request","message":"Invalid value \"[\"a\"\" supplied to \"ids\"",""", malformed, StringComparison.Ordinal);

        var missing = await DeleteAsync(string.Empty, s_kibana);
        Assert.StartsWith("""400 {"statusCode":400,"error":"Bad Request","message":"Invalid value \"undefined\" supplied to \"ids\"",""", missing, StringComparison.Ordinal);

        var item = await DeleteAsync(Query("ids", "[\"a\",5]"), s_kibana);
        Assert.StartsWith("""400 {"statusCode":400,"error":"Bad Request","message":"Invalid value \"5\" supplied to \"ids,1\"",""", item, StringComparison.Ordinal);
    }

    private static string Query(string name, string json) => "?" + name + "=" + Uri.EscapeDataString(json);

    private static Task<string> DeleteAsync(string query, Lazy<MethodInfo>? probe = null)
        => (Task<string>)(probe ?? s_problemDetails).Value.Invoke(null, [query])!;

    private static MethodInfo Compile(string? profile)
    {
        var options = new Dictionary<string, string> { ["build_property.CaseContractsNamespace"] = "Things" };
        if (profile is not null)
        {
            options["build_property.CaseContractsErrorProfile"] = profile;
        }

        var result = GeneratorHarness.Run(new ContractGenerator(), Files, [Probe], globalOptions: options, additionalReferences: TrustedPlatformReferences.AspNetCore);
        Assert.Empty(result.GeneratorDiagnostics);
        result.AssertCompilesWithoutWarnings();
        return result.EmitAndLoad().GetType("Consumer.Probe", throwOnError: true)!.GetMethod("DeleteAsync")!;
    }
}
