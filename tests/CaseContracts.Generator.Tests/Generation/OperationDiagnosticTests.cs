using System.Linq;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// A malformed <c>x-operation</c> is reported where it is wrong, in the .json file (CC0100–CC0102), never
/// as an exception; it generates no endpoint, and everything else still generates. Lines and columns are
/// one-based, as an editor shows them. The web project's references are on, so a valid declaration would
/// generate an endpoint.
/// </summary>
public sealed class OperationDiagnosticTests
{
    private const string Dir = SchemaFiles.VirtualSchemaDirectory;

    private static readonly AdditionalText Order = new InMemoryAdditionalText(Dir + "order.schema.json", """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Order",
          "type": "object",
          "properties": { "id": { "type": "string" } }
        }
        """);

    [Fact]
    public void A_valid_declaration_generates_an_endpoint_named_after_the_request_type()
    {
        var result = Run("""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "CreateOrderRequest",
              "type": "object",
              "x-operation": { "method": "post", "route": "/api/orders", "response": "order.schema.json" },
              "properties": { "sku": { "type": "string" } }
            }
            """);

        Assert.Empty(result.GeneratorDiagnostics);
        var endpoint = result.GeneratedSources["TestProject.CreateOrderEndpoint.g.cs"];
        Assert.Contains("public const string Method = \"POST\";", endpoint);
        Assert.Contains("MapCreateOrder(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, CreateOrderHandler handler", endpoint);
        result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void CC0100_a_method_without_a_body_is_reported_at_the_method()
    {
        var result = Run("""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "CreateOrderRequest",
              "type": "object",
              "x-operation": { "method": "GET", "route": "/api/orders", "response": "order.schema.json" },
              "properties": { "sku": { "type": "string" } }
            }
            """);

        var diagnostic = AssertSingleAndNoEndpoint(result, "CC0100", line: 5, column: 30);
        Assert.Contains("'method' must be POST, PUT or PATCH", diagnostic.GetMessage());
    }

    [Fact]
    public void CC0100_the_documented_example_reports_the_method_and_the_route()
    {
        // docs/diagnostics/CC0100.md, "Invalid".
        var result = Run("""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "CreateOrderRequest",
              "type": "object",
              "x-operation": { "method": "GET", "route": "api/orders", "response": "order.schema.json" },
              "properties": { "sku": { "type": "string" } }
            }
            """);

        Assert.Null(result.GeneratorException);
        var places = result.GeneratorDiagnostics.Where(d => d.Id == "CC0100")
            .Select(d => d.Location.GetLineSpan().StartLinePosition).Select(p => (p.Line + 1, p.Character + 1));
        Assert.Equal([(5, 30), (5, 46)], places);
    }

    [Fact]
    public void CC0100_a_route_that_is_not_a_path_template_is_reported_at_the_route()
    {
        var result = Run("""
            {
              "title": "CreateOrderRequest",
              "type": "object",
              "x-operation": { "method": "POST", "route": "/api/orders/{id", "response": "order.schema.json" },
              "properties": { "sku": { "type": "string" } }
            }
            """);

        var diagnostic = AssertSingleAndNoEndpoint(result, "CC0100", line: 4, column: 47);
        Assert.Contains("unbalanced", diagnostic.GetMessage());
    }

    [Fact]
    public void CC0100_an_unknown_member_is_reported_at_its_name()
    {
        var result = Run("""
            {
              "title": "CreateOrderRequest",
              "type": "object",
              "x-operation": {
                "method": "POST",
                "route": "/api/orders",
                "response": "order.schema.json",
                "respones": "order.schema.json"
              },
              "properties": { "sku": { "type": "string" } }
            }
            """);

        var diagnostic = AssertSingleAndNoEndpoint(result, "CC0100", line: 8, column: 5);
        Assert.Contains("unknown member 'respones'", diagnostic.GetMessage());
    }

    [Fact]
    public void CC0100_a_missing_response_is_reported_at_the_declaration()
    {
        var result = Run("""
            {
              "title": "CreateOrderRequest",
              "type": "object",
              "x-operation": { "method": "POST", "route": "/api/orders" },
              "properties": { "sku": { "type": "string" } }
            }
            """);

        var diagnostic = AssertSingleAndNoEndpoint(result, "CC0100", line: 4, column: 18);
        Assert.Contains("'response' is required", diagnostic.GetMessage());
    }

    [Fact]
    public void CC0100_a_declaration_that_is_not_an_object_is_reported_at_its_value()
    {
        var result = Run("""
            {
              "title": "CreateOrderRequest",
              "type": "object",
              "x-operation": "POST /api/orders",
              "properties": { "sku": { "type": "string" } }
            }
            """);

        AssertSingleAndNoEndpoint(result, "CC0100", line: 4, column: 18);
    }

    [Fact]
    public void CC0100_a_declaration_below_the_root_is_reported_because_it_would_declare_nothing()
    {
        var result = Run("""
            {
              "title": "CreateOrderRequest",
              "type": "object",
              "properties": {
                "sku": { "type": "string", "x-operation": { "method": "POST", "route": "/x", "response": "order.schema.json" } }
              }
            }
            """);

        var diagnostic = AssertSingleAndNoEndpoint(result, "CC0100", line: 5, column: 32);
        Assert.Contains("only at the root", diagnostic.GetMessage());
    }

    [Fact]
    public void CC0100_a_request_schema_that_generates_no_record_is_reported_at_the_declaration()
    {
        var result = Run("""
            {
              "title": "Sku",
              "type": "string",
              "x-operation": { "method": "POST", "route": "/api/skus", "response": "order.schema.json" }
            }
            """);

        var diagnostic = AssertSingleAndNoEndpoint(result, "CC0100", line: 4, column: 3);
        Assert.Contains("must generate a record or a union", diagnostic.GetMessage());
    }

    [Fact]
    public void CC0101_a_response_that_names_no_schema_is_reported_at_the_response()
    {
        // docs/diagnostics/CC0101.md, "Invalid".
        var result = Run("""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "CreateOrderRequest",
              "type": "object",
              "x-operation": { "method": "POST", "route": "/api/orders", "response": "oder.schema.json" },
              "properties": { "sku": { "type": "string" } }
            }
            """);

        var diagnostic = AssertSingleAndNoEndpoint(result, "CC0101", line: 5, column: 74);
        Assert.Contains("'oder.schema.json' of operation 'CreateOrder'", diagnostic.GetMessage());
    }

    [Fact]
    public void CC0101_a_response_that_generates_no_record_is_reported_at_the_response()
    {
        var result = Run(
            ("create-order-request.schema.json", """
                {
                  "title": "CreateOrderRequest",
                  "type": "object",
                  "x-operation": { "method": "POST", "route": "/api/orders", "response": "order-id.schema.json" },
                  "properties": { "sku": { "type": "string" } }
                }
                """),
            ("order-id.schema.json", """{ "title": "OrderId", "type": "string" }"""));

        var diagnostic = AssertSingleAndNoEndpoint(result, "CC0101", line: 4, column: 74);
        Assert.Contains("generates no record or union", diagnostic.GetMessage());
    }

    [Fact]
    public void CC0102_a_second_operation_on_the_same_method_and_route_is_reported_and_the_first_keeps_it()
    {
        const string Declaration = """
            {
              "type": "object",
              "x-operation": { "method": "POST", "route": "/api/orders", "response": "order.schema.json" },
              "properties": { "sku": { "type": "string" } }
            }
            """;
        var result = Run(("create-order-request.schema.json", Declaration), ("place-order-request.schema.json", Declaration));

        Assert.Null(result.GeneratorException);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CC0102", diagnostic.Id);
        Assert.Equal(Dir + "place-order-request.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("TestProject.CreateOrderEndpoint.g.cs", result.GeneratedSources.Keys);
        Assert.DoesNotContain("TestProject.PlaceOrderEndpoint.g.cs", result.GeneratedSources.Keys);
        result.AssertCompilesWithoutWarnings();
    }

    private static GeneratorHarnessResult Run(string content) => Run(("create-order-request.schema.json", content));

    private static GeneratorHarnessResult Run(params (string File, string Content)[] files)
    {
        var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(Dir + f.File, f.Content)).Append(Order);
        return GeneratorHarness.Run(new ContractGenerator(), texts, additionalReferences: TrustedPlatformReferences.AspNetCore);
    }

    /// <summary>Exactly one diagnostic, <paramref name="id"/>, at that place; no endpoint; the types still generate and compile.</summary>
    private static Diagnostic AssertSingleAndNoEndpoint(GeneratorHarnessResult result, string id, int line, int column)
    {
        Assert.Null(result.GeneratorException);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.EndsWith(".schema.json", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.DoesNotContain(result.GeneratedSources.Keys, hint => hint.EndsWith("Endpoint.g.cs", System.StringComparison.Ordinal) || hint == "TestProject.Endpoints.g.cs");
        Assert.Contains("TestProject.Order.g.cs", result.GeneratedSources.Keys);
        result.AssertCompilesWithoutWarnings();
        return diagnostic;
    }
}
