using System;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseContracts.LoadServers;

/// <summary>One server configuration under load: its services and its endpoint (<c>POST /api/cases</c>, or <c>GET /api/cases/{case_id}</c> for the GET row).</summary>
/// <param name="Name">The command-line name (build/load.sh passes it).</param>
/// <param name="ConfigureServices">Services the endpoint needs.</param>
/// <param name="MapEndpoint">Maps the endpoint under load.</param>
internal sealed record Contender(string Name, Action<IServiceCollection> ConfigureServices, Action<IEndpointRouteBuilder> MapEndpoint);
