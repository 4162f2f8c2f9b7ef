using System.Globalization;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// A served OpenAPI document → a static class holding it as UTF-8 JSON (a <c>u8</c> literal: no resource, no
/// reflection, nothing built at start-up) and a <c>Map&lt;Title&gt;OpenApi</c> extension that serves it with an ETag,
/// answering <c>If-None-Match</c> with 304.
/// </summary>
internal static class ServedDocumentEmitter
{
    private const string HttpContext = "global::Microsoft.AspNetCore.Http.HttpContext";

    public static string Emit(ServedDocumentSpec spec)
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + spec.Namespace);
        writer.Line("/// <summary>");
        writer.Line($"/// The OpenAPI document of {SourceWriter.EscapeXml(spec.Title)} {SourceWriter.EscapeXml(spec.Version)}, as served: <c>{SourceWriter.EscapeXml(spec.FilePath)}</c> with every");
        writer.Line("/// <c>$ref</c> to a schema file pointing into <c>components.schemas</c>, those schemas, and the answers the generated");
        writer.Line("/// endpoints give without declaring them (400, 401, 413, 415).");
        writer.Line("/// </summary>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public static class {spec.ClassName}");
        writer.Line($"/// <summary>Where <see cref=\"{spec.MapMethodName}\"/> serves the document unless told otherwise.</summary>");
        writer.Line($"public const string DefaultRoute = {CSharpLiterals.String(spec.DefaultRoute)};");
        writer.Line();
        writer.Line("/// <summary>The document's entity tag (it changes when the document does).</summary>");
        writer.Line($"public const string ETag = {CSharpLiterals.String(ETagOf(spec.Json))};");
        writer.Line();
        writer.Line($"private static readonly byte[] s_utf8Json = {CSharpLiterals.Utf8(spec.Json)}.ToArray();");
        writer.Line();
        writer.Line("/// <summary>The document, UTF-8 JSON.</summary>");
        writer.Line("public static global::System.ReadOnlyMemory<byte> Utf8Json => s_utf8Json;");
        writer.Line();
        writer.Line("/// <summary>Serves the document at <paramref name=\"pattern\"/> (GET): <c>application/json</c>, with an ETag; 304 when the client has it.</summary>");
        writer.Line("/// <param name=\"endpoints\">Where to map it.</param>");
        writer.Line("/// <param name=\"pattern\">The route; <see cref=\"DefaultRoute\"/> unless given.</param>");
        writer.Line("/// <returns>The endpoint's builder (to allow anonymous access, cache it, or require authorization).</returns>");
        writer.Open($"public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder {spec.MapMethodName}(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, [global::System.Diagnostics.CodeAnalysis.StringSyntax(\"Route\")] string pattern = DefaultRoute)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(endpoints);");
        writer.Line($"return global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(endpoints, pattern, new global::Microsoft.AspNetCore.Http.RequestDelegate(ServeAsync));");
        writer.Close();
        writer.Line();
        writer.Open($"private static global::System.Threading.Tasks.Task ServeAsync({HttpContext} context)");
        writer.Line("var response = context.Response;");
        writer.Line("response.Headers.ETag = ETag;");
        writer.Line("response.Headers.CacheControl = \"no-cache\";");
        writer.Open("foreach (var tag in context.Request.Headers.IfNoneMatch)");
        writer.Open("if (tag is not null && (tag.Contains(ETag, global::System.StringComparison.Ordinal) || tag.Trim() == \"*\"))");
        writer.Line("response.StatusCode = global::Microsoft.AspNetCore.Http.StatusCodes.Status304NotModified;");
        writer.Line("return global::System.Threading.Tasks.Task.CompletedTask;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("response.StatusCode = global::Microsoft.AspNetCore.Http.StatusCodes.Status200OK;");
        writer.Line("response.ContentType = \"application/json; charset=utf-8\";");
        writer.Line("response.ContentLength = s_utf8Json.Length;");
        writer.Line("return response.Body.WriteAsync(s_utf8Json, context.RequestAborted).AsTask();");
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    /// <summary>A strong entity tag from the document's text (FNV-1a, 64 bits: a change detector, not a security measure).</summary>
    private static string ETagOf(string json)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in json)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return "\"" + hash.ToString("x16", CultureInfo.InvariantCulture) + "\"";
    }
}
