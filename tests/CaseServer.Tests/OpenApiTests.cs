using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary><c>/openapi/v1.json</c> documents <c>POST /api/cases</c> with the contract's own JSON Schemas.</summary>
public sealed class OpenApiTests : IDisposable
{
    private readonly CaseServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task The_document_lists_post_api_cases_with_its_request_schema_and_responses()
    {
        var document = await DocumentAsync();

        var post = document.GetProperty("paths").GetProperty("/api/cases").GetProperty("post");
        Assert.Equal("CreateCase", post.GetProperty("operationId").GetString());
        Assert.Equal("#/components/schemas/CreateCaseRequest",
            post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(post.GetProperty("requestBody").GetProperty("required").GetBoolean());
        Assert.Equal(["200", "400", "401", "413", "415"], post.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("#/components/schemas/Case", ResponseSchema(post, "200"));
        Assert.Equal("#/components/schemas/KibanaError", ResponseSchema(post, "400"));
    }

    [Fact]
    public async Task The_schemas_are_the_schema_files_with_the_wire_names()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var request = schemas.GetProperty("CreateCaseRequest");
        Assert.Equal(["connector", "description", "settings", "tags", "title"], request.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
        Assert.False(request.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal("#/components/schemas/Connector", request.GetProperty("properties").GetProperty("connector").GetProperty("$ref").GetString());
        Assert.True(schemas.GetProperty("Case").GetProperty("properties").TryGetProperty("closed_at", out _));
        Assert.True(schemas.GetProperty("Case").GetProperty("properties").TryGetProperty("totalComment", out _));
        Assert.Equal(4, schemas.GetProperty("Connector").GetProperty("oneOf").GetArrayLength());
        Assert.Equal(".jira", schemas.GetProperty("Connector.Jira").GetProperty("properties").GetProperty("type").GetProperty("const").GetString());
        Assert.True(schemas.TryGetProperty("User", out _));
        Assert.True(schemas.TryGetProperty("Settings", out _));
    }

    [Fact]
    public async Task The_connector_union_carries_a_discriminator_mapping_each_type_to_its_variant()
    {
        var connector = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty("Connector");

        var discriminator = connector.GetProperty("discriminator");
        Assert.Equal("type", discriminator.GetProperty("propertyName").GetString());
        Assert.Equal(
            [".jira #/components/schemas/Connector.Jira", ".none #/components/schemas/Connector.None", ".resilient #/components/schemas/Connector.Resilient", ".servicenow #/components/schemas/Connector.ServiceNow"],
            discriminator.GetProperty("mapping").EnumerateObject().Select(m => m.Name + " " + m.Value.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_basic_scheme_is_declared_and_required_by_create_case_which_also_takes_the_kbn_xsrf_header()
    {
        var document = await DocumentAsync();

        var basic = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("basicAuth");
        Assert.Equal(("http", "basic"), (basic.GetProperty("type").GetString(), basic.GetProperty("scheme").GetString()));
        var post = document.GetProperty("paths").GetProperty("/api/cases").GetProperty("post");
        Assert.Equal("basicAuth", post.GetProperty("security")[0].EnumerateObject().Single().Name);
        var xsrf = post.GetProperty("parameters").EnumerateArray().Select(p => Resolve(document, p)).Single(p => p.GetProperty("name").GetString() == "kbn-xsrf");
        Assert.Equal(("header", true), (xsrf.GetProperty("in").GetString(), xsrf.GetProperty("required").GetBoolean()));
    }

    [Fact]
    public async Task The_document_declares_every_cases_operation_each_with_basic_security_and_kbn_xsrf_on_every_non_get()
    {
        var document = await DocumentAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Name != "parameters").Select(o => (Method: o.Name, Operation: o.Value)))
            .ToArray();

        Assert.Equal(
            ["AddComment", "CreateCase", "DeleteCases", "DeleteComment", "DeleteComments", "FindCases", "GetCase", "GetCasesStatus", "GetComment", "GetComments", "GetReporters", "GetTags", "UpdateCases", "UpdateComment"],
            operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(operations, o =>
        {
            Assert.Equal("basicAuth", o.Operation.GetProperty("security")[0].EnumerateObject().Single().Name);
            var xsrf = o.Operation.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Select(p => Resolve(document, p)).Any(p => p.GetProperty("name").GetString() == "kbn-xsrf");
            Assert.Equal(o.Method != "get", xsrf);
        });
    }

    [Fact]
    public async Task Server_urls_have_no_trailing_slash_beyond_the_relative_root()
    {
        var servers = (await DocumentAsync()).GetProperty("servers");

        // "/" is the server that served the document (so "/" + "/api/cases" is not doubled); any other URL ending in a
        // slash would be.
        Assert.NotEmpty(servers.EnumerateArray());
        Assert.All(servers.EnumerateArray(), server =>
        {
            var url = server.GetProperty("url").GetString()!;
            Assert.True(url == "/" || !url.EndsWith('/'), url);
        });
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var (status, document) = await (await _server.ClientFor(username: null).GetAsync("/openapi/v1.json")).ReadAsync();
        Assert.Equal(200, status);
        return document;
    }

    // A parameter given as a $ref to #/components/parameters/<name>, or inline.
    private static JsonElement Resolve(JsonElement document, JsonElement parameter)
        => parameter.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("parameters").GetProperty(reference.GetString()!["#/components/parameters/".Length..])
            : parameter;

    private static string? ResponseSchema(JsonElement operation, string status)
        => operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
}
