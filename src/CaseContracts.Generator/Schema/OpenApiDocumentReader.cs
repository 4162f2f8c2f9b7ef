using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Api;
using CaseContracts.Generator.Model.Validation;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Reads an OpenAPI 3.1 document (<c>*.openapi.json</c>) into an <see cref="ApiDocument"/>: its paths,
/// Operation, Parameter, Request Body, Response and Security Requirement objects, and
/// <c>components.securitySchemes</c> / <c>components.parameters</c>. The JSON Schema files stay the types:
/// bodies are <c>$ref</c>s to them, parameters and headers may also be inline schemas. Every mistake is a
/// located diagnostic (CC0103, CC0105, CC0106) where it stands; an operation with a mistake is left out, so no
/// half-right endpoint is generated. Cross-file <c>$ref</c>s are checked later, against the index.
/// </summary>
internal sealed class OpenApiDocumentReader
{
    public const string FileSuffix = ".openapi.json";

    /// <summary>The methods an operation may use; <c>head</c>, <c>options</c> and <c>trace</c> are answered by the host.</summary>
    private static readonly string[] s_methods = { "get", "put", "post", "delete", "patch" };

    private static readonly string[] s_otherMethods = { "head", "options", "trace" };

    private static readonly string[] s_securitySchemeTypes = { "http", "apiKey", "oauth2", "openIdConnect", "mutualTLS" };

    private static readonly HashSet<string> s_rootMembers = new(StringComparer.Ordinal) { "openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs", "jsonSchemaDialect" };

    private static readonly HashSet<string> s_operationMembers = new(StringComparer.Ordinal) { "operationId", "summary", "description", "tags", "parameters", "requestBody", "responses", "security", "deprecated", "externalDocs" };

    private static readonly HashSet<string> s_parameterMembers = new(StringComparer.Ordinal) { "name", "in", "required", "schema", "content", "style", "explode", "description", "deprecated", "example", "examples" };

    private readonly string _path;
    private readonly JsonNode _root;
    private readonly SchemaLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;
    private JsonNode? _componentParameters;
    private string _title = string.Empty;
    private ApiErrorProfile? _profile;

    // The validation rules of the inline parameter schemas, by key: a component parameter shared by several operations is read once.
    private readonly Dictionary<string, List<ValidationNode>> _parameterSchemas = new(StringComparer.Ordinal);

    private OpenApiDocumentReader(string path, JsonNode root, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _root = root;
        _locator = locator;
        _diagnostics = diagnostics;
    }

