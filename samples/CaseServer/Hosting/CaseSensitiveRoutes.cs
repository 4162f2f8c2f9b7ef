using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CaseServer.Hosting;

/// <summary>
/// Routes match case-sensitively, as Kibana's router does: ASP.NET Core matches literal segments ignoring case, so
/// <c>/API/CASES</c> would reach <c>/api/cases</c>; here a request whose path differs from its route's literals
/// in case has no endpoint, and is answered 404.
/// </summary>
public sealed class CaseSensitiveRoutes
{
    private readonly RequestDelegate _next;

    /// <summary>Created by the pipeline.</summary>
    public CaseSensitiveRoutes(RequestDelegate next) => _next = next;

    /// <summary>Drops the endpoint of a request whose path is not its route's, case for case.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint && !LiteralsMatch(endpoint.RoutePattern, context.Request.Path.Value ?? string.Empty))
        {
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
        }

        return _next(context);
    }

    /// <summary>Whether every literal segment of <paramref name="pattern"/> is written in <paramref name="path"/> with the same case.</summary>
    public static bool LiteralsMatch(RoutePattern pattern, string path)
    {
        var segments = path.AsSpan().TrimStart('/');
        foreach (var segment in pattern.PathSegments)
        {
            var end = segments.IndexOf('/');
            var written = end < 0 ? segments : segments[..end];
            segments = end < 0 ? ReadOnlySpan<char>.Empty : segments[(end + 1)..];
            if (segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart literal && !written.SequenceEqual(literal.Content))
            {
                return false;
            }

            if (!segment.IsSimple)
            {
                foreach (var part in segment.Parts)
                {
                    if (part is RoutePatternLiteralPart inner && !written.Contains(inner.Content, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }
}
