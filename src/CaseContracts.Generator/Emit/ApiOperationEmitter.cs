using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Model.Api;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// One operation of an OpenAPI document → its typed parameters (<see cref="ApiParametersEmitter"/>), its result
/// (<see cref="ApiResultEmitter"/>), its handler contract (a delegate and an interface) and a <c>Map…</c> extension on
/// <c>IEndpointRouteBuilder</c> built on a plain <c>RequestDelegate</c>: parameters read and validated, the body read
/// as every generated endpoint reads it (415, 413, decompression, one-pass parse), the handler, the declared response.
/// Every problem is answered in the API's error format.
/// </summary>
internal static class ApiOperationEmitter
{
    private const string HttpContext = "global::Microsoft.AspNetCore.Http.HttpContext";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string RouteBuilder = "global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder";
    private const string ConventionBuilder = "global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder";

    public static string HandlerName(ApiOperationSpec operation) => operation.Name + "Handler";

    public static string HandlerInterface(ApiOperationSpec operation) => "I" + operation.Name + "Handler";

    public static string HandlerMethod(ApiOperationSpec operation) => operation.Name + "Async";

    public static string EndpointClass(ApiOperationSpec operation) => operation.Name + "Endpoint";

    public static string ErrorFormat(ApiErrorProfile profile) => profile == ApiErrorProfile.Kibana ? "KibanaErrorFormat.Instance" : "ProblemDetailsFormat.Instance";

    public static string Emit(ApiOperationSpec operation)
    {
        var operationText = $"<c>{SourceWriter.EscapeXml(operation.Method + " " + operation.Path)}</c> (<c>{SourceWriter.EscapeXml(operation.OperationId)}</c>)";
        var result = $"global::System.Threading.Tasks.ValueTask<{ApiResultEmitter.TypeName(operation)}>";
        var map = "Map" + operation.Name;
        var hasParameters = !operation.Parameters.IsEmpty;
        var arguments = new List<string>();
        var signature = new List<string>();
        if (hasParameters)
        {
            signature.Add(ApiParametersEmitter.TypeName(operation) + " parameters");
            arguments.Add("parameters");
        }

        if (operation.RequestBodyType is { } bodyType)
        {
            signature.Add(bodyType + (operation.RequestBodyRequired ? string.Empty : "?") + " body");
            arguments.Add("body");
        }

        signature.Add(HttpContext + " context");
        signature.Add(CancellationToken + " cancellationToken");
        arguments.Add("context");
        arguments.Add("cancellationToken");

        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + operation.Namespace);
        if (hasParameters)
        {
            ApiParametersEmitter.Emit(writer, operation, operationText);
        }

        ApiResultEmitter.Emit(writer, operation, operationText);

        writer.Line($"/// <summary>Handles {operationText}: gets the request, its parameters and body read and validated; answers one of its declared responses.</summary>");
        if (hasParameters)
        {
            writer.Line("/// <param name=\"parameters\">The path, query and header parameters, valid against their schemas.</param>");
        }

        if (operation.RequestBodyType is not null)
        {
            writer.Line(operation.RequestBodyRequired
                ? "/// <param name=\"body\">The request body, valid against its schema.</param>"
                : "/// <param name=\"body\">The request body, valid against its schema; null when the request has none (it is optional).</param>");
        }

