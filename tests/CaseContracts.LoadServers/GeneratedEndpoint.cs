using System.Threading.Tasks;
using CaseContracts.LoadServers.Contract;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseContracts.LoadServers;

/// <summary>
/// (b): the <c>CreateCase</c> endpoint CaseContracts generates from schema/cases.openapi.json, as CaseServer maps it
/// (the <c>kbn-xsrf</c> header parameter, content type, body limit, one-pass parse and validation, Kibana's error
/// body) with a no-op handler. The handler returns the canned case, parsed once, so the generated writer sends the
/// same JSON as every other contender.
/// </summary>
internal static class GeneratedEndpoint
{
    private static readonly Case Canned = Case.Parse(CannedResponse.Utf8Json);

    public static void ConfigureServices(IServiceCollection services) => GeneratedSecurity.MeasureWithoutAuthorization(services);

    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapCreateCase(static (_, _, _, _) => ValueTask.FromResult(CreateCaseResult.Ok(Canned)));
}
