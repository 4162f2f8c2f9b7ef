using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using CaseServer.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseServer.Hosting;

/// <summary>
/// What CaseServer's OpenAPI document says beyond the contract's schemas (<c>AddContractSchemas</c>) and the
/// Basic scheme (<c>AddContractSecurityScheme</c>): the server's own description and licence, the <c>cases</c>
/// tag's description, and Kibana's <c>kbn-xsrf</c> header on every operation that changes state
/// (<see cref="KibanaXsrfMiddleware"/>, which is this server's, not the toolkit's).
/// </summary>
public static class CaseServerOpenApi
{
    /// <summary>The name of the Basic scheme in the document.</summary>
    public const string BasicSchemeName = "basicAuth";

    /// <summary>Configures the OpenAPI document CaseServer serves at <c>/openapi/v1.json</c>.</summary>
    public static OpenApiOptions Describe(this OpenApiOptions options)
        => options
            .AddContractSchemas()
            .AddContractSecurityScheme(BasicSchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "basic",
                Description = "A user of CaseServer:Users (in Development: elastic / changeme).",
            })
            .AddDocumentTransformer(DescribeServerAsync)
            .AddOperationTransformer(AddXsrfHeaderAsync);

    private static Task DescribeServerAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CaseServer";
        document.Info.Description = "A Kibana-compatible cases server: Kibana 7.x's Cases API, generated from JSON Schema by CaseContracts.";
        document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name == "cases")
            {
                tag.Description = "Cases: create and read them, as Kibana's Cases API does.";
            }
        }

        return Task.CompletedTask;
    }

    private static Task AddXsrfHeaderAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? HttpMethods.Get;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= new List<IOpenApiParameter>();
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = KibanaXsrfMiddleware.HeaderName,
            In = ParameterLocation.Header,
            Required = true,
            Description = "Kibana's cross-site request forgery guard: any value, even empty; without it, 400.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return Task.CompletedTask;
    }
}
