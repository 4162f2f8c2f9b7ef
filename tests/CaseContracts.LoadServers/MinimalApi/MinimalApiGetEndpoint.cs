using System;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseContracts.LoadServers.MinimalApi;

/// <summary>
/// (h): the hand-written equivalent of (g) a .NET 10 developer would write: <c>[FromRoute]</c> and <c>[FromQuery]</c>
/// parameters bound by minimal APIs (a query value that is not a boolean is a 400), checked by <c>AddValidation()</c>,
/// a typed case serialised by System.Text.Json (source-generated).
/// </summary>
internal static class MinimalApiGetEndpoint
{
    private static readonly CaseDto Canned = JsonSerializer.Deserialize(CannedResponse.Utf8Json, MinimalApiJsonContext.Default.CaseDto)
        ?? throw new InvalidOperationException("bodies/case-response.json is empty");

    public static void ConfigureServices(IServiceCollection services) => MinimalApiEndpoint.ConfigureServices(services);

    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/api/cases/{case_id}", Handle);

    // The no-op handler: the parameters are bound and valid by the time it gets here.
    private static Ok<CaseDto> Handle([FromRoute(Name = "case_id"), Required] string caseId, [FromQuery] bool includeComments = true)
        => TypedResults.Ok(Canned);
}
