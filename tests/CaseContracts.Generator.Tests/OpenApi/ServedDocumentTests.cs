using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// The OpenAPI document a project serves is built at build time from the declared document and the schema files
/// (not by reflection over the generated C#): the declared document, its <c>$ref</c>s to schema files pointing into
/// <c>components.schemas</c>, those schemas, and the answers the generated endpoints give without declaring them.
/// </summary>
public sealed class ServedDocumentTests
{
    // A host of the ticket API's served document on a real socket (127.0.0.1, a free port), as a project maps it.
    private const string Host = """
        namespace Consumer
        {
            public static class TicketHost
            {
                public static async System.Threading.Tasks.Task<Microsoft.AspNetCore.Builder.WebApplication> StartAsync()
                {
                    var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
                    Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseUrls(builder.WebHost, "http://127.0.0.1:0");
                    var app = builder.Build();
                    TestProject.TicketsOpenApi.MapTicketsOpenApi(app, "/openapi/v1.json");
                    await app.StartAsync();
                    return app;
                }
            }
        }
        """;

    [Fact]
    public void A_web_project_gets_one_served_document_per_declared_document_and_it_compiles_cleanly()
    {
        var result = TicketApi.Run();

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("TestProject.openapi.TicketsOpenApi.g.cs", result.GeneratedSources.Keys);
        result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void The_served_document_file_matches_its_snapshot()
        => Snapshot.Match(TicketApi.Run().GeneratedSources["TestProject.openapi.TicketsOpenApi.g.cs"], "TestProject.TicketsOpenApi");

    [Fact]
    public void An_unrelated_code_edit_reuses_the_served_document()
    {
        var second = TicketApi.Run().RerunWithAddedSource("namespace Elsewhere { internal static class Unrelated { } }");

        var reasons = IncrementalSteps.GetOutputReasons(second.RunResult, "ServedDocuments");
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.True(reason.IsReused));
    }

