using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>
/// An unrelated contract (a shop's "place order" operation) declared with <c>x-operation</c>: the generated
/// endpoint is compiled in memory against ASP.NET Core and its request delegate is run, showing each answer
/// it gives before and after the handler.
/// </summary>
public sealed class GeneratedEndpointTests
{
    private const string Dir = SchemaFiles.VirtualSchemaDirectory;

    private static readonly AdditionalText[] Schemas =
    [
        new InMemoryAdditionalText(Dir + "place-order-request.schema.json", """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "PlaceOrderRequest",
              "type": "object",
              "additionalProperties": false,
              "required": ["sku", "quantity"],
              "x-operation": { "method": "POST", "route": "/orders", "response": "receipt.schema.json" },
              "properties": {
                "sku": { "type": "string", "minLength": 1 },
                "quantity": { "type": "integer", "minimum": 1 }
              }
            }
            """),
        new InMemoryAdditionalText(Dir + "receipt.schema.json", """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "Receipt",
              "type": "object",
              "additionalProperties": false,
              "required": ["order_id", "sku", "quantity"],
              "properties": {
                "order_id": { "type": "string" },
                "sku": { "type": "string" },
                "quantity": { "type": "integer" }
              }
            }
            """),
    ];

    // Maps the endpoint in a real (never started) WebApplication and runs its request delegate on an in-memory request.
    private const string Probe = """
        namespace Consumer
        {
            public static class Probe
            {
                public static async System.Threading.Tasks.Task<string> SendAsync(string? contentType, byte[] body, bool withContentLength, long maxBytes)
                {
                    var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
                    await using var app = builder.Build();
                    Shop.PlaceOrderEndpoint.MapPlaceOrder(app, (request, context, cancellationToken) =>
                        new System.Threading.Tasks.ValueTask<Shop.EndpointResult<Shop.Receipt>>(request.Sku == "gone"
                            ? Shop.KibanaError.NotFound("No product [gone]")
                            : new Shop.Receipt { OrderId = "o-1", Sku = request.Sku, Quantity = request.Quantity }),
                        new Shop.ContractEndpointOptions { MaxRequestBodyBytes = maxBytes });
                    var endpoint = (Microsoft.AspNetCore.Routing.RouteEndpoint)System.Linq.Enumerable.Single(
                        System.Linq.Enumerable.SelectMany(((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources, source => source.Endpoints));

                    var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = app.Services };
                    context.Request.Method = "POST";
                    context.Request.ContentType = contentType;
                    context.Request.ContentLength = withContentLength ? body.Length : null;
                    context.Request.Body = new System.IO.MemoryStream(body);
                    var response = new System.IO.MemoryStream();
                    context.Response.Body = response;
                    await endpoint.RequestDelegate!(context);
                    return context.Response.StatusCode + " " + context.Response.ContentType + " " + System.Text.Encoding.UTF8.GetString(response.ToArray());
                }

                public static string Describe()
                {
                    var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
                    using var app = (System.IDisposable)builder.Build();
                    var web = (Microsoft.AspNetCore.Builder.WebApplication)app;
                    Shop.PlaceOrderEndpoint.MapPlaceOrder(web, (request, context, cancellationToken) => default);
                    var endpoint = (Microsoft.AspNetCore.Routing.RouteEndpoint)System.Linq.Enumerable.Single(
                        System.Linq.Enumerable.SelectMany(((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)web).DataSources, source => source.Endpoints));
                    var operation = endpoint.Metadata.GetMetadata<Shop.ContractOperationMetadata>()!;
                    var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods;
                    var name = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()!.EndpointName;
                    var hasMethodInfo = endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>() is not null;
                    return string.Join(" ", endpoint.RoutePattern.RawText, string.Join(",", methods), name, operation.RequestSchema, operation.ResponseSchema, hasMethodInfo);
                }
            }
        }
        """;

