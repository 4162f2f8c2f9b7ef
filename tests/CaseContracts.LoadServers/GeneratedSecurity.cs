using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseContracts.LoadServers;

/// <summary>
/// The document declares Basic security, so the generated <c>Map…</c> calls <c>RequireAuthorization()</c>. The
/// contenders of this project measure the endpoint, not authentication ((a) and (c) have none; (d) measures the whole
/// CaseServer): no authorization middleware runs, and routing is told not to refuse endpoints that carry
/// authorization metadata for that reason.
/// </summary>
internal static class GeneratedSecurity
{
    public static void MeasureWithoutAuthorization(IServiceCollection services)
        => services.Configure<RouteOptions>(options => options.SuppressCheckForUnhandledSecurityMetadata = true);
}
