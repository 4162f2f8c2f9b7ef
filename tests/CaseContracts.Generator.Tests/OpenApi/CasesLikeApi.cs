using System;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// The thirteen Cases operations beyond create, declared over the repository's schema files as a Kibana-compatible
/// server declares them (Kibana's error profile, <c>kbn-xsrf</c> on every non-GET operation): find with one-or-several
/// <c>tags</c>/<c>reporters</c>, enums, bounded integers with defaults and search; a bulk PATCH answering an array; DELETEs
/// answering 204, one of them with a JSON query parameter (<c>ids=["a","b"]</c>); literal segments
/// (<c>/api/cases/_find</c>, <c>/tags</c>, <c>/reporters</c>, <c>/status</c>) beside <c>/api/cases/{case_id}</c>.
/// </summary>
internal static class CasesLikeApi
{
    public const string DocumentPath = SchemaFiles.VirtualSchemaDirectory + "cases-like.openapi.json";

    public const string Document = """
        {
          "openapi": "3.1.0",
          "x-error-profile": "kibana",
          "info": { "title": "Cases", "version": "7.11.0" },
          "paths": {
            "/api/cases": {
              "patch": {
                "operationId": "UpdateCases",
                "parameters": [ { "$ref": "#/components/parameters/kbnXsrf" } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "update-cases-request.schema.json" } } } },
                "responses": {
                  "200": { "description": "The cases updated", "content": { "application/json": { "schema": { "$ref": "case-list.schema.json" } } } },
                  "404": { "description": "A case does not exist" },
                  "406": { "description": "Nothing to change" },
                  "409": { "description": "A version is stale" }
                }
              },
              "delete": {
                "operationId": "DeleteCases",
                "parameters": [
                  { "$ref": "#/components/parameters/kbnXsrf" },
                  { "name": "ids", "in": "query", "required": true, "content": { "application/json": { "schema": { "type": "array", "items": { "type": "string" }, "minItems": 1 } } } }
                ],
                "responses": { "204": { "description": "Deleted" }, "404": { "description": "A case does not exist" } }
              }
            },
            "/api/cases/_find": {
              "get": {
                "operationId": "FindCases",
                "parameters": [
                  { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 1, "default": 1 } },
                  { "name": "perPage", "in": "query", "schema": { "type": "integer", "minimum": 0, "maximum": 100, "default": 20 } },
                  { "name": "sortField", "in": "query", "schema": { "type": "string", "enum": ["createdAt", "updatedAt", "closedAt", "title", "status"], "default": "createdAt" } },
                  { "name": "sortOrder", "in": "query", "schema": { "type": "string", "enum": ["asc", "desc"], "default": "desc" } },
                  { "name": "status", "in": "query", "schema": { "$ref": "case.schema.json#/properties/status" } },
                  { "name": "tags", "in": "query", "schema": { "type": "array", "items": { "type": "string" } } },
                  { "name": "reporters", "in": "query", "schema": { "type": "array", "items": { "type": "string" } } },
                  { "name": "search", "in": "query", "schema": { "type": "string" } },
                  { "name": "searchFields", "in": "query", "schema": { "type": "array", "items": { "type": "string", "enum": ["title", "description"] } } },
                  { "name": "defaultSearchOperator", "in": "query", "schema": { "type": "string", "enum": ["AND", "OR"], "default": "OR" } }
                ],
                "responses": { "200": { "description": "A page of cases", "content": { "application/json": { "schema": { "$ref": "find-cases-response.schema.json" } } } } }
              }
            },
            "/api/cases/tags": {
              "get": { "operationId": "GetTags", "responses": { "200": { "description": "Every tag", "content": { "application/json": { "schema": { "$ref": "tag-list.schema.json" } } } } } }
            },
            "/api/cases/reporters": {
              "get": { "operationId": "GetReporters", "responses": { "200": { "description": "Every reporter", "content": { "application/json": { "schema": { "$ref": "reporter-list.schema.json" } } } } } }
            },
            "/api/cases/status": {
              "get": { "operationId": "GetCasesStatus", "responses": { "200": { "description": "The counts", "content": { "application/json": { "schema": { "$ref": "cases-status-response.schema.json" } } } } } }
            },
            "/api/cases/{case_id}": {
              "parameters": [ { "$ref": "#/components/parameters/caseId" } ],
              "get": {
                "operationId": "GetCase",
                "parameters": [ { "name": "includeComments", "in": "query", "schema": { "type": "boolean", "default": true } } ],
                "responses": {
                  "200": { "description": "The case", "content": { "application/json": { "schema": { "$ref": "case.schema.json" } } } },
                  "404": { "description": "No such case" }
                }
              }
            },
            "/api/cases/{case_id}/comments": {
              "parameters": [ { "$ref": "#/components/parameters/caseId" } ],
              "post": {
                "operationId": "AddComment",
                "parameters": [ { "$ref": "#/components/parameters/kbnXsrf" } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "add-comment-request.schema.json" } } } },
                "responses": {
                  "200": { "description": "The case with its comments", "content": { "application/json": { "schema": { "$ref": "case.schema.json" } } } },
                  "404": { "description": "No such case" }
                }
              },
              "get": {
                "operationId": "GetAllComments",
                "responses": {
                  "200": { "description": "The comments", "content": { "application/json": { "schema": { "$ref": "comment-list.schema.json" } } } },
                  "404": { "description": "No such case" }
                }
              },
              "patch": {
                "operationId": "UpdateComment",
                "parameters": [ { "$ref": "#/components/parameters/kbnXsrf" } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "update-comment-request.schema.json" } } } },
                "responses": {
                  "200": { "description": "The case with its comments", "content": { "application/json": { "schema": { "$ref": "case.schema.json" } } } },
                  "400": { "description": "The type changed" },
                  "404": { "description": "No such case or comment" },
                  "409": { "description": "The version is stale" }
                }
              },
              "delete": {
                "operationId": "DeleteAllComments",
                "parameters": [ { "$ref": "#/components/parameters/kbnXsrf" } ],
                "responses": { "204": { "description": "Deleted" }, "404": { "description": "No such case" } }
              }
            },
            "/api/cases/{case_id}/comments/{comment_id}": {
              "parameters": [ { "$ref": "#/components/parameters/caseId" }, { "name": "comment_id", "in": "path", "required": true, "schema": { "type": "string" } } ],
              "get": {
                "operationId": "GetComment",
                "responses": {
                  "200": { "description": "The comment", "content": { "application/json": { "schema": { "$ref": "comment.schema.json" } } } },
                  "404": { "description": "No such comment in this case" }
                }
              },
              "delete": {
                "operationId": "DeleteComment",
                "parameters": [ { "$ref": "#/components/parameters/kbnXsrf" } ],
                "responses": { "204": { "description": "Deleted" }, "404": { "description": "No such comment in this case" } }
              }
            }
          },
          "components": {
            "parameters": {
              "caseId": { "name": "case_id", "in": "path", "required": true, "schema": { "type": "string" } },
              "kbnXsrf": { "name": "kbn-xsrf", "in": "header", "required": true, "schema": { "type": "string" } }
            }
          }
        }
        """;

    /// <summary>The repository's schema files (without any OpenAPI document of theirs) and the document.</summary>
    public static IEnumerable<AdditionalText> Files()
        => SchemaFiles.LoadRepositorySchemas().Where(f => !f.Path.EndsWith(".openapi.json", StringComparison.Ordinal))
            .Append(new InMemoryAdditionalText(DocumentPath, Document));
}
