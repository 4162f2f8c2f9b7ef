using System;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseContracts.LoadServers.MinimalApi;

/// <summary>
/// (c): the hand-written equivalent a .NET 10 developer would write: a <c>[FromBody]</c> DTO bound by
/// System.Text.Json (source-generated), checked by <c>AddValidation()</c> (Microsoft.Extensions.Validation
/// attributes), a handler that returns a typed case. Bad JSON and failed validation are 400s.
/// </summary>
internal static class MinimalApiEndpoint
{
    private static readonly CaseDto Canned = JsonSerializer.Deserialize(CannedResponse.Utf8Json, MinimalApiJsonContext.Default.CaseDto)
        ?? throw new InvalidOperationException("bodies/case-response.json is empty");

    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddValidation();
        services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            json.TypeInfoResolverChain.Insert(0, MinimalApiJsonContext.Default);
            json.PropertyNameCaseInsensitive = false;
            json.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            json.AllowOutOfOrderMetadataProperties = true;
        });
    }

    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapPost("/api/cases", ([FromBody] CreateCaseDto request) => Handle(request));

    // The no-op handler: the request is bound and valid by the time it gets here.
    private static Ok<CaseDto> Handle(CreateCaseDto request) => TypedResults.Ok(Canned);
}
