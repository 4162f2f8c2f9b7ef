using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using CaseContracts.Generator.Analyzers;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// CC0107: a handler of an operation declared in an OpenAPI document that answers a status the operation does not
/// declare fails the build, located at what it answers.
/// </summary>
public sealed class UndeclaredResponseTests
{
    [Fact]
    public async Task A_delegate_handler_returning_an_iresult_is_CC0107_at_the_returned_value()
    {
        const string code = """
            namespace Consumer
            {
                using TestProject;

                public static class Routes
                {
                    public static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app)
                        => app.MapGetTicket(async (parameters, context, cancellationToken) =>
                        {
                            await System.Threading.Tasks.Task.Yield();
                            if (parameters.Id == 1) return TestProject.GetTicketResult.NotFound();
                            return Microsoft.AspNetCore.Http.Results.StatusCode(418);
                        });
                }
            }
            """;

        var diagnostic = Assert.Single(await AnalyzeAsync(code));

        Assert.Equal("CC0107", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Microsoft.AspNetCore.Http.Results.StatusCode(418)", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal("The handler of 'GetTicket' answers a value of type 'IResult', which is none of the responses the operation declares: answer with GetTicketResult.Ok(…), GetTicketResult.NotFound(…)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_handler_class_that_sets_the_status_code_itself_compiles_but_fails_the_build_with_CC0107_at_the_assignment()
    {
        const string code = """
            namespace Consumer
            {
                public sealed class Deleter : TestProject.IDeleteTicketHandler
                {
                    public System.Threading.Tasks.ValueTask<TestProject.DeleteTicketResult> DeleteTicketAsync(TestProject.DeleteTicketParameters parameters, Microsoft.AspNetCore.Http.HttpContext context, System.Threading.CancellationToken cancellationToken)
                    {
                        context.Response.StatusCode = 202;
                        return new(TestProject.DeleteTicketResult.NoContent());
                    }
                }
            }
            """;

        var (compilerErrors, diagnostics) = await CompileAndAnalyzeAsync(code);

        Assert.Empty(compilerErrors);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CC0107", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("context.Response.StatusCode = 202", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public async Task Handlers_that_answer_their_declared_responses_and_lambdas_nested_in_them_are_not_reported()
    {
        const string code = """
            namespace Consumer
            {
                public sealed class Tickets : TestProject.IGetTicketHandler
                {
                    public async System.Threading.Tasks.ValueTask<TestProject.GetTicketResult> GetTicketAsync(TestProject.GetTicketParameters parameters, Microsoft.AspNetCore.Http.HttpContext context, System.Threading.CancellationToken cancellationToken)
                    {
                        await System.Threading.Tasks.Task.Yield();
                        var titles = System.Linq.Enumerable.Select(new[] { 1, 2 }, n => { return n.ToString(); });
                        return parameters.Id > 10
                            ? TestProject.GetTicketResult.NotFound("No ticket " + parameters.Id + ".")
                            : TestProject.GetTicketResult.Ok(new TestProject.Ticket { Id = parameters.Id, Title = string.Join(",", titles), Status = TestProject.TicketStatus.Open });
                    }
                }

                public static class Routes
                {
                    public static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app)
                        => TestProject.DeleteTicketEndpoint.MapDeleteTicket(app, (parameters, context, cancellationToken) => new(TestProject.DeleteTicketResult.NoContent()));
                }
            }
            """;

        var (compilerErrors, diagnostics) = await CompileAndAnalyzeAsync(code);

        Assert.Empty(compilerErrors);
        Assert.Empty(diagnostics);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string code) => (await CompileAndAnalyzeAsync(code)).Analyzer;

    private static async Task<(ImmutableArray<Diagnostic> CompilerErrors, ImmutableArray<Diagnostic> Analyzer)> CompileAndAnalyzeAsync(string code)
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), TicketApi.Files(), [code], additionalReferences: TrustedPlatformReferences.AspNetCore);
        Assert.Empty(result.GeneratorDiagnostics);
        var compilation = result.OutputCompilation;
        var analyzer = await compilation.WithAnalyzers([new HandlerResponseAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (errors, analyzer);
    }
}
