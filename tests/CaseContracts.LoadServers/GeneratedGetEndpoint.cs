using System.Threading.Tasks;
using CaseContracts.LoadServers.Contract;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseContracts.LoadServers;

/// <summary>
/// (g): the <c>GetCase</c> endpoint CaseContracts generates from schema/cases.openapi.json
/// (<c>GET /api/cases/{case_id}?includeComments=</c>: the path and query parameters read and checked by the generated
/// validators into <c>GetCaseParameters</c>, Kibana's error body on a bad value) with a no-op handler returning the
/// canned case through the generated writer.
/// </summary>
internal static class GeneratedGetEndpoint
{
    private static readonly Case Canned = Case.Parse(CannedResponse.Utf8Json);

    public static void ConfigureServices(IServiceCollection services) => GeneratedSecurity.MeasureWithoutAuthorization(services);

    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapGetCase(static (_, _, _) => ValueTask.FromResult(GetCaseResult.Ok(Canned)));
}
