using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// The thirteen Cases-like operations (<see cref="CasesLikeApi"/>) generate, compile and map without a diagnostic, and
/// a host serving them on 127.0.0.1 routes each request to its operation: literal segments before <c>{case_id}</c>,
/// one-or-several query values, array answers, 204s, a JSON query parameter, parameter errors in Kibana's words.
/// </summary>
public sealed class CasesLikeApiTests(CasesLikeApiTests.Server server) : IClassFixture<CasesLikeApiTests.Server>
{
    [Fact]
    public void The_thirteen_operations_generate_and_compile_without_a_diagnostic()
    {
        var operations = server.Generated.GeneratedSources.Keys.Where(k => k.EndsWith("Operation.g.cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Empty(server.Generated.GeneratorDiagnostics);
        Assert.Equal(
            ["AddComment", "DeleteAllComments", "DeleteCases", "DeleteComment", "FindCases", "GetAllComments", "GetCase", "GetCasesStatus", "GetComment",
             "GetReporters", "GetTags", "UpdateCases", "UpdateComment"],
            operations.Select(k => k["TestProject.".Length..^"Operation.g.cs".Length]));
    }

    [Theory]
    [InlineData("/api/cases/tags", """["tags-op"]""")]
    [InlineData("/api/cases/reporters", """[{"email":null,"full_name":null,"username":"reporters-op"}]""")]
    [InlineData("/api/cases/status", """{"count_open_cases":1,"count_in_progress_cases":2,"count_closed_cases":3}""")]
    [InlineData("/api/cases/_find", """{"cases":[],"page":1,"per_page":20,"total":0,"count_open_cases":0,"count_in_progress_cases":0,"count_closed_cases":0}""")]
    public async Task A_literal_segment_is_routed_to_its_own_operation_not_to_the_case_id_one(string uri, string expected)
    {
        var (status, body, _) = await server.SendAsync(HttpMethod.Get, uri);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task Any_other_segment_is_a_case_id()
    {
        var (status, body, _) = await server.SendAsync(HttpMethod.Get, "/api/cases/tagz");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.StartsWith("""{"statusCode":404,"error":"Not Found","message":"Saved object [cases/tagz] not found""", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "page=1;perPage=20;sortField=createdAt;sortOrder=desc;status=-;tags=-;reporters=-;search=-;searchFields=-;operator=OR")]
    [InlineData("?tags=a", "page=1;perPage=20;sortField=createdAt;sortOrder=desc;status=-;tags=a;reporters=-;search=-;searchFields=-;operator=OR")]
    [InlineData("?tags=a&tags=b&reporters=ann&page=2&perPage=5&sortField=title&sortOrder=asc&status=in-progress&search=printer&searchFields=title&searchFields=description&defaultSearchOperator=AND",
        "page=2;perPage=5;sortField=title;sortOrder=asc;status=InProgress;tags=a,b;reporters=ann;search=printer;searchFields=title,description;operator=AND")]
    public async Task Find_reads_one_or_several_tags_and_reporters_enums_and_defaults_into_typed_parameters(string query, string seen)
    {
        var (status, _, headers) = await server.SendAsync(HttpMethod.Get, "/api/cases/_find" + query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(seen, headers.GetValues("x-seen").Single());
    }

    [Theory]
    [InlineData("?perPage=true", "Invalid value \\\"true\\\" supplied to \\\"perPage\\\"")]
    [InlineData("?sortOrder=sideways", "Invalid value \\\"sideways\\\" supplied to \\\"sortOrder\\\"")]
    [InlineData("?status=done", "Invalid value \\\"done\\\" supplied to \\\"status\\\"")]
    [InlineData("?page=0", "Invalid value \\\"0\\\" supplied to \\\"page\\\"")]
    [InlineData("?searchFields=title&searchFields=owner", "Invalid value \\\"owner\\\" supplied to \\\"searchFields,1\\\"")]
    public async Task A_bad_query_value_is_a_400_in_kibanas_words_naming_the_parameter(string query, string message)
    {
        var (status, body, _) = await server.SendAsync(HttpMethod.Get, "/api/cases/_find" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("""{"statusCode":400,"error":"Bad Request","message":""" + "\"" + message + "\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_answers_an_array_of_cases()
    {
        var (status, body, _) = await server.SendAsync(HttpMethod.Patch, "/api/cases", """{"cases":[]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("[]", body);
    }

    [Fact]
    public async Task Delete_cases_reads_ids_as_a_json_array_and_answers_204_without_a_body()
    {
        var (status, body, headers) = await server.SendAsync(HttpMethod.Delete, "/api/cases?ids=" + Uri.EscapeDataString("""["id1","id2"]"""));

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(string.Empty, body);
        Assert.Equal("id1,id2", headers.GetValues("x-seen").Single());

        var (malformed, problem, _) = await server.SendAsync(HttpMethod.Delete, "/api/cases?ids=" + Uri.EscapeDataString("""["id1","""));
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.StartsWith("""{"statusCode":400,"error":"Bad Request","message":"Invalid value \"[\"id1\",\" supplied to \"ids\""", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_is_reached_through_its_case_and_deleted_with_204()
    {
        var (status, body, _) = await server.SendAsync(HttpMethod.Get, "/api/cases/c1/comments/k1");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.StartsWith("""{"statusCode":404,"error":"Not Found","message":"This comment k1 does not exist in c1).""", body, StringComparison.Ordinal);

        var (deleted, _, _) = await server.SendAsync(HttpMethod.Delete, "/api/cases/c1/comments/k1");
        Assert.Equal(HttpStatusCode.NoContent, deleted);

        var (all, comments, _) = await server.SendAsync(HttpMethod.Get, "/api/cases/c1/comments");
        Assert.Equal(HttpStatusCode.OK, all);
        Assert.Equal("[]", comments);
    }

    [Fact]
    public async Task A_non_get_operation_without_kbn_xsrf_is_a_400_naming_the_header()
    {
        var (status, body, _) = await server.SendAsync(HttpMethod.Delete, "/api/cases/c1/comments", xsrf: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("""{"statusCode":400,"error":"Bad Request","message":"Invalid value \"undefined\" supplied to \"kbn-xsrf\""", body, StringComparison.Ordinal);
    }

    /// <summary>The Cases-like API generated, compiled in memory with a host whose handlers say which operation answered, served on 127.0.0.1.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private const string Host = """
            namespace Consumer
            {
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.DependencyInjection;
                using TestProject;

                public sealed class Handlers : ICasesApiHandler
                {
                    private static string List<T>(System.Collections.Generic.IReadOnlyList<T>? values) => values is null ? "-" : string.Join(",", values);

                    public ValueTask<FindCasesResult> FindCasesAsync(FindCasesParameters p, HttpContext context, CancellationToken cancellationToken)
                    {
                        context.Response.Headers["x-seen"] = $"page={p.Page};perPage={p.PerPage};sortField={p.SortField};sortOrder={p.SortOrder};status={(p.Status?.ToString() ?? "-")};"
                            + $"tags={List(p.Tags)};reporters={List(p.Reporters)};search={p.Search ?? "-"};searchFields={List(p.SearchFields)};operator={p.DefaultSearchOperator}";
                        return new(FindCasesResult.Ok(new FindCasesResponse
                        {
                            Cases = [], Page = p.Page, PerPage = p.PerPage, Total = 0, CountOpenCases = 0, CountInProgressCases = 0, CountClosedCases = 0,
                        }));
                    }

                    public ValueTask<GetTagsResult> GetTagsAsync(HttpContext context, CancellationToken cancellationToken)
                        => new(GetTagsResult.Ok(new TagList(["tags-op"])));

                    public ValueTask<GetReportersResult> GetReportersAsync(HttpContext context, CancellationToken cancellationToken)
                        => new(GetReportersResult.Ok(new ReporterList([new User { Username = "reporters-op" }])));

                    public ValueTask<GetCasesStatusResult> GetCasesStatusAsync(HttpContext context, CancellationToken cancellationToken)
                        => new(GetCasesStatusResult.Ok(new CasesStatusResponse { CountOpenCases = 1, CountInProgressCases = 2, CountClosedCases = 3 }));

                    public ValueTask<GetCaseResult> GetCaseAsync(GetCaseParameters p, HttpContext context, CancellationToken cancellationToken)
                        => new(GetCaseResult.NotFound("Saved object [cases/" + p.CaseId + "] not found"));

                    public ValueTask<UpdateCasesResult> UpdateCasesAsync(UpdateCasesParameters p, UpdateCasesRequest body, HttpContext context, CancellationToken cancellationToken)
                        => new(UpdateCasesResult.Ok(new CaseList([])));

                    public ValueTask<DeleteCasesResult> DeleteCasesAsync(DeleteCasesParameters p, HttpContext context, CancellationToken cancellationToken)
                    {
                        context.Response.Headers["x-seen"] = string.Join(",", p.Ids);
                        return new(DeleteCasesResult.NoContent());
                    }

                    public ValueTask<AddCommentResult> AddCommentAsync(AddCommentParameters p, AddCommentRequest body, HttpContext context, CancellationToken cancellationToken)
                        => new(AddCommentResult.NotFound());

                    public ValueTask<GetAllCommentsResult> GetAllCommentsAsync(GetAllCommentsParameters p, HttpContext context, CancellationToken cancellationToken)
                        => new(GetAllCommentsResult.Ok(new CommentList([])));

                    public ValueTask<UpdateCommentResult> UpdateCommentAsync(UpdateCommentParameters p, UpdateCommentRequest body, HttpContext context, CancellationToken cancellationToken)
                        => new(UpdateCommentResult.Conflict("This case has been updated. Please refresh before saving additional updates."));

                    public ValueTask<DeleteAllCommentsResult> DeleteAllCommentsAsync(DeleteAllCommentsParameters p, HttpContext context, CancellationToken cancellationToken)
                        => new(DeleteAllCommentsResult.NoContent());

                    public ValueTask<GetCommentResult> GetCommentAsync(GetCommentParameters p, HttpContext context, CancellationToken cancellationToken)
                        => new(GetCommentResult.NotFound("This comment " + p.CommentId + " does not exist in " + p.CaseId + ")."));

                    public ValueTask<DeleteCommentResult> DeleteCommentAsync(DeleteCommentParameters p, HttpContext context, CancellationToken cancellationToken)
                        => new(DeleteCommentResult.NoContent());
                }

                public static class Server
                {
                    private static WebApplication? s_app;

                    public static async Task<string> StartAsync()
                    {
                        var builder = WebApplication.CreateSlimBuilder();
                        builder.WebHost.UseUrls("http://127.0.0.1:0");
                        builder.Services.AddScoped<Handlers>();
                        var app = builder.Build();
                        app.MapCasesApi<Handlers>();
                        await app.StartAsync();
                        s_app = app;
                        return app.Urls.First();
                    }

                    public static async Task StopAsync()
                    {
                        if (s_app is { } app)
                        {
                            await app.StopAsync();
                            await app.DisposeAsync();
                        }
                    }
                }
            }
            """;

        private MethodInfo? _stop;
        private HttpClient _client = new();

        /// <summary>The generator's run (its diagnostics and files).</summary>
        public GeneratorHarnessResult Generated { get; private set; } = null!;

        /// <inheritdoc/>
        public async Task InitializeAsync()
        {
            Generated = GeneratorHarness.Run(new ContractGenerator(), CasesLikeApi.Files(), [Host], additionalReferences: TrustedPlatformReferences.AspNetCore);
            Generated.AssertCompilesWithoutWarnings();
            var server = Generated.EmitAndLoad().GetType("Consumer.Server", throwOnError: true)!;
            _stop = server.GetMethod("StopAsync");
            var address = await (Task<string>)server.GetMethod("StartAsync")!.Invoke(null, null)!;
            Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
            _client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        }

        /// <summary>Sends a request (with <c>kbn-xsrf</c> unless told not to) and returns the status, the body text and the headers.</summary>
        public async Task<(HttpStatusCode Status, string Body, System.Net.Http.Headers.HttpResponseHeaders Headers)> SendAsync(HttpMethod method, string uri, string? json = null, bool xsrf = true)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            if (xsrf && method != HttpMethod.Get)
            {
                request.Headers.Add("kbn-xsrf", "true");
            }

            using var response = await _client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
        }

        /// <inheritdoc/>
        public async Task DisposeAsync()
        {
            _client.Dispose();
            if (_stop is not null)
            {
                await (Task)_stop.Invoke(null, null)!;
            }
        }
    }
}
