// Emitted by OpenApiEmitter into the contract's namespace, as <namespace>.OpenApi.g.cs, when the project references
// Microsoft.AspNetCore.OpenApi; the emitter adds the other part of the class, the contract's schema table (s_schemas).
// The namespace below is only where the repository compiles it. Written as generated code is: global::-qualified
// names, [GeneratedCode] standing for the generator's attribute.

namespace CaseContracts.Runtime;

/// <summary>
/// Documents the contract's generated endpoints in ASP.NET Core's OpenAPI document with the JSON Schemas they
/// were generated from: the request body, the 200 response, and 400/413/415 (plus 401 when the endpoint
/// requires authorization) with the <see cref="KibanaError"/> body. Use it where the document is configured:
/// <c>builder.Services.AddOpenApi(options =&gt; options.AddContractSchemas());</c>
/// </summary>
[GeneratedCode]
public static partial class ContractOpenApi
{
    private const string Json = "application/json";

    /// <summary>The error body's schema (<see cref="KibanaError"/>).</summary>
    private const string ErrorSchemaJson = """{"type":"object","description":"An error, in Kibana's shape.","additionalProperties":false,"required":["statusCode","error","message"],"properties":{"statusCode":{"type":"integer","description":"The HTTP status code."},"error":{"type":"string","description":"The status code's reason phrase."},"message":{"type":"string","description":"What went wrong; for a body that breaks its schema, every error in Kibana's wording, comma-joined."},"attributes":{"type":"object","properties":{"errors":{"type":"array","description":"For a body that breaks its schema: every error.","items":{"type":"object","required":["path","keyword","message"],"properties":{"path":{"type":"string","description":"JSON Pointer of the offending value."},"keyword":{"type":"string","description":"The schema keyword that failed."},"message":{"type":"string","description":"What is wrong."}}}}}}}}""";

    /// <summary>Adds the transformers that describe the contract's operations and their schemas.</summary>
    /// <param name="options">The OpenAPI document's options.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    public static global::Microsoft.AspNetCore.OpenApi.OpenApiOptions AddContractSchemas(this global::Microsoft.AspNetCore.OpenApi.OpenApiOptions options)
    {
        global::System.ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer(DescribeOperationAsync);
        options.AddDocumentTransformer(AddSchemasAsync);
        options.AddDocumentTransformer(TrimServerUrls);
        return options;
    }

