using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CaseServer.Hosting;

/// <summary>
/// Every answer says <c>X-Content-Type-Options: nosniff</c> (a browser never reads a JSON error as HTML) and
/// <c>Cache-Control: no-store</c> (cases and errors hold data nobody should find in a cache), as Kibana's API does.
/// Set when the answer starts, so that answers the exception handler rewrites carry them too.
/// </summary>
public sealed class ApiResponseHeaders
{
    private readonly RequestDelegate _next;

    /// <summary>Created by the pipeline.</summary>
    public ApiResponseHeaders(RequestDelegate next) => _next = next;

    /// <summary>Adds the headers to the answer.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.CacheControl] = "no-store";
            return Task.CompletedTask;
        }, context.Response);
        return _next(context);
    }
}
