using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CaseContracts.Package.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Package.Tests;

/// <summary>
/// The fresh web project (Consumers/Web/Program.cs), started as its own process on 127.0.0.1, serves
/// POST /api/cases with the types the package generated.
/// </summary>
[Collection(PackageTestCollection.Name)]
public sealed class FreshWebProjectTests(FreshConsumers consumers)
{
    [Fact]
    public async Task Web_project_answers_a_valid_create_case_request_with_200_and_the_created_case()
    {
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address };

        using var response = await client.PostAsync("/api/cases", Json(Request("api-page-example.json")));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}\n{app.Output}");
        var created = JsonNode.Parse(body)!;
        Assert.Equal("This case will self-destruct in 5 seconds", (string?)created["title"]);
        Assert.Equal("open", (string?)created["status"]);
        Assert.Equal(".jira", (string?)created["connector"]!["type"]);
        Assert.False(string.IsNullOrEmpty((string?)created["id"]));
    }

    [Fact]
    public async Task Web_project_answers_a_request_with_a_wrong_connector_field_with_400_in_kibanas_error_shape()
    {
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address };

        using var response = await client.PostAsync("/api/cases", Json(Request("jira-with-a-servicenow-field.json")));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}\n{app.Output}");
        var error = JsonNode.Parse(body)!;
        Assert.Equal(400, (int)error["statusCode"]!);
        Assert.Equal("Bad Request", (string?)error["error"]);
        Assert.Contains("urgency", (string?)error["message"]);
    }

    private async Task<RunningWebApp> StartAsync()
    {
        Assert.True(consumers.BuildWithoutCompilerServer.Succeeded, consumers.BuildWithoutCompilerServer.ToString());
        return await RunningWebApp.StartAsync(consumers.OutputAssembly(FreshConsumers.WebProject), consumers.Workspace);
    }

    private static string Request(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumers", "Requests", file));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
