using System.Linq;
using System.Threading;
using CaseContracts.Generator.Model.Api;
using CaseContracts.Generator.Schema;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// An OpenAPI 3.1 document in the schema folder is read into one operation model: every operation with its
/// parameters (path-item ones merged in, component ones resolved), body, responses and security; the schema
/// files stay the types.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public void The_ticket_document_generates_with_no_diagnostic_and_is_not_taken_for_a_schema_but_its_inline_parameter_schemas_are_validated()
    {
        var result = TicketApi.Run();

        Assert.Null(result.GeneratorException);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("TestProject.Ticket.g.cs", result.GeneratedSources.Keys);
        // No type and no document entry: only a validator per inline parameter schema, named by its place in the document.
        Assert.Equal(["TestProject.SchemaValidators.tickets.openapi.g.cs"], result.GeneratedSources.Keys.Where(hint => hint.Contains("tickets.openapi", System.StringComparison.OrdinalIgnoreCase)));
        var validators = result.GeneratedSources["TestProject.SchemaValidators.tickets.openapi.g.cs"];
        Assert.DoesNotContain("ValidateDocument_", validators, System.StringComparison.Ordinal);
        Assert.Contains("// tickets.openapi.json#/paths/~1api~1tickets/get/parameters/1/schema", validators, System.StringComparison.Ordinal);
        result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void Every_operation_is_read_in_document_order_with_its_method_and_path()
    {
        var api = Read(TicketApi.Document);

        Assert.Equal(
            ["GET /api/tickets FindTickets", "POST /api/tickets CreateTicket", "DELETE /api/tickets DeleteTickets", "GET /api/tickets/{id} GetTicket", "PUT /api/tickets/{id} ReplaceTicket",
             "DELETE /api/tickets/{id} DeleteTicket", "GET /api/tickets/by-key/{key} GetTicketByKey"],
            api.Operations.Select(o => $"{o.Method} {o.Path} {o.OperationId}"));
        Assert.Equal(("Tickets", "1.0.0", ApiErrorProfile.ProblemDetails), (api.Title, api.Version, api.ErrorProfile));
    }

    [Fact]
    public void A_parameter_declared_with_json_content_is_read_as_json_with_its_media_types_schema()
    {
        var ids = Read(TicketApi.Document).Operations.Single(o => o.OperationId == "DeleteTickets").Parameters.Single(p => p.Name == "ids");

        Assert.True(ids.IsJson);
        Assert.False(ids.Explode);
        Assert.Equal("""{"type":"array","items":{"type":"integer","minimum":1},"minItems":1,"maxItems":20}""", ids.Schema.InlineJson);
        Assert.Equal(new ApiValueShape(ApiScalar.Integer, IsArray: true), ids.Shape);
        Assert.EndsWith("#/paths/~1api~1tickets/delete/parameters/1/content/application~1json/schema", ids.Schema.Key, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Query_parameters_keep_their_schema_required_flag_and_explode()
    {
        var find = Read(TicketApi.Document).Operations.Single(o => o.OperationId == "FindTickets");

        Assert.Equal(["status query False", "page query False", "tags query False", "owner query True"],
            find.Parameters.Select(p => $"{p.Name} {p.In.ToString().ToLowerInvariant()} {p.Required}"));
        var status = find.Parameters[0].Schema;
        Assert.Equal(TicketApi.Directory + "ticket.schema.json#/definitions/status", status.Key);
        Assert.Equal("""{"type":"integer","minimum":1,"maximum":1000,"default":1}""", find.Parameters[1].Schema.InlineJson);
        Assert.True(find.Parameters[2].Explode);
    }

    [Fact]
    public void Path_item_parameters_and_component_parameters_reach_each_operation()
    {
        var operations = Read(TicketApi.Document).Operations;

        Assert.Equal(["id path True"], operations.Single(o => o.OperationId == "GetTicket").Parameters.Select(p => $"{p.Name} {p.In.ToString().ToLowerInvariant()} {p.Required}"));
        Assert.Equal(["id", "x-xsrf"], operations.Single(o => o.OperationId == "ReplaceTicket").Parameters.Select(p => p.Name));
        Assert.Equal(["x-xsrf"], operations.Single(o => o.OperationId == "CreateTicket").Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Responses_keep_status_media_type_body_and_headers()
    {
        var operations = Read(TicketApi.Document).Operations;

        var created = operations.Single(o => o.OperationId == "CreateTicket").Responses[0];
        Assert.Equal((201, "application/json", TicketApi.Directory + "ticket.schema.json#"), (created.Status, created.MediaType, created.Body!.Key));
        var location = Assert.Single(created.Headers);
        Assert.Equal(("Location", true), (location.Name, location.Required));
        Assert.Equal(["200 True", "404 False"], operations.Single(o => o.OperationId == "ReplaceTicket").Responses.Select(r => $"{r.Status} {r.Body is not null}"));
        Assert.Equal(["201 application/json", "400 application/problem+json"], operations.Single(o => o.OperationId == "CreateTicket").Responses.Select(r => $"{r.Status} {r.MediaType}"));
        var deleted = operations.Single(o => o.OperationId == "DeleteTicket").Responses[0];
        Assert.Equal((204, null), (deleted.Status, deleted.Body));
    }

    [Fact]
    public void Security_is_the_documents_unless_an_operation_says_otherwise()
    {
        var api = Read(TicketApi.Document);

        Assert.Equal(["basicAuth"], api.Operations.Single(o => o.OperationId == "FindTickets").Security);
        Assert.Empty(api.Operations.Single(o => o.OperationId == "GetTicket").Security);
        var scheme = Assert.Single(api.SecuritySchemes);
        Assert.Equal(("basicAuth", "http", "basic"), (scheme.Name, scheme.Type, scheme.Scheme));
    }

    [Fact]
    public void The_request_body_is_read_with_its_required_flag()
    {
        var body = Read(TicketApi.Document).Operations.Single(o => o.OperationId == "CreateTicket").RequestBody!;

        Assert.True(body.Required);
        Assert.Equal(TicketApi.Directory + "ticket-draft.schema.json#", body.Schema.Key);
    }

    [Fact]
    public void The_kibana_error_profile_is_an_opt_in_of_the_document()
    {
        var api = Read(TicketApi.Document.Replace("\"openapi\": \"3.1.0\",", "\"openapi\": \"3.1.0\", \"x-error-profile\": \"kibana\","));

        Assert.Equal(ApiErrorProfile.Kibana, api.ErrorProfile);
    }

    private static ApiDocument Read(string document)
    {
        var read = SchemaReader.Read(TicketApi.DocumentPath, SourceText.From(document), CancellationToken.None);
        Assert.Empty(read.Diagnostics);
        Assert.Empty(read.Schemas);
        return read.Api!;
    }
}
