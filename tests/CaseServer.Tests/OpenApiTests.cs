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

    private async Task<JsonElement> DocumentAsync()
    {
        var (status, document) = await (await _server.ClientFor(username: null).GetAsync("/openapi/v1.json")).ReadAsync();
        Assert.Equal(200, status);
        return document;
    }

    private static string? ResponseSchema(JsonElement operation, string status)
        => operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
}
