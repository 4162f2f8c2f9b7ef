using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// A second API, nothing to do with cases: tickets, declared in a standard OpenAPI 3.1 document over two
/// JSON Schema files. Every operation kind the issue asks for: GET with typed path and query parameters,
/// POST answering 201 with Location, PUT answering 200 or 404, DELETE answering 204; and a bulk DELETE whose
/// <c>ids</c> is a JSON query parameter (<c>content</c> <c>application/json</c>: <c>ids=[1,2]</c>).
/// </summary>
internal static class TicketApi
{
    public const string Directory = SchemaFiles.VirtualSchemaDirectory;

    public const string DocumentPath = Directory + "tickets.openapi.json";

    public const string Ticket = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Ticket",
          "type": "object",
          "required": ["id", "title", "status"],
          "properties": {
            "id": { "type": "integer", "minimum": 1 },
            "title": { "type": "string", "minLength": 1, "maxLength": 200 },
            "status": { "$ref": "#/definitions/status" },
            "tags": { "type": "array", "items": { "type": "string" } }
          },
          "definitions": {
            "status": { "title": "TicketStatus", "type": "string", "enum": ["open", "closed"] }
          }
        }
        """;

    public const string TicketDraft = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "TicketDraft",
          "type": "object",
          "required": ["title"],
          "additionalProperties": false,
          "properties": {
            "title": { "type": "string", "minLength": 1, "maxLength": 200 },
            "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 10 }
          }
        }
        """;

    public const string TicketPage = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "TicketPage",
          "type": "object",
          "required": ["page", "tickets"],
          "properties": {
            "page": { "type": "integer" },
            "tickets": { "type": "array", "items": { "$ref": "ticket.schema.json" } }
          }
        }
        """;

    public const string Document = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Tickets", "version": "1.0.0", "license": { "name": "MIT", "identifier": "MIT" } },
          "servers": [ { "url": "https://tickets.test" } ],
          "security": [ { "basicAuth": [] } ],
          "paths": {
            "/api/tickets": {
              "get": {
                "operationId": "FindTickets",
                "summary": "Find tickets",
                "parameters": [
                  { "name": "status", "in": "query", "schema": { "$ref": "ticket.schema.json#/definitions/status" } },
                  { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 1000, "default": 1 } },
                  { "name": "tags", "in": "query", "explode": true, "schema": { "type": "array", "items": { "type": "string" } } },
                  { "name": "owner", "in": "query", "required": true, "schema": { "type": "string", "minLength": 1 } }
                ],
                "responses": {
                  "200": { "description": "A page of tickets", "content": { "application/json": { "schema": { "$ref": "ticket-page.schema.json" } } } },
                  "400": { "description": "A parameter is invalid", "content": { "application/problem+json": { "schema": { "type": "object" } } } }
                }
              },
              "post": {
                "operationId": "CreateTicket",
                "summary": "Create a ticket",
                "parameters": [ { "$ref": "#/components/parameters/xsrf" } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "ticket-draft.schema.json" } } } },
                "responses": {
                  "201": {
                    "description": "The ticket made",
                    "headers": { "Location": { "required": true, "schema": { "type": "string", "format": "uri-reference" } } },
                    "content": { "application/json": { "schema": { "$ref": "ticket.schema.json" } } }
                  },
                  "400": { "description": "The body is invalid", "content": { "application/problem+json": { "schema": { "type": "object" } } } }
                }
              },
              "delete": {
                "operationId": "DeleteTickets",
                "summary": "Delete several tickets",
                "parameters": [
                  { "$ref": "#/components/parameters/xsrf" },
                  {
                    "name": "ids", "in": "query", "required": true, "description": "The tickets' ids, a JSON array: ids=[1,2]",
                    "content": { "application/json": { "schema": { "type": "array", "items": { "type": "integer", "minimum": 1 }, "minItems": 1, "maxItems": 20 } } }
                  }
                ],
                "responses": { "204": { "description": "All deleted" }, "404": { "description": "A ticket does not exist (none is deleted)" } }
              }
            },
            "/api/tickets/{id}": {
              "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 } } ],
              "get": {
                "operationId": "GetTicket",
                "summary": "Get a ticket",
                "security": [],
                "responses": {
                  "200": { "description": "The ticket", "content": { "application/json": { "schema": { "$ref": "ticket.schema.json" } } } },
                  "404": { "description": "No such ticket" }
                }
              },
              "put": {
                "operationId": "ReplaceTicket",
                "summary": "Replace a ticket",
                "parameters": [ { "$ref": "#/components/parameters/xsrf" } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "ticket-draft.schema.json" } } } },
                "responses": {
                  "200": { "description": "The ticket replaced", "content": { "application/json": { "schema": { "$ref": "ticket.schema.json" } } } },
                  "404": { "description": "No such ticket" }
                }
              },
              "delete": {
                "operationId": "DeleteTicket",
                "summary": "Delete a ticket",
                "parameters": [ { "$ref": "#/components/parameters/xsrf" } ],
                "responses": { "204": { "description": "Deleted" }, "404": { "description": "No such ticket" } }
              }
            },
            "/api/tickets/by-key/{key}": {
              "get": {
                "operationId": "GetTicketByKey",
                "summary": "Get a ticket by its key",
                "parameters": [ { "name": "key", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } } ],
                "responses": {
                  "200": { "description": "The ticket", "content": { "application/json": { "schema": { "$ref": "ticket.schema.json" } } } },
                  "404": { "description": "No such ticket" }
                }
              }
            }
          },
          "components": {
            "securitySchemes": { "basicAuth": { "type": "http", "scheme": "basic" } },
            "parameters": {
              "xsrf": { "name": "x-xsrf", "in": "header", "required": true, "schema": { "type": "string" } }
            }
          }
        }
        """;

    /// <summary>The three schema files and <paramref name="document"/> (the valid one unless given).</summary>
    public static IEnumerable<AdditionalText> Files(string? document = null) =>
    [
        new InMemoryAdditionalText(Directory + "ticket.schema.json", Ticket),
        new InMemoryAdditionalText(Directory + "ticket-draft.schema.json", TicketDraft),
        new InMemoryAdditionalText(Directory + "ticket-page.schema.json", TicketPage),
        new InMemoryAdditionalText(DocumentPath, document ?? Document),
    ];

    /// <summary>Runs the generator over the ticket API in a web project.</summary>
    public static GeneratorHarnessResult Run(string? document = null)
        => GeneratorHarness.Run(new ContractGenerator(), Files(document), additionalReferences: TrustedPlatformReferences.AspNetCore);

    /// <summary>The one-based line and column of the first occurrence of <paramref name="marker"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string marker, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(marker, index + 1, System.StringComparison.Ordinal);
            if (index < 0)
            {
                throw new System.ArgumentException($"'{marker}' occurs fewer than {occurrence} times", nameof(marker));
            }
        }

        var before = text.Substring(0, index);
        return (before.Count(c => c == '\n') + 1, index - before.LastIndexOf('\n'));
    }
}