    [Fact]
    public void A_project_without_asp_net_core_serves_nothing()
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), TicketApi.Files());

        Assert.DoesNotContain(result.GeneratedSources.Keys, hint => hint.EndsWith("OpenApi.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Refs_to_schema_files_point_into_components_and_the_components_are_exactly_the_schemas_reached()
    {
        var document = Served();

        var find = Operation(document, "/api/tickets", "get");
        Assert.Equal("#/components/schemas/TicketStatus", find.GetProperty("parameters")[0].GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/TicketPage", ResponseSchema(find, "200"));
        Assert.Equal("#/components/schemas/TicketDraft",
            Operation(document, "/api/tickets", "post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());

        // TicketPage reaches Ticket, which reaches TicketStatus (a definition, re-homed as a component of its own).
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["ProblemDetails", "Ticket", "TicketDraft", "TicketPage", "TicketStatus"], schemas.EnumerateObject().Select(s => s.Name));
        Assert.Equal("#/components/schemas/TicketStatus", schemas.GetProperty("Ticket").GetProperty("properties").GetProperty("status").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/Ticket", schemas.GetProperty("TicketPage").GetProperty("properties").GetProperty("tickets").GetProperty("items").GetProperty("$ref").GetString());
        Assert.False(schemas.GetProperty("Ticket").TryGetProperty("definitions", out _));
        Assert.False(schemas.GetProperty("Ticket").TryGetProperty("$schema", out _));
    }

    [Fact]
    public void Every_ref_in_the_served_document_resolves_within_it()
    {
        var document = Served();

        var references = References(document).ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            Assert.StartsWith("#/", reference);
            Assert.True(Resolve(document, reference) is not null, $"'{reference}' does not resolve in the served document");
        }
    }

    [Fact]
    public void What_the_author_wrote_stays_info_servers_security_and_component_parameters()
    {
        var document = Served();

        Assert.Equal("3.1.0", document.GetProperty("openapi").GetString());
        Assert.Equal("MIT", document.GetProperty("info").GetProperty("license").GetProperty("identifier").GetString());
        Assert.Equal("https://tickets.test", document.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.Equal("basic", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("basicAuth").GetProperty("scheme").GetString());
        Assert.Equal("#/components/parameters/xsrf", Operation(document, "/api/tickets", "post").GetProperty("parameters")[0].GetProperty("$ref").GetString());
        Assert.Equal(0, Operation(document, "/api/tickets/{id}", "get").GetProperty("security").GetArrayLength());
    }

    [Fact]
    public void Each_operation_gains_the_answers_its_endpoint_gives_without_declaring_them()
    {
        var document = Served();

        // A body: 400 (declared here, kept as written), 413, 415; the document's security: 401.
        var create = Operation(document, "/api/tickets", "post");
        Assert.Equal(["201", "400", "401", "413", "415"], Statuses(create));
        Assert.Equal("object", create.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/ProblemDetails", create.GetProperty("responses").GetProperty("413").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.False(create.GetProperty("responses").GetProperty("401").TryGetProperty("content", out _));

        // A path parameter and no security ("security": []): 400 only.
        Assert.Equal(["200", "400", "404"], Statuses(Operation(document, "/api/tickets/{id}", "get")));

        // Parameters, no body, security: 400 and 401.
        Assert.Equal(["204", "400", "401", "404"], Statuses(Operation(document, "/api/tickets/{id}", "delete")));
    }

    [Fact]
    public void The_kibana_profile_documents_its_errors_with_the_kibana_error_body()
    {
        var document = Served(TicketApi.Document.Replace("\"openapi\": \"3.1.0\",", "\"openapi\": \"3.1.0\", \"x-error-profile\": \"kibana\","));

        var replace = Operation(document, "/api/tickets/{id}", "put");
        Assert.Equal("#/components/schemas/KibanaError", replace.GetProperty("responses").GetProperty("415").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("KibanaError", out _));
        Assert.False(schemas.TryGetProperty("ProblemDetails", out _));
    }

    [Theory]
    [InlineData("https://tickets.test/", "https://tickets.test")]
    [InlineData("https://tickets.test/api//", "https://tickets.test/api")]
    [InlineData("/", "/")]
    public void A_server_url_loses_its_trailing_slash(string declared, string served)
    {
        var document = Served(TicketApi.Document.Replace("\"url\": \"https://tickets.test\"", "\"url\": " + JsonSerializer.Serialize(declared)));

        Assert.Equal(served, document.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    [Fact]
    public void A_document_without_components_gets_them_for_its_schemas()
    {
        var document = Served("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Tickets", "version": "1" },
              "paths": {
                "/t": { "get": { "operationId": "GetT", "responses": { "200": { "description": "A ticket", "content": { "application/json": { "schema": { "$ref": "ticket.schema.json" } } } } } } }
              }
            }
            """);

        Assert.Equal(["Ticket", "TicketStatus"], document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name));
        Assert.Equal(["200"], Statuses(Operation(document, "/t", "get")));
    }

    [Fact]
    public void The_defs_of_a_2020_12_schema_become_components_and_refs_into_them_resolve()
    {
        var files = new[]
        {
            new InMemoryAdditionalText(TicketApi.Directory + "note.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "title": "Note", "type": "object", "required": ["kind"],
                  "properties": { "kind": { "$ref": "#/$defs/kind" } },
                  "$defs": { "kind": { "title": "NoteKind", "type": "string", "enum": ["memo", "todo"] } }
                }
                """),
            new InMemoryAdditionalText(TicketApi.Directory + "notes.openapi.json", """
                {
                  "openapi": "3.1.0",
                  "info": { "title": "Tickets", "version": "1" },
                  "paths": {
                    "/notes": {
                      "get": {
                        "operationId": "FindNotes",
                        "parameters": [ { "name": "kind", "in": "query", "schema": { "$ref": "note.schema.json#/$defs/kind" } } ],
                        "responses": { "200": { "description": "A note", "content": { "application/json": { "schema": { "$ref": "note.schema.json" } } } } }
                      }
                    }
                  }
                }
                """),
        };

        var document = Served(files: files);

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["Note", "NoteKind", "ProblemDetails"], schemas.EnumerateObject().Select(s => s.Name));
        Assert.Equal("#/components/schemas/NoteKind", schemas.GetProperty("Note").GetProperty("properties").GetProperty("kind").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/NoteKind", Operation(document, "/notes", "get").GetProperty("parameters")[0].GetProperty("schema").GetProperty("$ref").GetString());
        Assert.All(References(document), reference => Assert.NotNull(Resolve(document, reference)));
    }

    [Fact]
    public void A_schema_file_named_like_the_error_body_keeps_its_name_and_the_error_body_takes_another()
    {
        var files = TicketApi.Files(TicketApi.Document.Replace("""{ "type": "object" }""", """{ "$ref": "problem.schema.json" }"""))
            .Append(new InMemoryAdditionalText(TicketApi.Directory + "problem.schema.json",
                """{ "$schema": "http://json-schema.org/draft-07/schema#", "title": "ProblemDetails", "type": "object", "properties": { "code": { "type": "string" } } }"""));
        var document = Served(files: files);

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ProblemDetails").GetProperty("properties").TryGetProperty("code", out _));
        Assert.Equal("#/components/schemas/ProblemDetails2",
            Operation(document, "/api/tickets", "post").GetProperty("responses").GetProperty("415").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task The_ticket_api_serves_its_document_over_a_real_socket_with_an_etag_and_redocly_finds_no_problem_the_docs_do_not_explain()
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), TicketApi.Files(), [Host], additionalReferences: TrustedPlatformReferences.AspNetCore);
        var start = result.EmitAndLoad().GetType("Consumer.TicketHost", throwOnError: true)!.GetMethod("StartAsync")!;
        await using var app = await (Task<Microsoft.AspNetCore.Builder.WebApplication>)start.Invoke(null, null)!;
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(Served().GetRawText(), JsonDocument.Parse(json).RootElement.GetRawText());

        using var again = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        again.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(response.Headers.ETag!.ToString()));
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        Redocly.AssertOnlyAcceptedWarnings(await Redocly.LintAsync(json), "tickets (tests)");
    }

    [Fact]
    public void Every_damaged_ticket_document_still_serves_valid_json_and_never_throws()
    {
        // The schema files and their components, as the pipeline has them; then each member of the document replaced by
        // each other kind of value, and the document cut anywhere: whatever the reader makes of it serves as JSON.
        var schemas = new[] { ("ticket.schema.json", TicketApi.Ticket), ("ticket-draft.schema.json", TicketApi.TicketDraft), ("ticket-page.schema.json", TicketApi.TicketPage) }
            .Select(f => global::CaseContracts.Generator.Schema.SchemaReader.Read(TicketApi.Directory + f.Item1, Microsoft.CodeAnalysis.Text.SourceText.From(f.Item2), System.Threading.CancellationToken.None))
            .ToList();
        var index = SchemaIndex.Create(schemas);
        var components = schemas.SelectMany(d => global::CaseContracts.Generator.Pipeline.OpenApiComponentResolver.Resolve(d, index)).ToEquatableArray();
        var document = TicketApi.Document;
        var damaged = new List<string>();
        foreach (var (start, length) in Values(document))
        {
            damaged.AddRange(new[] { "null", "17", "\"x\"", "[]", "{}", "true", "{\"$ref\":\"ticket.schema.json\"}" }
                .Select(replacement => document[..start] + replacement + document[(start + length)..]));
        }

        damaged.AddRange(Enumerable.Range(0, document.Length / 11).Select(i => document[..(i * 11)]));
        var served = 0;
        foreach (var text in damaged)
        {
            var read = global::CaseContracts.Generator.Schema.SchemaReader.Read(TicketApi.DocumentPath, Microsoft.CodeAnalysis.Text.SourceText.From(text), System.Threading.CancellationToken.None);
            if (read.Api is { } api)
            {
                var json = global::CaseContracts.Generator.Pipeline.ServedDocumentResolver.Resolve(api, index, components, "TestProject").Json;
                try
                {
                    using var parsed = JsonDocument.Parse(json);
                    Assert.Equal(JsonValueKind.Object, parsed.RootElement.ValueKind);
                }
                catch (JsonException e)
                {
                    var at = (int)(e.BytePositionInLine ?? 0);
                    throw new Xunit.Sdk.XunitException($"Served JSON is broken ({e.Message}) near: {json[Math.Max(0, at - 120)..Math.Min(json.Length, at + 40)]}\nfor the document:\n{text}");
                }

                served++;
            }
        }

        Assert.True(served > 500, $"only {served} damaged documents were read far enough to serve");
    }

    private static JsonElement Served(string? document = null, IEnumerable<Microsoft.CodeAnalysis.AdditionalText>? files = null)
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), files ?? TicketApi.Files(document), additionalReferences: TrustedPlatformReferences.AspNetCore);
        Assert.Empty(result.GeneratorDiagnostics);
        var type = result.EmitAndLoad().GetType("TestProject.TicketsOpenApi", throwOnError: true)!;
        var utf8 = (ReadOnlyMemory<byte>)type.GetProperty("Utf8Json")!.GetValue(null)!;
        return JsonDocument.Parse(utf8).RootElement.Clone();
    }

    /// <summary>The spans of the values after each ':' in <paramref name="text"/> (one per member; containers as a whole).</summary>
    private static IEnumerable<(int Start, int Length)> Values(string text)
    {
        for (var i = text.IndexOf(':'); i >= 0; i = text.IndexOf(':', i + 1))
        {
            var start = i + 1;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            var end = start;
            var depth = 0;
            var inString = false;
            for (; end < text.Length; end++)
            {
                var c = text[end];
                if (inString)
                {
                    if (c == '\\')
                    {
                        end++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                        if (depth == 0)
                        {
                            end++;
                            break;
                        }
                    }

                    continue;
                }

                if (c == '"')
                {
                    inString = true;
                }
                else if (c is '{' or '[')
                {
                    depth++;
                }
                else if (c is '}' or ']')
                {
                    if (depth == 0)
                    {
                        break;
                    }

                    if (--depth == 0)
                    {
                        end++;
                        break;
                    }
                }
                else if (c == ',' && depth == 0)
                {
                    break;
                }
            }

            yield return (start, end - start);
        }
    }

    private static JsonElement Operation(JsonElement document, string path, string method)
        => document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static string? ResponseSchema(JsonElement operation, string status)
        => operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();

    private static List<string> Statuses(JsonElement operation)
        => operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> References(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Name == "$ref" && member.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return member.Value.GetString()!;
                    }
                    else
                    {
                        foreach (var reference in References(member.Value))
                        {
                            yield return reference;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var reference in element.EnumerateArray().SelectMany(References))
                {
                    yield return reference;
                }

                break;
        }
    }

    private static JsonElement? Resolve(JsonElement document, string reference)
    {
        var current = document;
        foreach (var segment in reference[2..].Split('/').Select(s => Uri.UnescapeDataString(s).Replace("~1", "/").Replace("~0", "~")))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }
}
