namespace CaseContracts.Generator.Model;

/// <summary>What the consuming compilation offers that generated code may use (optional overloads and files).</summary>
/// <param name="HasPipeReader"><c>System.IO.Pipelines.PipeReader</c> is referenced: emit the pipe overload of <c>TryParseAsync</c>.</param>
/// <param name="HasAspNetCore">ASP.NET Core routing is referenced (a web project): emit the endpoints that <c>x-operation</c> declares.</param>
/// <param name="HasOpenApi">Microsoft.AspNetCore.OpenApi is referenced too (only looked for in a web project): emit the OpenAPI transformer that documents those endpoints.</param>
internal sealed record GenerationCapabilities(bool HasPipeReader, bool HasAspNetCore = false, bool HasOpenApi = false)
{
    /// <summary>
    /// Read on every compilation, so on every edit in an IDE: each lookup searches the references, so the OpenAPI type
    /// is looked for only where it can be used (the endpoints it documents need ASP.NET Core).
    /// </summary>
    public static GenerationCapabilities Of(Microsoft.CodeAnalysis.Compilation compilation)
    {
        var hasAspNetCore = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder") is not null
                            && compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext") is not null;
        return new(
            HasPipeReader: compilation.GetTypeByMetadataName("System.IO.Pipelines.PipeReader") is not null,
            HasAspNetCore: hasAspNetCore,
            HasOpenApi: hasAspNetCore && compilation.GetTypeByMetadataName("Microsoft.AspNetCore.OpenApi.OpenApiOptions") is not null);
    }
}
