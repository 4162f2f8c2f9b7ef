using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// Every operation of the contract together: two declarations with the same C# name, or the same method
/// and route, cannot both be mapped; the first by file path keeps it and the other is reported (CC0102).
/// </summary>
internal static class EndpointSet
{
    public static (ContractEndpointsSpec Spec, EquatableArray<DiagnosticInfo> Diagnostics) Create(ImmutableArray<OperationResolution> resolutions, string @namespace)
    {
        var endpoints = new List<EndpointSpec>();
        var diagnostics = new List<DiagnosticInfo>();
        var byName = new Dictionary<string, OperationResolution>(StringComparer.Ordinal);
        var byRoute = new Dictionary<string, OperationResolution>(StringComparer.OrdinalIgnoreCase);
        foreach (var resolution in resolutions.OrderBy(r => r.FilePath, StringComparer.Ordinal))
        {
            diagnostics.AddRange(resolution.Diagnostics);
            if (resolution.Endpoint is not { } endpoint)
            {
                continue;
            }

            var route = endpoint.Method + " " + endpoint.Route.TrimEnd('/');
            if (byName.TryGetValue(endpoint.Name, out var first) || byRoute.TryGetValue(route, out first))
            {
                var same = first.Endpoint!.Name == endpoint.Name ? "C# name '" + endpoint.Name + "'" : "method and route";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateOperation, resolution.Location,
                    endpoint.OperationId, endpoint.Method, endpoint.Route, first.Endpoint.SchemaFile, same));
                continue;
            }

            byName.Add(endpoint.Name, resolution);
            byRoute.Add(route, resolution);
            endpoints.Add(endpoint);
        }

        var ordered = endpoints.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray();
        return (new ContractEndpointsSpec(@namespace, ordered), diagnostics.ToEquatableArray());
    }
}
