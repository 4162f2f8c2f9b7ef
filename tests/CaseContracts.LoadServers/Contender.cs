using System;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseContracts.LoadServers;

/// <summary>One server configuration under load: its services and its <c>POST /api/cases</c>.</summary>
/// <param name="Name">The command-line name (build/load.sh passes it).</param>
/// <param name="ConfigureServices">Services the endpoint needs.</param>
/// <param name="MapEndpoint">Maps <c>POST /api/cases</c>.</param>
internal sealed record Contender(string Name, Action<IServiceCollection> ConfigureServices, Action<IEndpointRouteBuilder> MapEndpoint);
