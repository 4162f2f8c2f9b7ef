using System.Linq;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// One operation declared by <c>x-operation</c> → its handler contract (a delegate and an interface) and a
/// <c>Map…</c> extension on <c>IEndpointRouteBuilder</c> built on a plain <c>RequestDelegate</c>: content
/// type, body limit, one-pass read and validation, the handler, the generated writer.
/// </summary>
internal static class EndpointEmitter
{
    private const string HttpContext = "global::Microsoft.AspNetCore.Http.HttpContext";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string RouteBuilder = "global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder";
    private const string ConventionBuilder = "global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder";

    public static string Emit(EndpointSpec endpoint)
    {
        var handler = endpoint.Name + "Handler";
        var handlerInterface = "I" + handler;
        var endpointClass = endpoint.Name + "Endpoint";
        var map = "Map" + endpoint.Name;
        var result = $"global::System.Threading.Tasks.ValueTask<EndpointResult<{endpoint.ResponseType}>>";
        var operation = $"<c>{SourceWriter.EscapeXml(endpoint.Method + " " + endpoint.Route)}</c>";

        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + endpoint.Namespace);

        writer.Line($"/// <summary>Handles {operation} (<c>{SourceWriter.EscapeXml(endpoint.OperationId)}</c>): gets the request, read and validated against its schema; answers the response or a <see cref=\"KibanaError\"/>.</summary>");
        writer.Line("/// <param name=\"request\">The request body, valid against its schema.</param>");
        writer.Line("/// <param name=\"context\">The request's context: the user, route values, services.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Signals that the client went away.</param>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Line($"public delegate {result} {handler}({endpoint.RequestType} request, {HttpContext} context, {CancellationToken} cancellationToken);");
        writer.Line();

        writer.Line($"/// <summary>A handler of {operation} resolved from each request's services, so it may depend on scoped services (see <see cref=\"{endpointClass}.{map}{{THandler}}\"/>).</summary>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public interface {handlerInterface}");
        writer.Line($"/// <inheritdoc cref=\"{handler}\"/>");
        writer.Line($"{result} HandleAsync({endpoint.RequestType} request, {HttpContext} context, {CancellationToken} cancellationToken);");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>");
        var summary = endpoint.Summary is null ? string.Empty : SourceWriter.EscapeXml(endpoint.Summary.TrimEnd('.')) + ": ";
        writer.Line($"/// {summary}the {operation} operation (<c>{SourceWriter.EscapeXml(endpoint.OperationId)}</c>), declared by <c>x-operation</c> in <c>{SourceWriter.EscapeXml(endpoint.SchemaFile)}</c>.");
        writer.Line("/// Answers 415 unless the body is JSON, 413 when it is over the limit, 400 with every schema error, else");
        writer.Line("/// the handler's response (200) or error, all errors in Kibana's shape.");
        writer.Line("/// </summary>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public static class {endpointClass}");
        writer.Line("/// <summary>The operation id (also the endpoint name).</summary>");
        writer.Line($"public const string OperationId = {CSharpLiterals.String(endpoint.OperationId)};");
        writer.Line();
        writer.Line("/// <summary>The HTTP method.</summary>");
        writer.Line($"public const string Method = {CSharpLiterals.String(endpoint.Method)};");
        writer.Line();
        writer.Line("/// <summary>The route template.</summary>");
        writer.Line($"public const string Route = {CSharpLiterals.String(endpoint.Route)};");
        writer.Line();
        writer.Line("/// <summary>The endpoint metadata that describes the operation (types and schema component names).</summary>");
        writer.Line($"public static ContractOperationMetadata Metadata {{ get; }} = new ContractOperationMetadata(OperationId, Method, Route, typeof({endpoint.RequestType}), {CSharpLiterals.String(endpoint.RequestSchema)}, typeof({endpoint.ResponseType}), {CSharpLiterals.String(endpoint.ResponseSchema)});");
        writer.Line();
        writer.Line($"private static readonly string[] s_tags = {{ {string.Join(", ", endpoint.Tags.Select(CSharpLiterals.String))} }};");
        writer.Line();
        writer.Line($"private static readonly ContractEndpoints.SequenceParser<{endpoint.RequestType}> s_parse = {endpoint.RequestType}.TryParse;");
        writer.Line();
        writer.Line($"/// <summary>Maps {operation} to <paramref name=\"handler\"/>.</summary>");
        writer.Line("/// <param name=\"endpoints\">The application or a route group.</param>");
        writer.Line("/// <param name=\"handler\">Answers each valid request.</param>");
        writer.Line("/// <param name=\"options\">The body limit and other options; the defaults when null.</param>");
        writer.Line("/// <returns>The endpoint's builder, to add conventions (<c>RequireAuthorization()</c>…).</returns>");
        writer.Open($"public static {ConventionBuilder} {map}(this {RouteBuilder} endpoints, {handler} handler, ContractEndpointOptions? options = null)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(endpoints);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(handler);");
        writer.Line("var settings = options?.Copy() ?? new ContractEndpointOptions();");
        writer.Line($"return ContractEndpoints.Map(endpoints, Metadata, context => InvokeAsync(context, handler, settings), {Nullable(endpoint.Summary)}, {Nullable(endpoint.Description)}, s_tags);");
        writer.Close();
        writer.Line();
        writer.Line($"/// <summary>Maps {operation} to a <typeparamref name=\"THandler\"/> resolved from each request's services (register it, e.g. <c>AddScoped</c>).</summary>");
        writer.Line("/// <typeparam name=\"THandler\">The handler type.</typeparam>");
        writer.Line("/// <param name=\"endpoints\">The application or a route group.</param>");
        writer.Line("/// <param name=\"options\">The body limit and other options; the defaults when null.</param>");
        writer.Line("/// <returns>The endpoint's builder, to add conventions (<c>RequireAuthorization()</c>…).</returns>");
        writer.Line($"public static {ConventionBuilder} {map}<THandler>(this {RouteBuilder} endpoints, ContractEndpointOptions? options = null)");
        writer.Line($"    where THandler : class, {handlerInterface}");
        writer.Line($"    => {map}(endpoints, static (request, context, cancellationToken) => global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<THandler>(context.RequestServices).HandleAsync(request, context, cancellationToken), options);");
        writer.Line();
        writer.Open($"private static async global::System.Threading.Tasks.Task InvokeAsync({HttpContext} context, {handler} handler, ContractEndpointOptions options)");
        writer.Line("var request = await ContractEndpoints.ReadRequestAsync(context, options, s_parse).ConfigureAwait(false);");
        writer.Open("if (request is null)");
        writer.Line("return; // answered: 415, 413 or 400");
        writer.Close();
        writer.Line();
        writer.Line("var result = await handler(request, context, context.RequestAborted).ConfigureAwait(false);");
        writer.Line("await ContractEndpoints.WriteResponseAsync(context, result, static (response, writer) => response.WriteTo(writer)).ConfigureAwait(false);");
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static string Nullable(string? text) => text is null ? "null" : CSharpLiterals.String(text);
}