    public static bool IsOpenApiFileName(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the document at <paramref name="root"/>; null when its root is not one (reported).</summary>
    /// <param name="validationNodes">Receives the validation rules of every inline parameter schema: schema positions of the document, validated like a schema file's.</param>
    public static ApiDocument? Read(string path, JsonNode root, SchemaLocator locator, List<DiagnosticInfo> diagnostics, List<ValidationNode> validationNodes)
    {
        var reader = new OpenApiDocumentReader(path, root, locator, diagnostics);
        var document = reader.ReadDocument();
        validationNodes.AddRange(reader._parameterSchemas.Values.SelectMany(nodes => nodes));
        return document;
    }

    private ApiDocument? ReadDocument()
    {
        if (_root.Kind != JsonNodeKind.Object)
        {
            Report(_root, "the root must be an OpenAPI Object");
            return null;
        }

        switch (_root.FirstMember("openapi")?.Value)
        {
            case null:
                Report(_root, "'openapi' is required (\"3.1.0\")");
                break;
            case { Kind: JsonNodeKind.String } declared when declared.Text!.StartsWith("3.1.", StringComparison.Ordinal):
                break;
            case var declared:
                Report(declared, $"'openapi' must be a 3.1 version (\"3.1.0\"), not {declared.ToJson()}: the schemas it refers to are JSON Schema");
                break;
        }

        ReportUnknownMembers(_root, s_rootMembers, "the OpenAPI Object");
        var info = ObjectMember(_root, "info", required: true);
        var title = info is null ? string.Empty : String(info, "title", required: true) ?? string.Empty;
        var version = info is null ? string.Empty : String(info, "version", required: true) ?? string.Empty;
        var profile = ReadErrorProfile();
        _title = title;
        _profile = _root.FirstMember("x-error-profile") is null ? null : profile;
        var components = ObjectMember(_root, "components", required: false);
        var schemes = ReadSecuritySchemes(components);
        _componentParameters = components is null ? null : ObjectMember(components, "parameters", required: false);
        if (components is not null)
        {
            foreach (var member in components.Members.Where(m => m.Name is not ("securitySchemes" or "parameters") && !m.Name.StartsWith("x-", StringComparison.Ordinal)))
            {
                Report(_locator.NameOf(member), $"components '{member.Name}' are not supported: the JSON Schema files are the types ($ref them), parameters go in 'components.parameters'");
            }
        }

        var documentSecurity = ReadSecurity(_root, schemes, "the document") ?? new List<string>();
        var operations = new List<ApiOperation>();
        var paths = ObjectMember(_root, "paths", required: true);
        if (paths is not null)
        {
            foreach (var path in paths.Members.Where(m => !m.Name.StartsWith("x-", StringComparison.Ordinal)))
            {
                ReadPathItem(path, schemes, documentSecurity, operations);
            }
        }

        foreach (var duplicate in operations.GroupBy(o => o.OperationId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOpenApiDocument, duplicate.Location,
                $"operationId '{duplicate.OperationId}' is used by another operation of the document (operation ids name the generated C# members)"));
        }

        var unique = operations.GroupBy(o => o.OperationId, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        return new ApiDocument(_path, title, version, profile, unique.ToEquatableArray(), schemes.Values.ToEquatableArray(),
            OpenApiDocumentWriter.Write(_path, _root));
    }

    private ApiErrorProfile ReadErrorProfile()
    {
        switch (_root.FirstMember("x-error-profile")?.Value)
        {
            case null:
                return ApiErrorProfile.ProblemDetails;
            case { Kind: JsonNodeKind.String, Text: "problem-details" }:
                return ApiErrorProfile.ProblemDetails;
            case { Kind: JsonNodeKind.String, Text: "kibana" }:
                return ApiErrorProfile.Kibana;
            case var other:
                Report(other, $"'x-error-profile' must be \"problem-details\" (RFC 9457, the default) or \"kibana\", not {other.ToJson()}");
                return ApiErrorProfile.ProblemDetails;
        }
    }

    private Dictionary<string, ApiSecurityScheme> ReadSecuritySchemes(JsonNode? components)
    {
        var schemes = new Dictionary<string, ApiSecurityScheme>(StringComparer.Ordinal);
        if (components is null || ObjectMember(components, "securitySchemes", required: false) is not { } declared)
        {
            return schemes;
        }

        foreach (var member in declared.Members)
        {
            if (member.Value.Kind != JsonNodeKind.Object)
            {
                Report(member.Value, $"security scheme '{member.Name}' must be a Security Scheme Object");
                continue;
            }

            var scheme = member.Value;
            var type = String(scheme, "type", required: true);
            if (type is null)
            {
                continue;
            }

            if (Array.IndexOf(s_securitySchemeTypes, type) < 0)
            {
                Report(scheme.FirstMember("type")!.Value, $"security scheme type must be one of {string.Join(", ", s_securitySchemeTypes)}, not '{type}'");
                continue;
            }

            var httpScheme = type == "http" ? String(scheme, "scheme", required: true) : null;
            var parameterName = type == "apiKey" ? String(scheme, "name", required: true) : null;
            var parameterIn = type == "apiKey" ? String(scheme, "in", required: true) : null;
            if (parameterIn is not null and not ("header" or "query" or "cookie"))
            {
                Report(scheme.FirstMember("in")!.Value, $"an apiKey is sent in the header, query or cookie, not '{parameterIn}'");
                continue;
            }

            if ((type == "http" && httpScheme is null) || (type == "apiKey" && (parameterName is null || parameterIn is null)))
            {
                continue;
            }

            schemes[member.Name] = new ApiSecurityScheme(member.Name, type, httpScheme, parameterName, parameterIn, String(scheme, "description", required: false), scheme.ToJson());
        }

        return schemes;
    }

    /// <summary>A <c>security</c> member: the names of the schemes one of which is required; null when absent (inherit).</summary>
    private List<string>? ReadSecurity(JsonNode owner, Dictionary<string, ApiSecurityScheme> schemes, string who)
    {
        if (owner.FirstMember("security")?.Value is not { } security)
        {
            return null;
        }

        var names = new List<string>();
        if (security.Kind != JsonNodeKind.Array)
        {
            Report(security, "'security' must be an array of Security Requirement Objects");
            return names;
        }

        foreach (var requirement in security.Items)
        {
            if (requirement.Kind != JsonNodeKind.Object)
            {
                Report(requirement, "a Security Requirement Object must be an object ({ \"scheme\": [] })");
                continue;
            }

            foreach (var member in requirement.Members)
            {
                if (!schemes.ContainsKey(member.Name))
                {
                    var declared = schemes.Count == 0 ? "none" : string.Join(", ", schemes.Keys.OrderBy(k => k, StringComparer.Ordinal));
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownSecurityScheme, _locator.NameOf(member), who, member.Name, declared));
                }
                else if (!names.Contains(member.Name))
                {
                    names.Add(member.Name);
                }
            }
        }

