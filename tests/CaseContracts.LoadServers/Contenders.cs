using System;
using System.Collections.Generic;
using CaseContracts.LoadServers.MinimalApi;

namespace CaseContracts.LoadServers;

/// <summary>
/// Every contender this project serves. The full CaseServer, (d), is its own program and is started by
/// build/load.sh directly.
/// </summary>
internal static class Contenders
{
    public static IReadOnlyDictionary<string, Contender> ByName { get; } = new Dictionary<string, Contender>(StringComparer.Ordinal)
    {
        ["bare"] = new("bare", BareEndpoint.ConfigureServices, BareEndpoint.Map),
        ["bare-get"] = new("bare-get", BareEndpoint.ConfigureServices, BareEndpoint.MapGet),
        ["generated"] = new("generated", GeneratedEndpoint.ConfigureServices, GeneratedEndpoint.Map),
        ["minimal-api"] = new("minimal-api", MinimalApiEndpoint.ConfigureServices, MinimalApiEndpoint.Map),
        ["generated-get"] = new("generated-get", GeneratedGetEndpoint.ConfigureServices, GeneratedGetEndpoint.Map),
        ["minimal-api-get"] = new("minimal-api-get", MinimalApiGetEndpoint.ConfigureServices, MinimalApiGetEndpoint.Map),
    };
}
