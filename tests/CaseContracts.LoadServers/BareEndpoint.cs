using System.IO.Pipelines;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseContracts.LoadServers;

/// <summary>
/// (a), the limit: reads the whole body, looks at none of it, answers 200 with the canned case.
/// Everything the other contenders do beyond this is their parsing, validation and serialisation.
/// (i), the GET row's limit: the same route as (g) and (h), no parameter read, the canned case.
/// </summary>
internal static class BareEndpoint
{
    public static void ConfigureServices(IServiceCollection services)
    {
    }

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost("/api/cases", (RequestDelegate)HandleAsync);

    public static void MapGet(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/api/cases/{case_id}", (RequestDelegate)AnswerAsync);

    private static async Task HandleAsync(HttpContext context)
    {
        PipeReader body = context.Request.BodyReader;
        while (true)
        {
            ReadResult read = await body.ReadAsync(context.RequestAborted);
            body.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        await AnswerAsync(context);
    }

    private static async Task AnswerAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = CannedResponse.Utf8Json.Length;
        await context.Response.BodyWriter.WriteAsync(CannedResponse.Utf8Json, context.RequestAborted);
    }
}
