using System;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// Operations that cannot both be mapped (same C# name, or same method and route) are one CC0102 at the later
/// one, across OpenAPI documents and <c>x-operation</c> declarations alike.
/// </summary>
public sealed class OpenApiDuplicateOperationTests
{
    private const string SecondDocumentPath = TicketApi.Directory + "more.openapi.json";

    [Fact]
    public void An_operation_id_used_by_another_document_is_reported_at_the_later_documents_method()
    {
        var more = Document("/api/old-tickets/{id}", "GetTicket");

        var diagnostic = AssertSingleDuplicate(more, new InMemoryAdditionalText(SecondDocumentPath, more));

        Assert.Contains("already declared in 'more.openapi.json'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("same C# name 'GetTicket'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_route_with_a_differently_named_parameter_is_one_route()
    {
        var more = Document("/api/tickets/{ticketId}", "FetchTicket");

        var diagnostic = AssertSingleDuplicate(more, new InMemoryAdditionalText(SecondDocumentPath, more));

        Assert.Contains("same method and route", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_x_operation_keeps_its_name_and_the_openapi_operation_is_reported()
    {
        var request = new InMemoryAdditionalText(TicketApi.Directory + "create-ticket-request.schema.json", """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "CreateTicketRequest",
              "type": "object",
              "x-operation": { "method": "POST", "route": "/api/v1/tickets", "response": "ticket.schema.json" },
              "properties": { "title": { "type": "string" } }
            }
            """);

        var result = GeneratorHarness.Run(new ContractGenerator(), TicketApi.Files().Append(request), additionalReferences: TrustedPlatformReferences.AspNetCore);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CC0102", diagnostic.Id);
        Assert.Equal(TicketApi.DocumentPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(TicketApi.PositionOf(TicketApi.Document, "\"post\""), Position(diagnostic));
        Assert.Contains("TestProject.CreateTicketEndpoint.g.cs", result.GeneratedSources.Keys);
    }

    private static string Document(string path, string operationId) => $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "More tickets", "version": "1.0.0" },
          "paths": {
            "{{path}}": {
              "get": {
                "operationId": "{{operationId}}",
                "parameters": [ { "name": "{{path.Split('{')[1].TrimEnd('}')}}", "in": "path", "required": true, "schema": { "type": "integer" } } ],
                "responses": { "200": { "description": "The ticket", "content": { "application/json": { "schema": { "$ref": "ticket.schema.json" } } } } }
              }
            }
          }
        }
        """;

    /// <summary>more.openapi.json sorts before tickets.openapi.json: its operation keeps the name, the ticket API's is reported.</summary>
    private static Diagnostic AssertSingleDuplicate(string more, AdditionalText moreFile)
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), TicketApi.Files().Append(moreFile), additionalReferences: TrustedPlatformReferences.AspNetCore);

        Assert.Null(result.GeneratorException);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CC0102", diagnostic.Id);
        Assert.Equal(TicketApi.DocumentPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(TicketApi.PositionOf(TicketApi.Document, "\"get\"", occurrence: 2), Position(diagnostic));
        Assert.NotEmpty(more);
        return diagnostic;
    }

    private static (int Line, int Column) Position(Diagnostic diagnostic)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }
}
