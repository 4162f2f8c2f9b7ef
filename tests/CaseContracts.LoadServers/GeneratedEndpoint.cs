using System.Threading.Tasks;
using CaseContracts.LoadServers.Contract;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseContracts.LoadServers;

/// <summary>
/// (b): the endpoint CaseContracts generates from <c>x-operation</c> (content type, body limit, one-pass
/// parse and validation, Kibana's error body) with a no-op handler. The handler returns the canned case,
/// parsed once, so the generated writer sends the same JSON as every other contender.
/// </summary>
internal static class GeneratedEndpoint
{
    private static readonly Case Canned = Case.Parse(CannedResponse.Utf8Json);

    public static void ConfigureServices(IServiceCollection services)
    {
    }

    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapCreateCase(static (_, _, _) => ValueTask.FromResult<EndpointResult<Case>>(Canned));
}
