using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.AspNetCore.Http;

namespace CaseServer.Security;

/// <summary>
/// Kibana's cross-site request forgery guard: a request with a method that changes state must carry a
/// <c>kbn-xsrf</c> header (any value, even empty), else 400 <c>Request must contain a kbn-xsrf header.</c>
/// It runs after authentication, so an unauthenticated request gets its 401 first.
/// </summary>
public sealed class KibanaXsrfMiddleware
{
    /// <summary>The header's name.</summary>
    public const string HeaderName = "kbn-xsrf";

    private readonly RequestDelegate _next;

    /// <summary>Created once by the pipeline.</summary>
    public KibanaXsrfMiddleware(RequestDelegate next) => _next = next;

    /// <summary>Answers 400 for an unsafe request without the header; passes everything else on.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        // Only routes that exist are guarded: an unknown route or method gets its 404/405 first, as in Kibana.
        var routed = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>() is not null;
        if (safe || !routed || context.Request.Headers.ContainsKey(HeaderName))
        {
            return _next(context);
        }

        return KibanaError.BadRequest($"Request must contain a {HeaderName} header.").WriteAsync(context.Response, context.RequestAborted);
    }
}
