using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseServer.Cases;

/// <summary><c>GET /api/cases/{id}</c>: the stored case with its comments, or 404 <c>Saved object [cases/&lt;id&gt;] not found</c>, as Kibana answers.</summary>
public static class GetCaseEndpoint
{
    /// <summary>The route template.</summary>
    public const string Route = "/api/cases/{id}";

    /// <summary>Maps the endpoint (a plain <see cref="RequestDelegate"/>, like the generated one).</summary>
    public static IEndpointConventionBuilder MapGetCase(this IEndpointRouteBuilder endpoints)
        => endpoints.MapGet(Route, HandleAsync).WithName("GetCase").WithTags("cases");

    private static async Task HandleAsync(HttpContext context)
    {
        var id = (string)context.GetRouteValue("id")!;
        var store = context.RequestServices.GetRequiredService<ICaseStore>();
        // Kibana's includeComments defaults to true: the case with every comment.
        var result = await store.GetAsync(id, includeComments: true, context.RequestAborted).ConfigureAwait(false);
        if (result.Value is not { } found)
        {
            await KibanaError.NotFound(result.Message!).WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // The generated endpoints' writer: the same JSON options, and a Content-Length rather than chunks.
        await ContractEndpoints.WriteJsonAsync(context.Response, StatusCodes.Status200OK, found, static (value, writer) => value.WriteTo(writer), context.RequestAborted).ConfigureAwait(false);
    }
}