    private static readonly Lazy<(GeneratorHarnessResult Result, Type Probe)> s_compiled = new(() =>
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), Schemas, [Probe],
            globalOptions: new Dictionary<string, string> { ["build_property.CaseContractsNamespace"] = "Shop" },
            additionalReferences: TrustedPlatformReferences.AspNetCore);
        return (result, result.EmitAndLoad().GetType("Consumer.Probe", throwOnError: true)!);
    });

    private const long Limit = 1024;

    [Fact]
    public void The_shop_contract_generates_its_endpoint_without_diagnostics_and_compiles_cleanly()
    {
        var result = s_compiled.Value.Result;

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("Shop.PlaceOrderEndpoint.g.cs", result.GeneratedSources.Keys);
        result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void The_endpoint_is_mapped_with_the_declared_method_route_name_and_schemas()
    {
        var description = (string)s_compiled.Value.Probe.GetMethod("Describe")!.Invoke(null, null)!;

        Assert.Equal("/orders POST PlaceOrder PlaceOrderRequest Receipt True", description);
    }

    [Fact]
    public async Task A_valid_body_reaches_the_handler_and_its_response_is_written_with_the_generated_writer()
    {
        var answer = await SendAsync("application/json", """{ "quantity": 2, "sku": "tea", }""");

        Assert.Equal("""200 application/json; charset=utf-8 {"order_id":"o-1","sku":"tea","quantity":2}""", answer);
    }

    [Fact]
    public async Task The_handler_can_answer_an_error_in_kibanas_shape()
    {
        var answer = await SendAsync("application/json", """{ "sku": "gone", "quantity": 1 }""");

        Assert.Equal("""404 application/json; charset=utf-8 {"statusCode":404,"error":"Not Found","message":"No product [gone]"}""", answer);
    }

    [Fact]
    public async Task A_body_that_breaks_the_schema_gets_400_with_every_error_and_the_handler_is_not_called()
    {
        var answer = await SendAsync("application/json", """{ "sku": "", "quantity": 0, "note": "x" }""");

        var (status, body) = Split(answer);
        Assert.Equal(400, status);
        Assert.Equal("Bad Request", body.GetProperty("error").GetString());
        var errors = body.GetProperty("attributes").GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("path").GetString() + " " + e.GetProperty("keyword").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["/note additionalProperties", "/quantity minimum", "/sku minLength"], errors);
        Assert.Contains("invalid keys \"note\"", body.GetProperty("message").GetString());
        Assert.Contains("The sku field cannot be an empty string.", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{ \"sku\": ")]
    [InlineData("{ \"sku\": \"tea\", /* comment */ \"quantity\": 1 }")]
    [InlineData("")]
    public async Task Malformed_json_gets_400_invalid_request_payload_json_format(string text)
    {
        var answer = await SendAsync("application/json", text);

        Assert.Equal("""400 application/json; charset=utf-8 {"statusCode":400,"error":"Bad Request","message":"Invalid request payload JSON format"}""", answer);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_body_that_is_not_utf8_json_gets_415(string contentType)
    {
        var answer = await SendAsync(contentType, """{ "sku": "tea", "quantity": 1 }""");

        Assert.Equal("""415 application/json; charset=utf-8 {"statusCode":415,"error":"Unsupported Media Type","message":"Unsupported Media Type"}""", answer);
    }

    [Theory]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/problem+json")]
    [InlineData(null)] // hapi's default content type is application/json
    public async Task Json_media_types_and_a_missing_content_type_are_read_as_json(string? contentType)
    {
        var answer = await SendAsync(contentType, """{ "sku": "tea", "quantity": 1 }""");

        Assert.StartsWith("200 ", answer);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // no Content-Length (chunked): the limit stops the read
    public async Task A_body_over_the_limit_gets_413_whether_or_not_its_length_is_announced(bool withContentLength)
    {
        var body = """{ "sku": """ + "\"" + new string('x', (int)Limit) + "\", \"quantity\": 1 }";

        var answer = await SendAsync("application/json", body, withContentLength);

        Assert.Equal("""413 application/json; charset=utf-8 {"statusCode":413,"error":"Request Entity Too Large","message":"Payload content length greater than maximum allowed: 1024"}""", answer);
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_read()
    {
        var prefix = """{ "quantity": 1, "sku": """;
        var body = prefix + "\"" + new string('x', (int)Limit - prefix.Length - 3) + "\"}";
        Assert.Equal(Limit, Encoding.UTF8.GetByteCount(body));

        var answer = await SendAsync("application/json", body);

        Assert.StartsWith("200 ", answer);
    }

    private static async Task<string> SendAsync(string? contentType, string body, bool withContentLength = true)
    {
        var send = s_compiled.Value.Probe.GetMethod("SendAsync", BindingFlags.Public | BindingFlags.Static)!;
        return await (Task<string>)send.Invoke(null, [contentType, Encoding.UTF8.GetBytes(body), withContentLength, Limit])!;
    }

    private static (int Status, JsonElement Body) Split(string answer)
    {
        var parts = answer.Split(' ', 2);
        var json = parts[1].Substring(parts[1].IndexOf('{'));
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), JsonDocument.Parse(json).RootElement.Clone());
    }
}
