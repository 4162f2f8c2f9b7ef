using System;
using System.Collections.Generic;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// An <c>x-operation</c> declaration → <see cref="EndpointSpec"/>: the request type is the declaring
/// schema's, the response type the one its <c>response</c> reference names, both found through the index.
/// </summary>
internal static class OperationResolver
{
    private const string RequestSuffix = "Request";

    /// <summary>Resolves the operation of <paramref name="document"/>, which must declare one.</summary>
    public static OperationResolution Resolve(SchemaDocument document, SchemaIndex index, GeneratorOptions options)
    {
        var operation = document.Operation ?? throw new ArgumentException("The document declares no operation.", nameof(document));

        var diagnostics = new List<DiagnosticInfo>();
        var requestKey = SchemaPaths.Key(document.FilePath, SchemaPaths.RootPointer);
        var requestType = ComponentNames.RecordTypeOf(requestKey, index, options);
        if (requestType is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOperation, operation.Location,
                "the schema that declares it must generate a record or a union (an object schema, or a oneOf of object schemas): it is the request body's type"));
        }

        var operationId = operation.OperationId ?? DefaultOperationId(index.Find(requestKey)?.TypeName ?? SchemaPaths.Stem(document.FilePath));
        var responseType = ComponentNames.RecordTypeOf(operation.ResponseKey, index, options);
        if (responseType is null)
        {
            var reason = index.Find(operation.ResponseKey) is null
                ? "no schema file or definition '" + operation.ResponseKey + "' among the schema files"
                : "that schema generates no record or union";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedOperationResponse, operation.ResponseLocation, operation.ResponseReference, operationId, reason));
        }

        if (diagnostics.Count > 0 || requestType is null || responseType is null)
        {
            return new OperationResolution(document.FilePath, null, operation.Location, diagnostics.ToEquatableArray());
        }

        var name = Naming.ToPascalCase(operationId);
        var endpoint = new EndpointSpec(
            options.Namespace,
            options.Namespace + "." + name + "Endpoint.g.cs",
            operationId,
            name,
            operation.Method,
            operation.Route,
            requestType,
            responseType,
            ComponentNames.Of(requestKey, index)!,
            ComponentNames.Of(operation.ResponseKey, index)!,
            operation.Summary,
            operation.Description,
            operation.Tags.IsEmpty ? new[] { operationId }.ToEquatableArray() : operation.Tags,
            document.FilePath.Substring(document.FilePath.LastIndexOf('/') + 1))
        {
            SchemaPath = document.FilePath,
        };
        return new OperationResolution(document.FilePath, endpoint, operation.Location, default);
    }

    /// <summary><c>CreateCaseRequest</c> → <c>CreateCase</c>; a name without the suffix is kept as is.</summary>
    private static string DefaultOperationId(string requestTypeName)
        => requestTypeName.EndsWith(RequestSuffix, StringComparison.Ordinal) && requestTypeName.Length > RequestSuffix.Length
            ? requestTypeName.Substring(0, requestTypeName.Length - RequestSuffix.Length)
            : requestTypeName;
}
