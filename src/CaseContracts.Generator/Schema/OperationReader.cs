using System;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Reads the <c>x-operation</c> vendor keyword: at the root of a schema file it declares the HTTP
/// operation whose request body that schema describes. Every malformed part is reported (CC0100) where
/// it stands; a declaration with any problem declares nothing, so no half-right endpoint is generated.
/// </summary>
/// <example>
/// <code>
/// "x-operation": {
///   "operationId": "CreateCase",
///   "method": "POST",
///   "route": "/api/cases",
///   "response": "case.schema.json",
///   "summary": "Create case",
///   "tags": ["cases"]
/// }
/// </code>
/// </example>
internal static class OperationReader
{
    public const string Keyword = "x-operation";

    /// <summary>Methods whose request carries a body: the schema that declares the operation describes it.</summary>
    private static readonly string[] s_bodyMethods = { "POST", "PUT", "PATCH" };

    private static readonly HashSet<string> s_members = new(StringComparer.Ordinal)
    {
        "operationId", "method", "route", "response", "summary", "description", "tags",
    };

    public static OperationDeclaration? Read(string path, SchemaNode root, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        ReportNested(root, locator, diagnostics, isRoot: true);
        if (root.Keyword(Keyword) is not { } keyword)
        {
            return null;
        }

        var errorsBefore = diagnostics.Count;
        void Report(JsonNode at, string problem) => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOperation, locator.ValueOf(at), problem));

        if (keyword.Value is not { Kind: JsonNodeKind.Object } declaration)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOperation, locator.ValueOf(keyword.Value), "the value must be an object with 'method', 'route' and 'response'"));
            return null;
        }

        foreach (var member in declaration.Members.Where(p => !s_members.Contains(p.Name)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOperation, locator.NameOf(member),
                $"unknown member '{member.Name}' (known: {string.Join(", ", s_members.OrderBy(m => m, StringComparer.Ordinal))})"));
        }

        var method = RequiredString(declaration, "method", locator, diagnostics)?.ToUpperInvariant();
        if (method is not null && Array.IndexOf(s_bodyMethods, method) < 0)
        {
            Report(declaration.FirstMember("method")!.Value, $"'method' must be POST, PUT or PATCH (the schema describes the request body), not '{declaration.FirstMember("method")!.Value.Text}'");
        }

        var route = RequiredString(declaration, "route", locator, diagnostics);
        if (route is not null && PathTemplate.Problem(route, "'route'") is { } routeProblem)
        {
            Report(declaration.FirstMember("route")!.Value, routeProblem);
        }

        var response = RequiredString(declaration, "response", locator, diagnostics);
        var operationId = OptionalString(declaration, "operationId", locator, diagnostics);
        if (operationId is not null && !IsIdentifierLike(operationId))
        {
            Report(declaration.FirstMember("operationId")!.Value, $"'operationId' must start with a letter and hold only letters, digits, '_' or '-' (it names the generated C# members), not '{operationId}'");
        }

        var summary = OptionalString(declaration, "summary", locator, diagnostics);
        var description = OptionalString(declaration, "description", locator, diagnostics);
        var tags = ReadTags(declaration, locator, diagnostics);

        if (diagnostics.Count > errorsBefore || method is null || route is null || response is null)
        {
            return null;
        }

        return new OperationDeclaration(
            method,
            route,
            operationId,
            response,
            SchemaPaths.ResolveReference(path, response),
            summary,
            description,
            tags.ToEquatableArray(),
            locator.NameOf(keyword),
            locator.ValueOf(declaration.FirstMember("response")!.Value));
    }

    /// <summary>An <c>x-operation</c> anywhere but the root would silently declare nothing: say so.</summary>
    private static void ReportNested(SchemaNode schema, SchemaLocator locator, List<DiagnosticInfo> diagnostics, bool isRoot)
    {
        if (!isRoot && schema.Keyword(Keyword) is { } nested)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOperation, locator.NameOf(nested),
                "it is read only at the root of a schema file (the schema of the request body)"));
        }

        foreach (var subSchema in schema.AllChildren())
        {
            ReportNested(subSchema, locator, diagnostics, isRoot: false);
        }
    }

    private static string? RequiredString(JsonNode declaration, string name, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        if (declaration.FirstMember(name) is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOperation, locator.ValueOf(declaration), $"'{name}' is required"));
            return null;
        }

        return OptionalString(declaration, name, locator, diagnostics);
    }

    private static string? OptionalString(JsonNode declaration, string name, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        switch (declaration.FirstMember(name)?.Value)
        {
            case null:
                return null;
            case { Kind: JsonNodeKind.String } value when value.Text!.Trim().Length > 0:
                return value.Text;
            case var other:
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOperation, locator.ValueOf(other), $"'{name}' must be a non-empty string"));
                return null;
        }
    }

    private static List<string> ReadTags(JsonNode declaration, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        var tags = new List<string>();
        switch (declaration.FirstMember("tags")?.Value)
        {
            case null:
                break;
            case { Kind: JsonNodeKind.Array } array when array.Items.All(t => t.Kind == JsonNodeKind.String && t.Text!.Length > 0):
                tags.AddRange(array.Items.Select(t => t.Text!));
                break;
            case var other:
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOperation, locator.ValueOf(other), "'tags' must be an array of non-empty strings"));
                break;
        }

        return tags;
    }

    internal static bool IsIdentifierLike(string operationId)
        => char.IsLetter(operationId[0]) && operationId.All(c => char.IsLetterOrDigit(c) || c is '_' or '-');
}
