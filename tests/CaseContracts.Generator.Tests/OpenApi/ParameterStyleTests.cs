using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading.Tasks;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// How parameter texts become typed values: comma-separated arrays (a path, a header, a query with
/// <c>"explode": false</c>), numbers and booleans, defaults, and each item's error at its own pointer. The generated
/// endpoint's request delegate is run on in-memory requests.
/// </summary>
public sealed class ParameterStyleTests
{
    private const string Dir = SchemaFiles.VirtualSchemaDirectory;

    private static readonly AdditionalText[] Files =
    [
        new InMemoryAdditionalText(Dir + "echo.schema.json", """
            { "$schema": "http://json-schema.org/draft-07/schema#", "title": "Echo", "type": "object", "required": ["text"], "properties": { "text": { "type": "string" } } }
            """),
        new InMemoryAdditionalText(Dir + "items.openapi.json", """
            {
              "openapi": "3.1.0",
              "info": { "title": "Items", "version": "1.0.0" },
              "paths": {
                "/items/{ids}": {
                  "get": {
                    "operationId": "ListItems",
                    "parameters": [
                      { "name": "ids", "in": "path", "required": true, "schema": { "type": "array", "items": { "type": "integer" }, "maxItems": 3 } },
                      { "name": "kinds", "in": "query", "explode": false, "schema": { "type": "array", "items": { "type": "string", "enum": ["a", "b"] } } },
                      { "name": "x-flags", "in": "header", "schema": { "type": "array", "items": { "type": "boolean" } } },
                      { "name": "ratio", "in": "query", "schema": { "type": "number", "exclusiveMinimum": 0, "default": 0.5 } },
                      { "name": "verbose", "in": "query", "schema": { "type": "boolean" } }
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
                public static async System.Threading.Tasks.Task<string> GetAsync(string ids, string query, string? flags)
                {
                    var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
                    await using var app = builder.Build();
                    Items.ListItemsEndpoint.MapListItems(app, (parameters, context, cancellationToken) =>
                        new(Items.ListItemsResult.Ok(new Items.Echo
                        {
                            Text = string.Join(",", parameters.Ids) + "|" + (parameters.Kinds is null ? "-" : string.Join(",", parameters.Kinds)) + "|"
                                + (parameters.XFlags is null ? "-" : string.Join(",", parameters.XFlags)) + "|"
                                + parameters.Ratio.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + (parameters.Verbose?.ToString() ?? "-"),
                        })));
                    var endpoint = (Microsoft.AspNetCore.Routing.RouteEndpoint)System.Linq.Enumerable.Single(
                        System.Linq.Enumerable.SelectMany(((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources, source => source.Endpoints));

                    var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = app.Services };
                    context.Request.Method = "GET";
                    context.Request.RouteValues["ids"] = ids;
                    context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query);
                    if (flags is not null)
                    {
                        context.Request.Headers["x-flags"] = flags;
                    }

                    var response = new System.IO.MemoryStream();
                    context.Response.Body = response;
                    await endpoint.RequestDelegate!(context);
                    return context.Response.StatusCode + " " + System.Text.Encoding.UTF8.GetString(response.ToArray());
                }
            }
        }
        """;

    private static readonly Lazy<MethodInfo> s_get = new(() =>
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), Files, [Probe],
            globalOptions: new Dictionary<string, string> { ["build_property.CaseContractsNamespace"] = "Items" },
            additionalReferences: TrustedPlatformReferences.AspNetCore);
        Assert.Empty(result.GeneratorDiagnostics);
        result.AssertCompilesWithoutWarnings();
        return result.EmitAndLoad().GetType("Consumer.Probe", throwOnError: true)!.GetMethod("GetAsync")!;
    });

    private static Task<string> GetAsync(string ids, string query = "", string? flags = null)
        => (Task<string>)s_get.Value.Invoke(null, [ids, query, flags])!;

    [Fact]
    public async Task Comma_separated_arrays_numbers_booleans_and_defaults_are_read_into_their_types()
    {
        Assert.Equal("""200 {"text":"1,2,3|a,b|True,False|0.5|-"}""", await GetAsync("1,2,3", "?kinds=a,b", "true,false"));
        Assert.Equal("""200 {"text":"7|-|-|2.5|True"}""", await GetAsync("7", "?ratio=2.5&verbose=true"));
    }

    [Theory]
    [InlineData("1,x", "", "/path/ids/1", "type")]
    [InlineData("1,2,3,4", "", "/path/ids", "maxItems")]
    [InlineData("1", "?kinds=a,c", "/query/kinds/1", "enum")]
    [InlineData("1", "?verbose=yes", "/query/verbose", "type")]
    [InlineData("1", "?ratio=0", "/query/ratio", "exclusiveMinimum")]
    [InlineData("1", "?ratio=NaN", "/query/ratio", "type")]
    public async Task Each_invalid_value_is_reported_at_its_pointer_and_item(string ids, string query, string pointer, string keyword)
    {
        var answer = await GetAsync(ids, query);

        Assert.StartsWith("400 ", answer, StringComparison.Ordinal);
        Assert.Contains($"\"pointer\":\"{pointer}\",\"keyword\":\"{keyword}\"", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_header_item_is_reported_at_the_header_pointer()
    {
        var answer = await GetAsync("1", "", "true,maybe");

        Assert.StartsWith("400 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"pointer\":\"/header/x-flags/1\",\"keyword\":\"type\"", answer, StringComparison.Ordinal);
    }
}
