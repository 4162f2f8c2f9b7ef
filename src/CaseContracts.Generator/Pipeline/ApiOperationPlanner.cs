using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Api;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// An OpenAPI operation whose <c>$ref</c>s hold → its <see cref="ApiOperationSpec"/>: the C# names, what each
/// parameter's text is read as and which generated validator checks it, the body's type, one result factory per
/// declared response. A parameter whose <c>$ref</c> names a schema that has no text form is a CC0103 at the <c>$ref</c>.
/// </summary>
internal static class ApiOperationPlanner
{
    public static ApiOperationSpec? Plan(ApiOperation operation, SchemaIndex index, GeneratorOptions options, List<DiagnosticInfo> diagnostics)
    {
        var parameters = new List<ApiParameterSpec>();
        var propertyNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in operation.Parameters)
        {
            if (ShapeOf(parameter, index) is not { } shape)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOpenApiDocument, parameter.Schema.Location,
                    $"parameter '{parameter.Name}' must be a string, integer, number, boolean or string enum (or an array of them): its $ref names a schema with no such type"));
                continue;
            }

            var property = Naming.ToPascalCase(parameter.Name);
            if (!propertyNames.Add(property))
            {
                property += Naming.ToPascalCase(parameter.In.ToString());
                propertyNames.Add(property);
            }

            var enumType = shape.EnumKey is { } enumKey && index.Find(enumKey) is { Kind: NamedSchemaKind.Enum }
                ? "global::" + options.Namespace + "." + ComponentNames.Of(enumKey, index)
                : null;
            var validatorKey = parameter.Schema.Key;
            var validator = validatorKey is not null && index.HasValidationNode(validatorKey) ? ValidatorNames.Method(validatorKey, options) : string.Empty;
            parameters.Add(new ApiParameterSpec(
                parameter.Name,
                parameter.In,
                parameter.Required,
                parameter.Explode,
                property,
                shape.Scalar,
                shape.IsArray,
                enumType ?? ScalarType(shape.Scalar),
                enumType is null ? null : enumType + "Json.TryRead",
                validator,
                parameter.DefaultJson,
                parameter.Description,
                parameter.IsJson));
        }

        if (parameters.Count != operation.Parameters.Count)
        {
            return null;
        }

        var responses = operation.Responses
            .Select(r => new ApiResponseSpec(
                r.Status,
                FactoryName(r.Status),
                r.Description,
                r.MediaType == "application/json" && r.Body?.Key is { } key ? ComponentNames.BodyTypeOf(key, index, options) : null,
                r.Status is null or >= 400,
                r.Headers.Any(h => string.Equals(h.Name, "Location", StringComparison.OrdinalIgnoreCase))))
            .ToEquatableArray();
        var name = Naming.ToPascalCase(operation.OperationId);
        return new ApiOperationSpec(
            options.Namespace,
            options.Namespace + "." + name + "Operation.g.cs",
            operation.OperationId,
            name,
            Naming.ToPascalCase(operation.DocumentTitle.Length == 0 ? SchemaPaths.Stem(operation.FilePath) : operation.DocumentTitle),
            operation.Method,
            operation.Path,
            operation.Summary,
            operation.Description,
            operation.Tags.IsEmpty ? new[] { operation.OperationId }.ToEquatableArray() : operation.Tags,
            parameters.ToEquatableArray(),
            operation.RequestBody is { Schema.Key: { } bodyKey } ? ComponentNames.BodyTypeOf(bodyKey, index, options) : null,
            operation.RequestBody?.Required ?? false,
            responses,
            !operation.Security.IsEmpty,
            operation.ErrorProfile ?? options.ErrorProfile ?? ApiErrorProfile.ProblemDetails,
            operation.FilePath.Substring(operation.FilePath.LastIndexOf('/') + 1),
            operation.FilePath);
    }

    /// <summary>An inline schema's shape as read; a <c>$ref</c>'s from the named schema it points to (an enum, or an alias of a scalar).</summary>
    private static ApiValueShape? ShapeOf(ApiParameter parameter, SchemaIndex index)
    {
        if (parameter.Shape is { } inline)
        {
            return inline.EnumKey is { } key && index.Find(key) is not { Kind: NamedSchemaKind.Enum } ? ShapeOfReference(key, index) is { IsArray: false } item ? item with { IsArray = inline.IsArray } : null : inline;
        }

        return parameter.Schema.Key is { } reference ? ShapeOfReference(reference, index) : null;
    }

    private static ApiValueShape? ShapeOfReference(string key, SchemaIndex index)
    {
        switch (index.Find(key))
        {
            case { Kind: NamedSchemaKind.Enum }:
                return new ApiValueShape(ApiScalar.String, false, key);
            case { Kind: NamedSchemaKind.Alias, AliasOf: { } alias }:
                return alias.Kind switch
                {
                    SchemaValueKind.String => new ApiValueShape(ApiScalar.String, false),
                    SchemaValueKind.Integer => new ApiValueShape(ApiScalar.Integer, false),
                    SchemaValueKind.Number => new ApiValueShape(ApiScalar.Number, false),
                    SchemaValueKind.Boolean => new ApiValueShape(ApiScalar.Boolean, false),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static string ScalarType(ApiScalar scalar) => scalar switch
    {
        ApiScalar.Integer => "long",
        ApiScalar.Number => "double",
        ApiScalar.Boolean => "bool",
        ApiScalar.Uuid => "global::System.Guid",
        _ => "string",
    };

    /// <summary>The result factory of a status: <c>Ok</c>, <c>Created</c>, <c>NotFound</c>…; <c>Status418</c> for one without a common name; <c>Default</c>.</summary>
    public static string FactoryName(int? status) => status switch
    {
        null => "Default",
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        204 => "NoContent",
        301 => "MovedPermanently",
        302 => "Found",
        303 => "SeeOther",
        304 => "NotModified",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        409 => "Conflict",
        410 => "Gone",
        412 => "PreconditionFailed",
        413 => "PayloadTooLarge",
        415 => "UnsupportedMediaType",
        422 => "UnprocessableEntity",
        428 => "PreconditionRequired",
        429 => "TooManyRequests",
        500 => "InternalServerError",
        501 => "NotImplemented",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        { } other => "Status" + other.ToString(CultureInfo.InvariantCulture),
    };
}