        return names;
    }

    private void ReadPathItem(JsonMember path, Dictionary<string, ApiSecurityScheme> schemes, List<string> documentSecurity, List<ApiOperation> operations)
    {
        if (PathTemplate.Problem(path.Name, "the path") is { } problem)
        {
            Report(_locator.NameOf(path), problem);
            return;
        }

        if (path.Value.Kind != JsonNodeKind.Object)
        {
            Report(path.Value, $"path '{path.Name}' must be a Path Item Object");
            return;
        }

        var errorsBefore = _diagnostics.Count;
        var shared = ReadParameters(path.Value) ?? new List<ApiParameter>();
        var sharedHasErrors = _diagnostics.Count > errorsBefore;
        foreach (var member in path.Value.Members)
        {
            var name = member.Name;
            if (Array.IndexOf(s_methods, name) >= 0)
            {
                if (ReadOperation(path.Name, member, shared, sharedHasErrors, schemes, documentSecurity) is { } operation)
                {
                    operations.Add(operation);
                }
            }
            else if (Array.IndexOf(s_otherMethods, name.ToLowerInvariant()) >= 0 || Array.IndexOf(s_methods, name.ToLowerInvariant()) >= 0)
            {
                Report(_locator.NameOf(member), $"method '{name}' is not supported (supported: {string.Join(", ", s_methods)}; written in lower case)");
            }
            else if (name is not ("parameters" or "summary" or "description" or "servers") && !name.StartsWith("x-", StringComparison.Ordinal))
            {
                Report(_locator.NameOf(member), $"'{name}' is not a member of a Path Item Object this generator reads (known: {string.Join(", ", s_methods)}, parameters, summary, description, servers)");
            }
        }
    }

    private ApiOperation? ReadOperation(string path, JsonMember method, List<ApiParameter> shared, bool sharedHasErrors, Dictionary<string, ApiSecurityScheme> schemes, List<string> documentSecurity)
    {
        var location = _locator.NameOf(method);
        if (method.Value.Kind != JsonNodeKind.Object)
        {
            Report(method.Value, "an operation must be an Operation Object");
            return null;
        }

        var operation = method.Value;
        var errorsBefore = _diagnostics.Count;
        ReportUnknownMembers(operation, s_operationMembers, "an Operation Object");
        var operationId = String(operation, "operationId", required: true);
        if (operationId is not null && !OperationReader.IsIdentifierLike(operationId))
        {
            Report(operation.FirstMember("operationId")!.Value, $"'operationId' must start with a letter and hold only letters, digits, '_' or '-' (it names the generated C# members), not '{operationId}'");
        }

        var who = operationId ?? method.Name.ToUpperInvariant() + " " + path;
        var summary = String(operation, "summary", required: false);
        var description = String(operation, "description", required: false);
        var tags = Strings(operation, "tags");
        var parameters = Merge(shared, ReadParameters(operation) ?? new List<ApiParameter>());
        CheckPathParameters(path, parameters, who, location);
        var body = ReadRequestBody(operation);
        var responses = ReadResponses(operation);
        var security = ReadSecurity(operation, schemes, "operation '" + who + "'") ?? documentSecurity;

        if (_diagnostics.Count > errorsBefore || sharedHasErrors || operationId is null || responses is null)
        {
            return null;
        }

        return new ApiOperation(operationId, method.Name.ToUpperInvariant(), path, summary, description, tags.ToEquatableArray(),
            parameters.ToEquatableArray(), body, responses.ToEquatableArray(), security.ToEquatableArray(), _path, location, _title, _profile);
    }

    /// <summary>Operation parameters override the path item's of the same name and location (OpenAPI 3.1, 4.8.9.1).</summary>
    private static List<ApiParameter> Merge(List<ApiParameter> shared, List<ApiParameter> own)
        => shared.Where(s => !own.Any(o => SameParameter(o, s))).Concat(own).ToList();

    private static bool SameParameter(ApiParameter a, ApiParameter b)
        => a.In == b.In && string.Equals(a.Name, b.Name, a.In == ApiParameterLocation.Header ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private void CheckPathParameters(string path, List<ApiParameter> parameters, string who, SourceLocation operationLocation)
    {
        var names = PathTemplate.ParameterNames(path);
        foreach (var parameter in parameters.Where(p => p.In == ApiParameterLocation.Path && !names.Contains(p.Name)))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PathParameterMismatch, parameter.Location, parameter.Name, who, $"is not in the path template '{path}'"));
        }

        foreach (var parameter in parameters.Where(p => p.In == ApiParameterLocation.Path && names.Contains(p.Name) && !p.Required))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PathParameterMismatch, parameter.Location, parameter.Name, who, "must say \"required\": true (a path parameter is always sent)"));
        }

        foreach (var name in names.Where(n => !parameters.Any(p => p.In == ApiParameterLocation.Path && p.Name == n)))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PathParameterMismatch, operationLocation, name, who, $"is in the path template '{path}' but declared by no parameter with \"in\": \"path\""));
        }
    }

    /// <summary>A <c>parameters</c> member; null when absent.</summary>
    private List<ApiParameter>? ReadParameters(JsonNode owner)
    {
        if (owner.FirstMember("parameters")?.Value is not { } list)
        {
            return null;
        }

        var parameters = new List<ApiParameter>();
        if (list.Kind != JsonNodeKind.Array)
        {
            Report(list, "'parameters' must be an array of Parameter Objects");
            return parameters;
        }

        foreach (var item in list.Items)
        {
            if (ReadParameter(item) is not { } parameter)
            {
                continue;
            }

            if (parameters.Any(p => SameParameter(p, parameter)))
            {
                Report(parameter.Location, $"parameter '{parameter.Name}' in the {parameter.In.ToString().ToLowerInvariant()} is declared twice");
                continue;
            }

            parameters.Add(parameter);
        }

        return parameters;
    }

    private ApiParameter? ReadParameter(JsonNode item)
    {
        if (item.Kind == JsonNodeKind.Object && item.FirstMember("$ref")?.Value is { } reference)
        {
            const string Prefix = "#/components/parameters/";
            var componentName = reference.Kind == JsonNodeKind.String && reference.Text!.StartsWith(Prefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(reference.Text.Substring(Prefix.Length)) : null;
            if (componentName is null || _componentParameters?.FirstMember(componentName)?.Value is not { } target)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedOpenApiReference, _locator.ValueOf(reference), reference.Text ?? reference.ToJson(), "(a parameter)",
                    "a parameter $ref must name one of this document's components.parameters (\"#/components/parameters/name\")"));
                return null;
            }

            item = target;
        }

        if (item.Kind != JsonNodeKind.Object)
        {
            Report(item, "a parameter must be a Parameter Object");
            return null;
        }

        var errorsBefore = _diagnostics.Count;
        ReportUnknownMembers(item, s_parameterMembers, "a Parameter Object");
        var name = String(item, "name", required: true);
        var @in = String(item, "in", required: true);
        ApiParameterLocation location = default;
        switch (@in)
        {
            case "path": location = ApiParameterLocation.Path; break;
            case "query": location = ApiParameterLocation.Query; break;
            case "header": location = ApiParameterLocation.Header; break;
            case null: break;
            default:
                Report(item.FirstMember("in")!.Value, $"parameters are read from the path, query or header, not '{@in}'");
                break;
        }

        var required = Boolean(item, "required") ?? false;
        var content = item.FirstMember("content");
        var style = String(item, "style", required: false);
        var expected = location == ApiParameterLocation.Query ? "form" : "simple";
        if (content is not null)
        {
            // style and explode say how a schema's value is written as text; a content parameter's text is its media type's.
            foreach (var member in new[] { item.FirstMember("style"), item.FirstMember("explode") })
            {
                if (member is not null)
                {
                    Report(_locator.NameOf(member), $"parameter '{name}' has 'content': '{member.Name}' applies only to a parameter with a 'schema'");
                }
            }
        }
        else if (style is not null && style != expected)
        {
            Report(item.FirstMember("style")!.Value, $"style '{style}' is not supported for a {@in} parameter (supported: '{expected}')");
        }

        var explode = content is null && (Boolean(item, "explode") ?? location == ApiParameterLocation.Query);
        if (content is null && location != ApiParameterLocation.Query && item.FirstMember("explode") is { } explodeMember && explode)
        {
            Report(explodeMember.Value, $"\"explode\": true is supported in the query only (a {@in} array is comma-separated)");
        }

        var schemaNode = content is null ? item.FirstMember("schema")?.Value : ContentSchema(name, item, content);
        var schema = schemaNode is null ? null : ReadSchema(schemaNode, inlineAllowed: true, isParameter: true);
        if (content is null && schemaNode is null)
        {
            Report(item, $"parameter '{name}' needs a 'schema', or a 'content' with one media type");
        }
        else if (schemaNode is not null && schema?.InlineJson is not null && ParameterSchemaProblem(schemaNode, arrayAllowed: true) is { } problem)
        {
            Report(schemaNode, problem);
        }

        if (_diagnostics.Count > errorsBefore || name is null || @in is null || schema is null)
        {
            return null;
        }

        return new ApiParameter(name, location, required, explode, String(item, "description", required: false), schema, _locator.ValueOf(item.FirstMember("name")!.Value),
            schema.InlineJson is null ? null : ShapeOf(schemaNode!), schema.InlineJson is null ? null : schemaNode!.FirstMember("default")?.Value.ToJson(),
            IsJson: content is not null);
    }

    /// <summary>
    /// The schema of a parameter's <c>content</c> (OpenAPI's other form of a parameter: the value is a document of the
    /// media type, <c>ids=["a","b"]</c>); null when the content is not one <c>application/json</c> entry with a schema (reported).
    /// </summary>
    private JsonNode? ContentSchema(string? name, JsonNode item, JsonMember content)
    {
        if (item.FirstMember("schema") is { } schema)
        {
            Report(_locator.NameOf(schema), $"parameter '{name}' has both 'schema' and 'content': OpenAPI allows one or the other");
            return null;
        }

        if (content.Value.Kind != JsonNodeKind.Object || content.Value.Members.Count != 1)
        {
            Report(content.Value, $"the 'content' of parameter '{name}' must hold exactly one media type (\"application/json\")");
            return null;
        }

        var media = content.Value.Members[0];
        if (!string.Equals(media.Name, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            Report(_locator.NameOf(media), $"parameter '{name}' is sent as '{media.Name}': only \"application/json\" is read (the value is JSON text, ids=[\"a\",\"b\"])");
            return null;
        }

        if (media.Value.Kind != JsonNodeKind.Object || media.Value.FirstMember("schema")?.Value is not { } mediaSchema)
        {
            Report(media.Value, $"the \"application/json\" content of parameter '{name}' needs a 'schema'");
            return null;
        }

        return mediaSchema;
    }

    /// <summary>What an inline parameter schema's value is read as (its shape is checked by <see cref="ParameterSchemaProblem"/> first).</summary>
    private ApiValueShape? ShapeOf(JsonNode schema)
    {
        if (schema.Kind != JsonNodeKind.Object)
        {
            return null;
        }

        if (schema.FirstMember("$ref")?.Value is { Kind: JsonNodeKind.String } reference)
        {
            // An array's items may name an enum of a schema file; which one is known once the index is.
            return new ApiValueShape(ApiScalar.String, false, SchemaPaths.ResolveReference(_path, reference.Text!));
        }

        switch (schema.FirstMember("type")?.Value?.Text)
        {
            case "integer": return new ApiValueShape(ApiScalar.Integer, false);
            case "number": return new ApiValueShape(ApiScalar.Number, false);
            case "boolean": return new ApiValueShape(ApiScalar.Boolean, false);
            case "array": return schema.FirstMember("items")?.Value is { } items && ShapeOf(items) is { IsArray: false } item ? item with { IsArray = true } : null;
            default:
                return new ApiValueShape(schema.FirstMember("format")?.Value?.Text == "uuid" ? ApiScalar.Uuid : ApiScalar.String, false);
        }
    }

    private ApiRequestBody? ReadRequestBody(JsonNode operation)
    {
        if (operation.FirstMember("requestBody")?.Value is not { } body)
        {
            return null;
        }

        if (body.Kind != JsonNodeKind.Object)
        {
            Report(body, "'requestBody' must be a Request Body Object");
            return null;
        }

        if (ObjectMember(body, "content", required: true) is not { } content)
        {
            return null;
        }

        var schema = default(ApiSchema);
        foreach (var media in content.Members)
        {
            if (media.Name != "application/json")
            {
                Report(_locator.NameOf(media), $"request bodies are read as 'application/json' only, not '{media.Name}'");
            }
            else if (media.Value.Kind != JsonNodeKind.Object || media.Value.FirstMember("schema") is not { } schemaMember)
            {
                Report(media.Value, "the 'application/json' Media Type Object needs a 'schema' ($ref to a schema file)");
            }
            else
            {
                schema = ReadSchema(schemaMember.Value, inlineAllowed: false);
            }
        }

        if (content.Members.Count == 0)
        {
            Report(content, "'content' needs 'application/json'");
        }

        return schema is null ? null : new ApiRequestBody(Boolean(body, "required") ?? false, String(body, "description", required: false), schema);
    }

    private List<ApiResponse>? ReadResponses(JsonNode operation)
    {
        if (ObjectMember(operation, "responses", required: true) is not { } responses)
        {
            return null;
        }

        var list = new List<ApiResponse>();
        foreach (var member in responses.Members.Where(m => !m.Name.StartsWith("x-", StringComparison.Ordinal)))
        {
            int? status = null;
            if (member.Name != "default")
            {
                if (member.Name.Length != 3 || !int.TryParse(member.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 100 || code > 599)
                {
                    Report(_locator.NameOf(member), $"'{member.Name}' is not a status code: a response is keyed by a status from 100 to 599 or 'default' (ranges such as '4XX' are not supported)");
                    continue;
                }

                status = code;
            }

            if (member.Value.Kind != JsonNodeKind.Object)
            {
                Report(member.Value, $"response '{member.Name}' must be a Response Object");
                continue;
            }

            var response = member.Value;
            var description = String(response, "description", required: true);
            string? mediaType = null;
            ApiSchema? body = null;
            if (ObjectMember(response, "content", required: false) is { } content)
            {
                foreach (var media in content.Members)
                {
                    if (media.Name is not ("application/json" or "application/problem+json"))
                    {
                        Report(_locator.NameOf(media), $"responses are written as 'application/json' or 'application/problem+json', not '{media.Name}'");
                    }
                    else if (mediaType is not null)
                    {
                        Report(_locator.NameOf(media), "a response has one media type");
                    }
                    else if (media.Value.Kind != JsonNodeKind.Object || media.Value.FirstMember("schema") is not { } schemaMember)
                    {
                        Report(media.Value, $"the '{media.Name}' Media Type Object needs a 'schema'");
                    }
                    else
                    {
                        mediaType = media.Name;
                        body = ReadSchema(schemaMember.Value, inlineAllowed: media.Name == "application/problem+json");
                    }
                }
            }

            if (status is (204 or 304) && body is not null)
            {
                Report(_locator.NameOf(member), $"a {status} response has no body: remove its 'content'");
            }

            var headers = ReadHeaders(response);
            if (description is not null)
            {
                list.Add(new ApiResponse(status, description, mediaType, body, headers.ToEquatableArray(), _locator.NameOf(member)));
            }
        }

        if (list.Count == 0 && responses.Members.Count == 0)
        {
            Report(responses, "'responses' must declare at least one response");
        }

        return list;
    }

    private List<ApiHeader> ReadHeaders(JsonNode response)
    {
        var headers = new List<ApiHeader>();
        if (ObjectMember(response, "headers", required: false) is not { } declared)
        {
            return headers;
        }

        foreach (var member in declared.Members)
        {
            if (member.Value.Kind != JsonNodeKind.Object || member.Value.FirstMember("schema") is not { } schemaMember)
            {
                Report(member.Value, $"header '{member.Name}' must be a Header Object with a 'schema'");
                continue;
            }

            if (member.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                Report(_locator.NameOf(member), "'Content-Type' is not declared as a header: it is the response's media type (OpenAPI ignores it)");
                continue;
            }

            if (ReadSchema(schemaMember.Value, inlineAllowed: true) is { } schema)
            {
                headers.Add(new ApiHeader(member.Name, Boolean(member.Value, "required") ?? false, String(member.Value, "description", required: false), schema, _locator.NameOf(member)));
            }
        }

        return headers;
    }

    /// <summary>A <c>schema</c> value: a <c>$ref</c> to a schema file, or (where allowed) an inline schema.</summary>
    /// <param name="isParameter">A parameter's schema: an inline one becomes a schema position of the document (its key is <see cref="ApiSchema.Key"/>), validated by the same generated validators as a schema file's.</param>
    private ApiSchema? ReadSchema(JsonNode schema, bool inlineAllowed, bool isParameter = false)
    {
        if (schema.Kind == JsonNodeKind.Object && schema.FirstMember("$ref")?.Value is { } reference)
        {
            if (reference.Kind != JsonNodeKind.String || reference.Text!.Length == 0)
            {
                Report(reference, "'$ref' must be a non-empty string");
                return null;
            }

            if (reference.Text.StartsWith("#", StringComparison.Ordinal))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedOpenApiReference, _locator.ValueOf(reference), reference.Text, "(a schema)",
                    "the document holds no schemas: refer to a schema file (\"ticket.schema.json\")"));
                return null;
            }

            return new ApiSchema(reference.Text, SchemaPaths.ResolveReference(_path, reference.Text), null, default, _locator.ValueOf(reference));
        }

        if (!inlineAllowed)
        {
            Report(schema, "a body's schema is a $ref to a schema file (the JSON Schema files are the types)");
            return null;
        }

        if (schema.Kind is not (JsonNodeKind.Object or JsonNodeKind.Boolean))
        {
            Report(schema, "a schema must be an object or a boolean");
            return null;
        }

        // An inline schema is held to the same draft-07 meta-schema as a schema file (CC0010 at the keyword).
        var position = SchemaNode.At(_path, PointerOf(schema) ?? SchemaPaths.RootPointer, schema);
        var errorsBefore = _diagnostics.Count;
        MetaSchemaCheck.Check(position, _locator, _diagnostics);
        var breaksMetaSchema = _diagnostics.Count > errorsBefore;
        var references = new List<ApiSchemaReference>();
        CollectReferences(schema, references);
        if (isParameter && !_parameterSchemas.ContainsKey(position.Key))
        {
            // A schema the meta-schema rejects is reported there once (CC0010): its operation is left out, its rules unused.
            _parameterSchemas.Add(position.Key, ConstraintReader.Read(position, _locator, breaksMetaSchema ? new List<DiagnosticInfo>() : _diagnostics));
        }

        return new ApiSchema(null, isParameter ? position.Key : null, schema.ToJson(), references.ToEquatableArray(), _locator.ValueOf(schema));
    }

    /// <summary>
    /// What keeps an inline parameter schema from being read from text: a parameter is a string, integer,
    /// number or boolean (or an array of them), said by its <c>type</c>, or a <c>$ref</c> to such a schema.
    /// </summary>
    private static string? ParameterSchemaProblem(JsonNode schema, bool arrayAllowed)
    {
        if (schema.Kind != JsonNodeKind.Object || schema.FirstMember("$ref") is not null)
        {
            return null;
        }

        var type = schema.FirstMember("type")?.Value;
        if (type is { Kind: JsonNodeKind.String, Text: "string" or "integer" or "number" or "boolean" })
        {
            return null;
        }

        if (arrayAllowed && type is { Kind: JsonNodeKind.String, Text: "array" })
        {
            return schema.FirstMember("items")?.Value is { } items
                ? ParameterSchemaProblem(items, arrayAllowed: false) is null ? null : "an array parameter's 'items' must be a string, integer, number or boolean schema"
                : "an array parameter needs 'items' (a string, integer, number or boolean schema)";
        }

        return "a parameter's schema needs a 'type': \"string\", \"integer\", \"number\" or \"boolean\", or \"array\" of them (the value arrives as text)";
    }

    /// <summary>The JSON pointer of <paramref name="target"/> in the document (<c>#/paths/~1api~1tickets/get/parameters/1/schema</c>), or null.</summary>
    private string? PointerOf(JsonNode target)
    {
        string? Find(JsonNode node, string pointer)
        {
            if (ReferenceEquals(node, target))
            {
                return pointer;
            }

            foreach (var member in node.Members)
            {
                if (Find(member.Value, pointer + "/" + SchemaPaths.EscapePointerSegment(member.Name)) is { } found)
                {
                    return found;
                }
            }

            for (var i = 0; i < node.Items.Count; i++)
            {
                if (Find(node.Items[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture)) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        return Find(_root, SchemaPaths.RootPointer);
    }

    private void CollectReferences(JsonNode node, List<ApiSchemaReference> references)
    {
        foreach (var member in node.Members)
        {
            if (member.Name == "$ref" && member.Value.Kind == JsonNodeKind.String)
            {
                references.Add(new ApiSchemaReference(member.Value.Text!, SchemaPaths.ResolveReference(_path, member.Value.Text!), _locator.ValueOf(member.Value)));
            }
            else
            {
                CollectReferences(member.Value, references);
            }
        }

        foreach (var item in node.Items)
        {
            CollectReferences(item, references);
        }
    }

    private void ReportUnknownMembers(JsonNode node, HashSet<string> known, string what)
    {
        foreach (var member in node.Members.Where(m => !known.Contains(m.Name) && !m.Name.StartsWith("x-", StringComparison.Ordinal)))
        {
            Report(_locator.NameOf(member), $"'{member.Name}' is not a member of {what} this generator reads (known: {string.Join(", ", known.OrderBy(k => k, StringComparer.Ordinal))})");
        }
    }

    private JsonNode? ObjectMember(JsonNode owner, string name, bool required)
    {
        switch (owner.FirstMember(name)?.Value)
        {
            case null:
                if (required)
                {
                    Report(owner, $"'{name}' is required");
                }

                return null;
            case { Kind: JsonNodeKind.Object } value:
                return value;
            case var other:
                Report(other, $"'{name}' must be an object");
                return null;
        }
    }

    private string? String(JsonNode owner, string name, bool required)
    {
        switch (owner.FirstMember(name)?.Value)
        {
            case null:
                if (required)
                {
                    Report(owner, $"'{name}' is required");
                }

                return null;
            case { Kind: JsonNodeKind.String } value when value.Text!.Trim().Length > 0:
                return value.Text;
            case var other:
                Report(other, $"'{name}' must be a non-empty string");
                return null;
        }
    }

    private bool? Boolean(JsonNode owner, string name)
    {
        switch (owner.FirstMember(name)?.Value)
        {
            case null:
                return null;
            case { Kind: JsonNodeKind.Boolean } value:
                return value.Text == "true";
            case var other:
                Report(other, $"'{name}' must be true or false");
                return null;
        }
    }

    private List<string> Strings(JsonNode owner, string name)
    {
        switch (owner.FirstMember(name)?.Value)
        {
            case null:
                return new List<string>();
            case { Kind: JsonNodeKind.Array } array when array.Items.All(t => t.Kind == JsonNodeKind.String && t.Text!.Length > 0):
                return array.Items.Select(t => t.Text!).ToList();
            case var other:
                Report(other, $"'{name}' must be an array of non-empty strings");
                return new List<string>();
        }
    }

    private void Report(JsonNode at, string problem) => Report(_locator.ValueOf(at), problem);

    private void Report(SourceLocation at, string problem)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOpenApiDocument, at, problem));
}