        writer.Line("/// <param name=\"context\">The request's context: the user, services.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Signals that the client went away.</param>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Line($"public delegate {result} {HandlerName(operation)}({string.Join(", ", signature)});");
        writer.Line();

        writer.Line($"/// <summary>A handler of {operationText} resolved from each request's services, so it may depend on scoped services.</summary>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public interface {HandlerInterface(operation)}");
        writer.Line($"/// <inheritdoc cref=\"{HandlerName(operation)}\"/>");
        writer.Line($"{result} {HandlerMethod(operation)}({string.Join(", ", signature)});");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>");
        var summary = operation.Summary is null ? string.Empty : SourceWriter.EscapeXml(operation.Summary.TrimEnd('.')) + ": ";
        writer.Line($"/// {summary}{operationText}, declared in <c>{SourceWriter.EscapeXml(operation.DocumentFile)}</c>.");
        if (operation.RequestBodyType is null)
        {
            writer.Line("/// Answers 400 with every parameter error, else the handler's declared response; errors in the API's error format.");
        }
        else
        {
            writer.Line("/// Answers 400 with every parameter error, 415 unless the body is JSON, 413 when it is over the limit, 400 with every");
            writer.Line("/// schema error, else the handler's declared response; errors in the API's error format.");
        }

        writer.Line("/// </summary>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public static class {EndpointClass(operation)}");
        writer.Line("/// <summary>The operation id (also the endpoint name).</summary>");
        writer.Line($"public const string OperationId = {CSharpLiterals.String(operation.OperationId)};");
        writer.Line();
        writer.Line("/// <summary>The HTTP method.</summary>");
        writer.Line($"public const string Method = {CSharpLiterals.String(operation.Method)};");
        writer.Line();
        writer.Line("/// <summary>The route template.</summary>");
        writer.Line($"public const string Route = {CSharpLiterals.String(operation.Path)};");
        writer.Line();
        var statuses = string.Join(", ", operation.Responses.Where(r => r.Status is not null).Select(r => r.Status!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var bodyTypeOf = operation.RequestBodyType is null ? "null" : $"typeof({operation.RequestBodyType})";
        writer.Line("/// <summary>The endpoint metadata that describes the operation.</summary>");
        writer.Line($"public static ApiOperationMetadata Metadata {{ get; }} = new ApiOperationMetadata(OperationId, Method, Route, {CSharpLiterals.String(operation.DocumentFile)}, {bodyTypeOf}, new[] {{ {statuses} }});");
        writer.Line();
        writer.Line($"private static readonly string[] s_tags = {{ {string.Join(", ", operation.Tags.Select(CSharpLiterals.String))} }};");
        writer.Line();
        if (operation.RequestBodyType is { } parsed)
        {
            writer.Line($"private static readonly ContractEndpoints.SequenceParser<{parsed}> s_parse = {parsed}.TryParse;");
            writer.Line();
        }

        writer.Line($"/// <summary>Maps {operationText} to <paramref name=\"handler\"/>{(operation.RequiresAuthorization ? " (it requires authorization: the operation declares security)" : string.Empty)}.</summary>");
        writer.Line("/// <param name=\"endpoints\">The application or a route group.</param>");
        writer.Line("/// <param name=\"handler\">Answers each valid request.</param>");
        writer.Line("/// <param name=\"options\">The body limit and other options; the defaults when null.</param>");
        writer.Line("/// <returns>The endpoint's builder, to add conventions.</returns>");
        writer.Open($"public static {ConventionBuilder} {map}(this {RouteBuilder} endpoints, {HandlerName(operation)} handler, ContractEndpointOptions? options = null)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(endpoints);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(handler);");
        writer.Line("var settings = options?.Copy() ?? new ContractEndpointOptions();");
        var errorContentType = operation.ErrorProfile == ApiErrorProfile.Kibana ? "ContractEndpoints.JsonContentType" : "ContractProblem.ContentType";
        writer.Line($"var builder = ContractOperations.Map(endpoints, Metadata, context => InvokeAsync(context, handler, settings), {Nullable(operation.Summary)}, {Nullable(operation.Description)}, s_tags, {errorContentType});");
        writer.Line(operation.RequiresAuthorization
            ? "return global::Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions.RequireAuthorization(builder);"
            : "return builder;");
        writer.Close();
        writer.Line();
        writer.Line($"/// <summary>Maps {operationText} to a <typeparamref name=\"THandler\"/> resolved from each request's services (register it, e.g. <c>AddScoped</c>).</summary>");
        writer.Line("/// <typeparam name=\"THandler\">The handler type.</typeparam>");
        writer.Line("/// <param name=\"endpoints\">The application or a route group.</param>");
        writer.Line("/// <param name=\"options\">The body limit and other options; the defaults when null.</param>");
        writer.Line("/// <returns>The endpoint's builder, to add conventions.</returns>");
        writer.Line($"public static {ConventionBuilder} {map}<THandler>(this {RouteBuilder} endpoints, ContractEndpointOptions? options = null)");
        writer.Line($"    where THandler : class, {HandlerInterface(operation)}");
        writer.Line($"    => {map}(endpoints, static ({string.Join(", ", arguments)}) => global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<THandler>(context.RequestServices).{HandlerMethod(operation)}({string.Join(", ", arguments)}), options);");
        writer.Line();
        writer.Open($"private static async global::System.Threading.Tasks.Task InvokeAsync({HttpContext} context, {HandlerName(operation)} handler, ContractEndpointOptions options)");
        var errors = ErrorFormat(operation.ErrorProfile);
        if (hasParameters)
        {
            writer.Line("var reading = new ParameterReading(options.MaxErrors);");
            writer.Line($"var parameters = {ApiParametersEmitter.TypeName(operation)}.Read(context.Request, reading);");
            writer.Open("if (parameters is null)");
            writer.Line($"await ContractOperations.AnswerInvalidParametersAsync(context, reading, {errors}).ConfigureAwait(false);");
            writer.Line("return;");
            writer.Close();
            writer.Line();
        }

        if (operation.RequestBodyType is { } requestType)
        {
            if (operation.RequestBodyRequired)
            {
                writer.Line($"var body = await ContractEndpoints.ReadRequestAsync(context, options, s_parse, {errors}).ConfigureAwait(false);");
                writer.Open("if (body is null)");
            }
            else
            {
                writer.Line("// An optional body: a request without one (no length, not chunked) reaches the handler with null.");
                writer.Line("var hasBody = context.Request.ContentLength > 0 || (context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count > 0);");
                writer.Line($"var body = hasBody ? await ContractEndpoints.ReadRequestAsync(context, options, s_parse, {errors}).ConfigureAwait(false) : null;");
                writer.Open("if (hasBody && body is null)");
            }

            writer.Line("return; // answered: 415, 413 or 400");
            writer.Close();
            writer.Line();
        }

        writer.Line($"var result = await handler({string.Join(", ", arguments.Select(a => a == "cancellationToken" ? "context.RequestAborted" : a))}).ConfigureAwait(false);");
        writer.Open("if (result is null)");
        writer.Line($"throw new global::System.InvalidOperationException(\"The handler of {SourceWriter.EscapeXml(operation.OperationId)} answered null instead of a {ApiResultEmitter.TypeName(operation)}.\");");
        writer.Close();
        writer.Line();
        writer.Line($"await result.WriteAsync(context, {errors}).ConfigureAwait(false);");
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static string Nullable(string? text) => text is null ? "null" : CSharpLiterals.String(text);
}
