using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Api;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// Every OpenAPI operation of the contract together, beside the <c>x-operation</c> endpoints: two operations with
/// the same C# name, or the same method and route (whatever their parameters are called: <c>/a/{id}</c> and
/// <c>/a/{key}</c> are one route to ASP.NET Core), cannot both be mapped. An <c>x-operation</c> keeps what it
/// declares; among OpenAPI operations the first by file path, then document order, keeps it; the other is
/// reported (CC0102) at its method.
/// </summary>
internal static class ApiOperationSet
{
    public static ApiOperationSetResult Create(ImmutableArray<ApiOperationResolution> resolutions, ContractEndpointsSpec shorthand)
    {
        var operations = new List<ApiOperation>();
        var specs = new List<ApiOperationSpec>();
        var diagnostics = new List<DiagnosticInfo>();
        var byName = new Dictionary<string, (string Method, string Path, string File)>(StringComparer.Ordinal);
        var byRoute = new Dictionary<string, (string Method, string Path, string File)>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in shorthand.Endpoints)
        {
            var declared = (endpoint.Method, endpoint.Route, endpoint.SchemaFile);
            byName[endpoint.Name] = declared;
            byRoute[RouteKey(endpoint.Method, endpoint.Route)] = declared;
        }

        // Resolutions arrive in document order within a file; the sort is stable.
        foreach (var resolution in resolutions.Where(r => r.Resolved).OrderBy(r => r.Operation.FilePath, StringComparer.Ordinal))
        {
            var operation = resolution.Operation;
            var name = Naming.ToPascalCase(operation.OperationId);
            var route = RouteKey(operation.Method, operation.Path);
            if (byName.TryGetValue(name, out var first) || byRoute.TryGetValue(route, out first))
            {
                var same = byName.ContainsKey(name) ? "C# name '" + name + "'" : "method and route";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateOperation, operation.Location,
                    operation.OperationId, operation.Method, operation.Path, first.File, same));
                continue;
            }

            var file = operation.FilePath.Substring(operation.FilePath.LastIndexOf('/') + 1);
            byName.Add(name, (operation.Method, operation.Path, file));
            byRoute.Add(route, (operation.Method, operation.Path, file));
            operations.Add(operation);
            specs.Add(resolution.Spec!);
        }

        return new ApiOperationSetResult(operations.ToEquatableArray(), diagnostics.ToEquatableArray(), specs.ToEquatableArray());
    }

    /// <summary><c>GET /api/tickets/{id}/</c> → <c>GET /api/tickets/{}</c>: what the router tells apart.</summary>
    private static string RouteKey(string method, string template)
    {
        var chars = new System.Text.StringBuilder(method.Length + template.Length + 1).Append(method).Append(' ');
        var inParameter = false;
        foreach (var c in template.TrimEnd('/'))
        {
            if (c == '}')
            {
                inParameter = false;
            }

            if (!inParameter)
            {
                chars.Append(c);
            }

            if (c == '{')
            {
                inParameter = true;
            }
        }

        return chars.ToString();
    }
}

/// <summary>The OpenAPI operations the contract maps (resolved, no duplicate), the duplicates reported, and the specs of those mapped (same order).</summary>
internal sealed record ApiOperationSetResult(EquatableArray<ApiOperation> Operations, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<ApiOperationSpec> Specs = default);