    /// <summary>
    /// Declares the security scheme the endpoints' authorization uses (<c>components.securitySchemes</c>) and says on
    /// every operation whether it requires it: a requirement of the scheme where the endpoint requires authorization,
    /// an explicitly empty <c>security</c> where it allows anonymous callers.
    /// </summary>
    /// <param name="options">The OpenAPI document's options.</param>
    /// <param name="name">The scheme's name in the document (<c>basicAuth</c>).</param>
    /// <param name="scheme">The scheme (<c>new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "basic" }</c>).</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    public static global::Microsoft.AspNetCore.OpenApi.OpenApiOptions AddContractSecurityScheme(
        this global::Microsoft.AspNetCore.OpenApi.OpenApiOptions options, string name, global::Microsoft.OpenApi.OpenApiSecurityScheme scheme)
    {
        global::System.ArgumentNullException.ThrowIfNull(options);
        global::System.ArgumentException.ThrowIfNullOrEmpty(name);
        global::System.ArgumentNullException.ThrowIfNull(scheme);
        options.AddDocumentTransformer((document, context, cancellationToken) =>
        {
            document.Components ??= new global::Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.IOpenApiSecurityScheme>(global::System.StringComparer.Ordinal);
            document.Components.SecuritySchemes[name] = scheme;
            return global::System.Threading.Tasks.Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, cancellationToken) =>
        {
            operation.Security = new global::System.Collections.Generic.List<global::Microsoft.OpenApi.OpenApiSecurityRequirement>();
            if (RequiresAuthorization(context.Description))
            {
                operation.Security.Add(new global::Microsoft.OpenApi.OpenApiSecurityRequirement
                {
                    [new global::Microsoft.OpenApi.OpenApiSecuritySchemeReference(name, context.Document)] = new global::System.Collections.Generic.List<string>(),
                });
            }

            return global::System.Threading.Tasks.Task.CompletedTask;
        });
        return options;
    }

    /// <summary>
    /// Server URLs without a trailing slash: paths begin with one, so <c>http://host/</c> + <c>/api/cases</c> would
    /// read <c>http://host//api/cases</c> (ASP.NET Core writes the request's base URL, which ends with one).
    /// </summary>
    private static global::System.Threading.Tasks.Task TrimServerUrls(
        global::Microsoft.OpenApi.OpenApiDocument document,
        global::Microsoft.AspNetCore.OpenApi.OpenApiDocumentTransformerContext context,
        global::System.Threading.CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? new global::System.Collections.Generic.List<global::Microsoft.OpenApi.OpenApiServer>())
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
            }
        }

        return global::System.Threading.Tasks.Task.CompletedTask;
    }

    private static global::System.Threading.Tasks.Task DescribeOperationAsync(
        global::Microsoft.OpenApi.OpenApiOperation operation,
        global::Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context,
        global::System.Threading.CancellationToken cancellationToken)
    {
        var contract = Find(context.Description);
        if (contract is null)
        {
            return global::System.Threading.Tasks.Task.CompletedTask;
        }

        var document = context.Document;
        operation.RequestBody = new global::Microsoft.OpenApi.OpenApiRequestBody
        {
            Required = true,
            Description = "The request body, valid against its JSON Schema.",
            Content = Content(contract.RequestSchema, document),
        };
        operation.Responses = new global::Microsoft.OpenApi.OpenApiResponses
        {
            ["200"] = Response("OK", contract.ResponseSchema, document),
            ["400"] = Response("Bad Request: the body is not JSON, or breaks its schema (every error in attributes.errors), or the server's own checks failed.", ContractOperationMetadata.ErrorSchema, document),
            ["413"] = Response("Request Entity Too Large: the body is over the endpoint's limit.", ContractOperationMetadata.ErrorSchema, document),
            ["415"] = Response("Unsupported Media Type: the body is not application/json (UTF-8).", ContractOperationMetadata.ErrorSchema, document),
        };
        if (RequiresAuthorization(context.Description))
        {
            operation.Responses["401"] = Response("Unauthorized: the request carries no valid credentials.", ContractOperationMetadata.ErrorSchema, document);
        }

        return global::System.Threading.Tasks.Task.CompletedTask;
    }

    /// <summary>Adds the schemas the operations reference, and the schemas those reference, as components.</summary>
    private static global::System.Threading.Tasks.Task AddSchemasAsync(
        global::Microsoft.OpenApi.OpenApiDocument document,
        global::Microsoft.AspNetCore.OpenApi.OpenApiDocumentTransformerContext context,
        global::System.Threading.CancellationToken cancellationToken)
    {
        var pending = new global::System.Collections.Generic.Stack<string>();
        foreach (var group in context.DescriptionGroups)
        {
            foreach (var description in group.Items)
            {
                if (Find(description) is { } contract)
                {
                    pending.Push(contract.RequestSchema);
                    pending.Push(contract.ResponseSchema);
                    pending.Push(ContractOperationMetadata.ErrorSchema);
                }
            }
        }

        var added = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!added.Add(name))
            {
                continue;
            }

            if (name == ContractOperationMetadata.ErrorSchema)
            {
                AddComponent(document, name, ErrorSchemaJson);
                continue;
            }

            var schema = FindSchema(name);
            AddComponent(document, name, schema.Json);
            foreach (var reference in schema.References)
            {
                pending.Push(reference);
            }
        }

        return global::System.Threading.Tasks.Task.CompletedTask;
    }

    private static void AddComponent(global::Microsoft.OpenApi.OpenApiDocument document, string name, string json)
    {
        var schema = global::Microsoft.OpenApi.Reader.OpenApiModelFactory.Parse<global::Microsoft.OpenApi.OpenApiSchema>(
            json, global::Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic, "json")
            ?? throw new global::System.InvalidOperationException("The JSON Schema of '" + name + "' could not be read as an OpenAPI schema: "
                + string.Join("; ", global::System.Linq.Enumerable.Select(diagnostic?.Errors ?? new global::System.Collections.Generic.List<global::Microsoft.OpenApi.OpenApiError>(), e => e.Message)));
        document.Components ??= new global::Microsoft.OpenApi.OpenApiComponents();
        document.Components.Schemas ??= new global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.IOpenApiSchema>(global::System.StringComparer.Ordinal);
        // The schema file is the contract: it replaces whatever another source put under this name.
        document.Components.Schemas.Remove(name);
        document.AddComponent(name, schema);
    }

    private static ContractOperationMetadata? Find(global::Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description)
    {
        foreach (var item in description.ActionDescriptor.EndpointMetadata)
        {
            if (item is ContractOperationMetadata contract)
            {
                return contract;
            }
        }

        return null;
    }

    private static bool RequiresAuthorization(global::Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description)
    {
        var requires = false;
        foreach (var item in description.ActionDescriptor.EndpointMetadata)
        {
            if (item is global::Microsoft.AspNetCore.Authorization.IAllowAnonymous)
            {
                return false;
            }

            requires |= item is global::Microsoft.AspNetCore.Authorization.IAuthorizeData;
        }

        return requires;
    }

    private static global::Microsoft.OpenApi.OpenApiResponse Response(string description, string schema, global::Microsoft.OpenApi.OpenApiDocument? document)
        => new global::Microsoft.OpenApi.OpenApiResponse { Description = description, Content = Content(schema, document) };

    private static global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.OpenApiMediaType> Content(string schema, global::Microsoft.OpenApi.OpenApiDocument? document)
        => new global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.OpenApiMediaType>
        {
            [Json] = new global::Microsoft.OpenApi.OpenApiMediaType { Schema = new global::Microsoft.OpenApi.OpenApiSchemaReference(schema, document) },
        };

    private static ContractSchema FindSchema(string name)
    {
        if (s_byName is not { } byName)
        {
            byName = new global::System.Collections.Generic.Dictionary<string, ContractSchema>(global::System.StringComparer.Ordinal);
            foreach (var schema in s_schemas)
            {
                byName.Add(schema.Name, schema);
            }

            s_byName = byName;
        }

        return byName.TryGetValue(name, out var found) ? found : throw new global::System.InvalidOperationException("The contract has no schema '" + name + "'.");
    }

    private static global::System.Collections.Generic.Dictionary<string, ContractSchema>? s_byName;

    private sealed record ContractSchema(string Name, string Json, string[] References);
}
