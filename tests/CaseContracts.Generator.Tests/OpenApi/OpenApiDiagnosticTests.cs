using System;
using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// Every mistake in an OpenAPI document is a located diagnostic (CC0103–CC0106) at the member that is wrong,
/// never an exception; the schema files beside it still generate. Positions are one-based, as an editor shows them.
/// </summary>
public sealed class OpenApiDiagnosticTests
{
    [Fact]
    public void CC0103_a_status_that_is_not_a_status_code_is_reported_at_its_key()
    {
        var document = TicketApi.Document.Replace("\"404\": { \"description\": \"No such ticket\" }\n        }\n      },\n      \"put\"", "\"4XX\": { \"description\": \"No such ticket\" }\n        }\n      },\n      \"put\"");

        var diagnostic = AssertSingle(document, "CC0103", "\"4XX\"");
        Assert.Contains("'4XX' is not a status code", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0103_an_unsupported_method_is_reported_at_its_key()
    {
        var document = TicketApi.Document.Replace("\"delete\": {\n        \"operationId\": \"DeleteTicket\",", "\"trace\": {\n        \"operationId\": \"DeleteTicket\",");

        var diagnostic = AssertSingle(document, "CC0103", "\"trace\"");
        Assert.Contains("method 'trace' is not supported", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0103_a_document_that_is_not_openapi_3_1_is_reported_at_the_version()
    {
        var document = TicketApi.Document.Replace("\"openapi\": \"3.1.0\"", "\"openapi\": \"3.0.3\"");

        AssertSingle(document, "CC0103", "\"3.0.3\"");
    }

    [Fact]
    public void CC0103_an_operation_without_operation_id_is_reported_at_the_operation()
    {
        var document = TicketApi.Document.Replace("\"operationId\": \"DeleteTicket\",", string.Empty);

        // At the Operation Object's opening brace, after "delete": .
        var diagnostic = AssertOnly(document, "CC0103", 1)[0];
        var (line, column) = TicketApi.PositionOf(document, "\"delete\": {", occurrence: 2);
        Assert.Equal((line, column + "\"delete\": ".Length), Position(diagnostic));
        Assert.Contains("'operationId' is required", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0103_a_cookie_parameter_is_reported_at_its_in()
    {
        var document = TicketApi.Document.Replace("\"name\": \"owner\", \"in\": \"query\"", "\"name\": \"owner\", \"in\": \"cookie\"");

        AssertSingle(document, "CC0103", "\"cookie\"");
    }

    [Fact]
    public void CC0103_a_body_on_a_204_is_reported_at_the_status()
    {
        var document = TicketApi.Document.Replace(
            "\"204\": { \"description\": \"Deleted\" }",
            "\"204\": { \"description\": \"Deleted\", \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"ticket.schema.json\" } } } }");

        AssertSingle(document, "CC0103", "\"204\"", occurrence: 2);
    }

    [Fact]
    public void CC0103_an_inline_body_schema_is_reported_there_the_schema_files_being_the_types()
    {
        var document = TicketApi.Document.Replace(
            "\"requestBody\": { \"required\": true, \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"ticket-draft.schema.json\" } } } },\n        \"responses\": {\n          \"201\"",
            "\"requestBody\": { \"required\": true, \"content\": { \"application/json\": { \"schema\": { \"type\": \"object\", \"title\": \"Draft\" } } } },\n        \"responses\": {\n          \"201\"");

        var diagnostic = AssertSingle(document, "CC0103", "{ \"type\": \"object\", \"title\": \"Draft\" }");
        Assert.Contains("$ref to a schema file", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0103_the_same_operation_id_twice_is_reported_at_the_second()
    {
        var document = TicketApi.Document.Replace("\"operationId\": \"DeleteTicket\"", "\"operationId\": \"GetTicket\"");

        AssertSingle(document, "CC0103", "\"delete\"", occurrence: 2);
    }

    [Fact]
    public void CC0103_a_parameter_with_an_object_schema_is_reported_at_the_schema()
    {
        var document = TicketApi.Document.Replace(
            "\"name\": \"owner\", \"in\": \"query\", \"required\": true, \"schema\": { \"type\": \"string\", \"minLength\": 1 }",
            "\"name\": \"owner\", \"in\": \"query\", \"required\": true, \"schema\": { \"type\": \"object\" }");

        var diagnostic = AssertSingle(document, "CC0103", "{ \"type\": \"object\" }");
        Assert.Contains("a parameter's schema needs a 'type'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0103_an_array_parameter_of_arrays_is_reported_at_the_schema()
    {
        var document = TicketApi.Document.Replace(
            "\"explode\": true, \"schema\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } }",
            "\"explode\": true, \"schema\": { \"type\": \"array\", \"items\": { \"type\": \"array\" } }");

        var diagnostic = AssertSingle(document, "CC0103", "{ \"type\": \"array\", \"items\": { \"type\": \"array\" } }");
        Assert.Contains("'items' must be", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0103_a_parameter_referring_to_an_object_schema_is_reported_at_the_ref()
    {
        var document = TicketApi.Document.Replace("\"ticket.schema.json#/definitions/status\"", "\"ticket-draft.schema.json\"");

        var diagnostic = AssertSingle(document, "CC0103", "\"ticket-draft.schema.json\"");
        Assert.Contains("parameter 'status' refers to an object schema", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    private const string IdsContent = "\"content\": { \"application/json\": { \"schema\": { \"type\": \"array\", \"items\": { \"type\": \"integer\", \"minimum\": 1 }, \"minItems\": 1, \"maxItems\": 20 } } }";

    [Fact]
    public void CC0103_a_parameter_with_both_schema_and_content_is_reported_at_its_schema()
    {
        var document = TicketApi.Document.Replace(IdsContent, "\"schema\": { \"type\": \"string\" }, " + IdsContent);

        var diagnostic = AssertSingle(document, "CC0103", "\"schema\": { \"type\": \"string\" }, \"content\"");
        Assert.Contains("has both 'schema' and 'content'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0103_a_parameter_content_with_two_media_types_is_reported_at_the_content()
    {
        var document = TicketApi.Document.Replace(IdsContent, IdsContent[..^2] + ", \"text/plain\": { \"schema\": { \"type\": \"string\" } } }");

        var diagnostic = AssertSingle(document, "CC0103", "{ \"application/json\": { \"schema\": { \"type\": \"array\", \"items\": { \"type\": \"integer\"");
        Assert.Contains("exactly one media type", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0103_a_parameter_sent_as_another_media_type_than_json_is_reported_at_the_media_type()
    {
        var document = TicketApi.Document.Replace(IdsContent, IdsContent.Replace("application/json", "text/plain"));

        var diagnostic = AssertSingle(document, "CC0103", "\"text/plain\"");
        Assert.Contains("only \"application/json\" is read", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0103_style_beside_content_is_reported_at_style()
    {
        var document = TicketApi.Document.Replace(IdsContent, "\"style\": \"form\", " + IdsContent);

        var diagnostic = AssertSingle(document, "CC0103", "\"style\": \"form\"");
        Assert.Contains("'style' applies only to a parameter with a 'schema'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0103_a_content_parameter_with_an_object_schema_is_reported_at_the_schema()
    {
        var document = TicketApi.Document.Replace(IdsContent, "\"content\": { \"application/json\": { \"schema\": { \"type\": \"object\", \"title\": \"Ids\" } } }");

        var diagnostic = AssertSingle(document, "CC0103", "{ \"type\": \"object\", \"title\": \"Ids\" }");
        Assert.Contains("a parameter's schema needs a 'type'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0010_an_inline_parameter_schema_is_held_to_the_draft_07_meta_schema_at_the_keyword()
    {
        var document = TicketApi.Document.Replace("\"minimum\": 1, \"maximum\": 1000", "\"minimum\": \"one\", \"maximum\": 1000");

        AssertSingle(document, "CC0010", "\"minimum\": \"one\"");
    }

    [Fact]
    public void CC0104_a_body_reference_to_no_schema_file_is_reported_at_the_ref()
    {
        var document = TicketApi.Document.Replace("\"ticket-page.schema.json\"", "\"ticket-list.schema.json\"");

        var diagnostic = AssertSingle(document, "CC0104", "\"ticket-list.schema.json\"");
        Assert.Contains("of operation 'FindTickets'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0104_a_parameter_reference_to_a_missing_definition_is_reported_at_the_ref()
    {
        var document = TicketApi.Document.Replace("ticket.schema.json#/definitions/status", "ticket.schema.json#/definitions/state");

        AssertSingle(document, "CC0104", "\"ticket.schema.json#/definitions/state\"");
    }

    [Fact]
    public void CC0104_a_json_body_that_generates_no_record_is_reported_at_the_ref()
    {
        var document = TicketApi.Document.Replace(
            "\"content\": { \"application/json\": { \"schema\": { \"$ref\": \"ticket-page.schema.json\" } } }",
            "\"content\": { \"application/json\": { \"schema\": { \"$ref\": \"ticket.schema.json#/definitions/status\" } } }");

        var diagnostic = AssertSingle(document, "CC0104", "\"ticket.schema.json#/definitions/status\"", occurrence: 2);
        Assert.Contains("must generate a record or a union", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0104_an_unknown_component_parameter_is_reported_at_the_ref()
    {
        var document = TicketApi.Document.Replace("\"parameters\": [ { \"$ref\": \"#/components/parameters/xsrf\" } ],\n        \"responses\": { \"204\"", "\"parameters\": [ { \"$ref\": \"#/components/parameters/csrf\" } ],\n        \"responses\": { \"204\"");

        AssertSingle(document, "CC0104", "\"#/components/parameters/csrf\"");
    }

    [Fact]
    public void CC0105_a_path_parameter_missing_from_the_template_is_reported_at_its_name()
    {
        var document = TicketApi.Document.Replace("{ \"name\": \"key\", \"in\": \"path\"", "{ \"name\": \"ticketKey\", \"in\": \"path\"");

        var diagnostics = AssertOnly(document, "CC0105", 2);
        Assert.Equal(TicketApi.PositionOf(document, "\"ticketKey\""), Position(diagnostics[1]));
        Assert.Contains("is not in the path template '/api/tickets/by-key/{key}'", diagnostics[1].GetMessage(), StringComparison.Ordinal);
        // The template's {key} is then declared by no parameter: reported at the operation's method.
        Assert.Equal(TicketApi.PositionOf(document, "\"get\"", occurrence: 3), Position(diagnostics[0]));
        Assert.Contains("declared by no parameter", diagnostics[0].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CC0105_a_path_parameter_that_is_not_required_is_reported_at_its_name()
    {
        var document = TicketApi.Document.Replace("{ \"name\": \"key\", \"in\": \"path\", \"required\": true,", "{ \"name\": \"key\", \"in\": \"path\",");

        AssertSingle(document, "CC0105", "\"key\"");
    }

    [Fact]
    public void CC0106_a_requirement_naming_an_undeclared_scheme_is_reported_at_the_name()
    {
        var document = TicketApi.Document.Replace("\"security\": [ { \"basicAuth\": [] } ],", "\"security\": [ { \"basic\": [] } ],");

        var diagnostic = AssertSingle(document, "CC0106", "\"basic\"");
        Assert.Contains("(declared: basicAuth)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_json_is_reported_where_the_parser_stopped_and_the_schemas_still_generate()
    {
        var result = TicketApi.Run("{ \"openapi\": \"3.1.0\",, }");

        Assert.Null(result.GeneratorException);
        Assert.Equal("CC0001", Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.Contains("TestProject.Ticket.g.cs", result.GeneratedSources.Keys);
    }

    private static Diagnostic AssertSingle(string document, string id, string marker, int occurrence = 1)
    {
        var diagnostic = AssertOnly(document, id, 1)[0];
        Assert.Equal(TicketApi.PositionOf(document, marker, occurrence), Position(diagnostic));
        return diagnostic;
    }

    /// <summary>Exactly <paramref name="count"/> diagnostics, all <paramref name="id"/>, in the document; the schema files still generate and compile.</summary>
    private static Diagnostic[] AssertOnly(string document, string id, int count)
    {
        Assert.NotEqual(TicketApi.Document, document);
        var result = TicketApi.Run(document);

        Assert.Null(result.GeneratorException);
        var diagnostics = result.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToArray();
        Assert.True(diagnostics.Length == count && diagnostics.All(d => d.Id == id),
            $"expected {count} × {id}, got: {string.Join("; ", diagnostics.Select(d => d.ToString()))}");
        Assert.All(diagnostics, d => Assert.Equal(TicketApi.DocumentPath, d.Location.GetLineSpan().Path));
        Assert.Contains("TestProject.Ticket.g.cs", result.GeneratedSources.Keys);
        result.AssertCompilesWithoutWarnings();
        return diagnostics;
    }

    private static (int Line, int Column) Position(Diagnostic diagnostic)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }
}
