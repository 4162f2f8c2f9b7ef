using System.Collections.Generic;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Api;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// Checks an OpenAPI operation's <c>$ref</c>s against the schema files, through the index: a body (request or
/// JSON response) must name a schema that generates a record or a union, or a schema file's root (its document
/// record, <c>CaseList</c> for an array of cases): what the endpoint reads or writes;
/// a parameter, header or problem body any schema position. Each one that does not is a CC0104 at the <c>$ref</c>.
/// </summary>
internal static class ApiOperationResolver
{
    public static ApiOperationResolution Resolve(ApiOperation operation, SchemaIndex index, GeneratorOptions options)
    {
        var diagnostics = new List<DiagnosticInfo>();
        void Check(ApiSchema schema, bool mustBeRecord)
        {
            if (schema.Reference is { } reference)
            {
                CheckReference(reference, schema.Key!, schema.Location, mustBeRecord);
            }

            foreach (var inner in schema.InlineReferences)
            {
                CheckReference(inner.Reference, inner.Key, inner.Location, mustBeRecord: false);
            }
        }

        void CheckReference(string reference, string key, SourceLocation location, bool mustBeRecord)
        {
            var exists = index.Find(key) is not null || index.HasValidationNode(key);
            if (!exists)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedOpenApiReference, location, reference, operation.OperationId,
                    "no schema file or definition '" + key + "' among the schema files"));
            }
            else if (mustBeRecord && ComponentNames.BodyTypeOf(key, index, options) is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedOpenApiReference, location, reference, operation.OperationId,
                    "a JSON body's schema must generate a record or a union (an object schema, or a oneOf of object schemas), or be a schema file's root (an array file is its document record)"));
            }
        }

        foreach (var parameter in operation.Parameters)
        {
            Check(parameter.Schema, mustBeRecord: false);
            if (parameter.Schema.Key is { } key && index.Find(key) is { Kind: NamedSchemaKind.Object or NamedSchemaKind.Union })
            {
                // A parameter arrives as text: an object has no such form here (no deepObject style).
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOpenApiDocument, parameter.Schema.Location,
                    $"parameter '{parameter.Name}' refers to an object schema; a parameter is a string, integer, number, boolean or enum (or an array of them)"));
            }
        }

        if (operation.RequestBody is { } body)
        {
            Check(body.Schema, mustBeRecord: true);
        }

        foreach (var response in operation.Responses)
        {
            if (response.Body is { } responseBody)
            {
                Check(responseBody, mustBeRecord: response.MediaType == "application/json");
            }

            foreach (var header in response.Headers)
            {
                Check(header.Schema, mustBeRecord: false);
            }
        }

        var spec = diagnostics.Count == 0 ? ApiOperationPlanner.Plan(operation, index, options, diagnostics) : null;
        return new ApiOperationResolution(operation, spec is not null, diagnostics.ToEquatableArray(), spec);
    }
}
