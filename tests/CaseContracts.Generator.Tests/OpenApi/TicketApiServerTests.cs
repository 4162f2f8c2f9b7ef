using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// The ticket API over a real socket: every parameter kind read, validated and typed, every error with its pointer
/// as RFC 9457 problem details, every declared status (200, 201 with Location, 204, 400, 404), and security
/// where the document declares it.
/// </summary>
public sealed class TicketApiServerTests(TicketServer server) : IClassFixture<TicketServer>
{
    private static readonly AuthenticationHeaderValue Ann = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(TicketServer.Credentials)));

    [Fact]
    public async Task Post_answers_201_with_the_ticket_and_its_location_and_get_by_the_typed_integer_id_finds_it()
    {
        var (status, created, headers) = await SendAsync(HttpMethod.Post, "/api/tickets", """{ "title": "Printer jam", "tags": ["hw", "office"] }""");

        Assert.Equal(HttpStatusCode.Created, status);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("/api/tickets/" + id, headers.Location?.OriginalString);
        Assert.Equal("open", created.GetProperty("status").GetString());

        var (getStatus, found, _) = await SendAsync(HttpMethod.Get, "/api/tickets/" + id, authenticated: false);
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal("Printer jam", found.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Query_parameters_are_typed_an_enum_a_bounded_integer_with_its_default_and_an_exploded_array()
    {
        await SendAsync(HttpMethod.Post, "/api/tickets", """{ "title": "Both tags", "tags": ["red", "blue"] }""");
        await SendAsync(HttpMethod.Post, "/api/tickets", """{ "title": "One tag", "tags": ["red"] }""");

        var (status, page, _) = await SendAsync(HttpMethod.Get, "/api/tickets?owner=ann&status=open&tags=red&tags=blue");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, page.GetProperty("page").GetInt64()); // the default
        Assert.Equal(["Both tags"], page.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("title").GetString()));

        var (_, third, _) = await SendAsync(HttpMethod.Get, "/api/tickets?owner=ann&page=3");
        Assert.Equal(3, third.GetProperty("page").GetInt64());
    }

    [Theory]
    [InlineData("/api/tickets?page=1", "/query/owner", "required")]
    [InlineData("/api/tickets?owner=", "/query/owner", "minLength")]
    [InlineData("/api/tickets?owner=ann&page=0", "/query/page", "minimum")]
    [InlineData("/api/tickets?owner=ann&page=1001", "/query/page", "maximum")]
    [InlineData("/api/tickets?owner=ann&page=two", "/query/page", "type")]
    [InlineData("/api/tickets?owner=ann&page=1.5", "/query/page", "type")]
    [InlineData("/api/tickets?owner=ann&page=1&page=2", "/query/page", "type")]
    [InlineData("/api/tickets?owner=ann&status=pending", "/query/status", "enum")]
    public async Task Each_invalid_query_parameter_is_a_400_problem_with_its_pointer_and_keyword(string uri, string pointer, string keyword)
    {
        var (status, problem, headers) = await SendAsync(HttpMethod.Get, uri);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", headers.ContentType);
        Assert.Equal("about:blank", problem.GetProperty("type").GetString());
        Assert.Equal("Bad Request", problem.GetProperty("title").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("The request's parameters do not match their schemas.", problem.GetProperty("detail").GetString());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(pointer, error.GetProperty("pointer").GetString());
        Assert.Equal(keyword, error.GetProperty("keyword").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Every_parameter_error_of_a_request_is_reported_together()
    {
        var (status, problem, _) = await SendAsync(HttpMethod.Get, "/api/tickets?page=0&status=pending");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["/query/owner required", "/query/page minimum", "/query/status enum"],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString() + " " + e.GetProperty("keyword").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/tickets/0", "/path/id", "minimum")]
    [InlineData("/api/tickets/abc", "/path/id", "type")]
    [InlineData("/api/tickets/99999999999999999999", "/path/id", "type")]
    [InlineData("/api/tickets/by-key/not-a-uuid", "/path/key", "type")]
    public async Task Each_invalid_path_parameter_is_a_400_problem_with_its_pointer(string uri, string pointer, string keyword)
    {
        var (status, problem, _) = await SendAsync(HttpMethod.Get, uri);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(pointer, error.GetProperty("pointer").GetString());
        Assert.Equal(keyword, error.GetProperty("keyword").GetString());
    }

    [Fact]
    public async Task A_uuid_path_parameter_is_bound_as_a_guid()
    {
        var (status, ticket, _) = await SendAsync(HttpMethod.Get, "/api/tickets/by-key/3F2504E0-4F89-41D3-9A0C-0305E82C3301");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("3f2504e0-4f89-41d3-9a0c-0305e82c3301", ticket.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_missing_required_header_is_a_400_problem_at_its_header_pointer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = Json("""{ "title": "x" }""") };
        request.Headers.Authorization = Ann;

        var (status, problem, _) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("/header/x-xsrf", error.GetProperty("pointer").GetString());
        Assert.Equal("required", error.GetProperty("keyword").GetString());
    }

    [Fact]
    public async Task An_invalid_body_is_a_400_problem_with_the_bodys_pointers()
    {
        var (status, problem, _) = await SendAsync(HttpMethod.Post, "/api/tickets", """{ "title": "", "owner": "ann" }""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The request body does not match its schema.", problem.GetProperty("detail").GetString());
        Assert.Equal(["/owner additionalProperties", "/title minLength"],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString() + " " + e.GetProperty("keyword").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Malformed_json_too_large_and_not_json_bodies_are_problems_too()
    {
        var (malformed, body, _) = await SendAsync(HttpMethod.Post, "/api/tickets", "{ \"title\": ");
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Equal("The request body is not valid JSON.", body.GetProperty("detail").GetString());

        var (tooLarge, large, _) = await SendAsync(HttpMethod.Post, "/api/tickets", "{ \"title\": \"" + new string('x', 5000) + "\" }");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Equal("The request body is larger than 4096 bytes.", large.GetProperty("detail").GetString());

        using var text = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = new StringContent("title", Encoding.UTF8, "text/plain") };
        text.Headers.Authorization = Ann;
        text.Headers.Add("x-xsrf", "1");
        var (unsupported, _, headers) = await SendAsync(text);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported);
        Assert.Equal("application/problem+json", headers.ContentType);
    }

    [Fact]
    public async Task Put_answers_200_with_the_replaced_ticket_or_404_as_a_problem()
    {
        var (_, created, _) = await SendAsync(HttpMethod.Post, "/api/tickets", """{ "title": "Old" }""");
        var id = created.GetProperty("id").GetInt64();

        var (status, replaced, _) = await SendAsync(HttpMethod.Put, "/api/tickets/" + id, """{ "title": "New" }""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("New", replaced.GetProperty("title").GetString());

        var (missing, problem, headers) = await SendAsync(HttpMethod.Put, "/api/tickets/424242", """{ "title": "New" }""");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("application/problem+json", headers.ContentType);
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Delete_answers_204_without_a_body_then_404()
    {
        var (_, created, _) = await SendAsync(HttpMethod.Post, "/api/tickets", """{ "title": "Short-lived" }""");
        var id = created.GetProperty("id").GetInt64();

        using var delete = Request(HttpMethod.Delete, "/api/tickets/" + id, null);
        using var response = await server.Client.SendAsync(delete);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        var (again, problem, _) = await SendAsync(HttpMethod.Delete, "/api/tickets/" + id);
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_json_query_parameter_deletes_several_tickets_with_their_typed_ids_and_answers_204()
    {
        var (_, first, _) = await SendAsync(HttpMethod.Post, "/api/tickets", """{ "title": "First of two" }""");
        var (_, second, _) = await SendAsync(HttpMethod.Post, "/api/tickets", """{ "title": "Second of two" }""");
        var ids = "[" + first.GetProperty("id").GetInt64() + "," + second.GetProperty("id").GetInt64() + "]";

        var (missing, problem, _) = await SendAsync(HttpMethod.Delete, "/api/tickets?ids=" + Uri.EscapeDataString("[" + first.GetProperty("id").GetInt64() + ",424243]"));
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("No ticket 424243.", problem.GetProperty("detail").GetString());

        using var delete = Request(HttpMethod.Delete, "/api/tickets?ids=" + Uri.EscapeDataString(ids), null);
        using var response = await server.Client.SendAsync(delete);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        var (gone, _, _) = await SendAsync(HttpMethod.Get, "/api/tickets/" + second.GetProperty("id").GetInt64(), authenticated: false);
        Assert.Equal(HttpStatusCode.NotFound, gone);
    }

    [Theory]
    [InlineData("[1,", "/query/ids", "json")]
    [InlineData("1,2", "/query/ids", "json")]
    [InlineData("[]", "/query/ids", "minItems")]
    [InlineData("[1,0]", "/query/ids/1", "minimum")]
    [InlineData("[1,\"2\"]", "/query/ids/1", "type")]
    [InlineData("[1.5]", "/query/ids/0", "type")]
    [InlineData("{\"id\":1}", "/query/ids", "type")]
    public async Task Each_invalid_json_query_parameter_is_a_400_problem_at_its_pointer(string ids, string pointer, string keyword)
    {
        var (status, problem, headers) = await SendAsync(HttpMethod.Delete, "/api/tickets?ids=" + Uri.EscapeDataString(ids));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", headers.ContentType);
        Assert.Equal("The request's parameters do not match their schemas.", problem.GetProperty("detail").GetString());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(pointer, error.GetProperty("pointer").GetString());
        Assert.Equal(keyword, error.GetProperty("keyword").GetString());
    }

    [Fact]
    public async Task Malformed_json_in_a_query_parameter_is_a_400_that_says_it_is_not_json()
    {
        var (status, problem, _) = await SendAsync(HttpMethod.Delete, "/api/tickets?ids=%5B1%2C");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("is not valid JSON", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_declared_error_the_handler_chooses_carries_its_detail()
    {
        var (status, problem, _) = await SendAsync(HttpMethod.Get, "/api/tickets/7777", authenticated: false);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("No ticket 7777.", problem.GetProperty("detail").GetString());

        var (badRequest, declared, _) = await SendAsync(HttpMethod.Get, "/api/tickets?owner=nobody");
        Assert.Equal(HttpStatusCode.BadRequest, badRequest);
        Assert.Equal("No user is called nobody.", declared.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Operations_that_declare_security_require_authorization_and_the_one_that_declares_none_does_not()
    {
        using var secured = new HttpRequestMessage(HttpMethod.Get, "/api/tickets?owner=ann");
        using var refused = await server.Client.SendAsync(secured);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var (open, _, _) = await SendAsync(HttpMethod.Get, "/api/tickets/4242", authenticated: false);
        Assert.Equal(HttpStatusCode.NotFound, open); // reached the handler: "security": [] declares none
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Request(HttpMethod method, string uri, string? body, bool authenticated = true)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = Json(body);
        }

        if (authenticated)
        {
            request.Headers.Authorization = Ann;
        }

        if (method != HttpMethod.Get)
        {
            request.Headers.Add("x-xsrf", "1");
        }

        return request;
    }

    private Task<(HttpStatusCode Status, JsonElement Body, HttpResponseHeadersAndContent Headers)> SendAsync(HttpMethod method, string uri, string? body = null, bool authenticated = true)
        => SendAsync(Request(method, uri, body, authenticated));

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseHeadersAndContent Headers)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await server.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            return (response.StatusCode, json, new HttpResponseHeadersAndContent(response.Headers.Location, response.Content.Headers.ContentType?.MediaType));
        }
    }

    /// <summary>What the tests read of an answer's headers.</summary>
    public sealed record HttpResponseHeadersAndContent(Uri? Location, string? ContentType);
}
