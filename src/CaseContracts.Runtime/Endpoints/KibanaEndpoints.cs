// Emitted by RuntimeFileEmitter into the contract's namespace, as <namespace>.Runtime.KibanaEndpoints.g.cs, when the project
// references ASP.NET Core and answers errors in Kibana's shape: it declares an x-operation (the shorthand answers that
// way) or an OpenAPI document with "x-error-profile": "kibana". The namespace below is only where the repository
// compiles it. Written as generated code is: global::-qualified names, [GeneratedCode] standing for the generator's attribute.

namespace CaseContracts.Runtime;

/// <summary>
/// What an operation's handler answers: the response (written with status 200 by the generated writer) or
/// a <see cref="KibanaError"/>. Return either directly; both convert implicitly.
/// </summary>
/// <typeparam name="TResponse">The operation's response type.</typeparam>
[GeneratedCode]
public readonly struct EndpointResult<TResponse>
    where TResponse : class
{
    private EndpointResult(TResponse? value, KibanaError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The response; null when the handler answered <see cref="Error"/>.</summary>
    public TResponse? Value { get; }

    /// <summary>The error answered instead of a response; null when the handler answered <see cref="Value"/>.</summary>
    public KibanaError? Error { get; }

    /// <summary>Answers <paramref name="value"/> with status 200.</summary>
    /// <exception cref="global::System.ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static EndpointResult<TResponse> Ok(TResponse value)
        => new(value ?? throw new global::System.ArgumentNullException(nameof(value)), null);

    /// <summary>Answers <paramref name="error"/>: its status code and Kibana's error body.</summary>
    /// <exception cref="global::System.ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static EndpointResult<TResponse> Fail(KibanaError error)
        => new(null, error ?? throw new global::System.ArgumentNullException(nameof(error)));

    /// <summary>Answers <paramref name="value"/> with status 200.</summary>
    public static implicit operator EndpointResult<TResponse>(TResponse value) => Ok(value);

    /// <summary>Answers <paramref name="error"/>.</summary>
    public static implicit operator EndpointResult<TResponse>(KibanaError error) => Fail(error);
}

/// <summary>
/// An HTTP error in Kibana's shape: <c>{"statusCode":404,"error":"Not Found","message":"…"}</c>, plus
/// <c>"attributes":{"errors":[{"path","keyword","message"}]}</c> when it carries validation errors. The
/// generated endpoints answer every request problem with it; hosts answer their own errors (401, 404, 500…)
/// with it too, so a client sees one error format.
/// </summary>
[GeneratedCode]
public sealed class KibanaError
{
    /// <summary>The content type of every JSON answer, as Kibana sends it.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>An error with <paramref name="statusCode"/> and <paramref name="message"/>.</summary>
    /// <param name="statusCode">A 4xx or 5xx HTTP status code.</param>
    /// <param name="message">What went wrong, for the client.</param>
    /// <param name="errors">The validation errors behind a 400, written as <c>attributes.errors</c>.</param>
    /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="statusCode"/> is not 4xx or 5xx.</exception>
    public KibanaError(int statusCode, string message, global::System.Collections.Generic.IReadOnlyList<ValidationError>? errors = null)
    {
        if (statusCode < 400 || statusCode > 599)
        {
            throw new global::System.ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An error's status code is 4xx or 5xx.");
        }

        StatusCode = statusCode;
        Message = message ?? throw new global::System.ArgumentNullException(nameof(message));
        Errors = errors;
    }

    /// <summary>The HTTP status code (<c>statusCode</c>).</summary>
    public int StatusCode { get; }

    /// <summary>The status code's reason phrase, as Kibana words it (<c>error</c>).</summary>
    public string Error => ReasonPhrase(StatusCode);

    /// <summary>What went wrong (<c>message</c>).</summary>
    public string Message { get; }

    /// <summary>The validation errors behind a 400 (<c>attributes.errors</c>); null for other errors.</summary>
    public global::System.Collections.Generic.IReadOnlyList<ValidationError>? Errors { get; }

    /// <summary>400 with <paramref name="message"/>.</summary>
    public static KibanaError BadRequest(string message) => new(400, message);

    /// <summary>400 for a body that breaks its schema: every error, in Kibana's wording (<see cref="KibanaMessages.Format(global::System.Collections.Generic.IEnumerable{ValidationError})"/>) and as <c>attributes.errors</c>.</summary>
    public static KibanaError Invalid(global::System.Collections.Generic.IReadOnlyList<ValidationError> errors)
        => new(400, KibanaMessages.Format(errors ?? throw new global::System.ArgumentNullException(nameof(errors))), errors);

    /// <summary>400 for a body that is not JSON: <c>Invalid request payload JSON format</c>.</summary>
    public static KibanaError MalformedJson() => new(400, "Invalid request payload JSON format");

    /// <summary>401: the request is not authenticated.</summary>
    public static KibanaError Unauthorized(string message = "Unauthorized") => new(401, message);

    /// <summary>403: the user may not do this.</summary>
    public static KibanaError Forbidden(string message = "Forbidden") => new(403, message);

    /// <summary>404 with <paramref name="message"/> (Kibana: <c>Saved object [cases/&lt;id&gt;] not found</c>).</summary>
    public static KibanaError NotFound(string message = "Not Found") => new(404, message);

    /// <summary>409 with <paramref name="message"/>.</summary>
    public static KibanaError Conflict(string message) => new(409, message);

    /// <summary>413 for a body over <paramref name="maxBytes"/>, worded as Kibana's HTTP server words it.</summary>
    public static KibanaError PayloadTooLarge(long maxBytes)
        => new(413, "Payload content length greater than maximum allowed: " + maxBytes.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>415 for a body that is not <c>application/json</c>.</summary>
    public static KibanaError UnsupportedMediaType() => new(415, "Unsupported Media Type");

    /// <summary>500, saying nothing about the cause (log it instead).</summary>
    public static KibanaError InternalServerError() => new(500, "An internal server error occurred.");

    /// <summary>The reason phrase Kibana writes in <c>error</c> for <paramref name="statusCode"/>.</summary>
    public static string ReasonPhrase(int statusCode) => statusCode switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        415 => "Unsupported Media Type",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => global::Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode),
    };

    /// <summary>The most an error body takes, whatever the message and errors hold: 64 KiB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    // The bound holds by construction: a UTF-16 character takes at most 6 bytes once escaped, the message is cut
    // to MaxMessageChars, each error's fields to MaxFieldChars, and errors stop once ErrorsStopBytes are written
    // (the last one started stays under MaxBodyBytes: 56 KiB + 3 × 257 × 6 bytes + punctuation < 64 KiB).
    private const int MaxMessageChars = 4096;
    private const int MaxFieldChars = 256;
    private const int ErrorsStopBytes = 56 * 1024;

    /// <summary>
    /// Writes the error body (compact JSON object), never more than <see cref="MaxBodyBytes"/>: a long message
    /// or field is cut (ending "…"), and errors past that size are left out.
    /// </summary>
    public void WriteTo(global::System.Text.Json.Utf8JsonWriter writer)
    {
        global::System.ArgumentNullException.ThrowIfNull(writer);
        var start = writer.BytesCommitted + writer.BytesPending;
        writer.WriteStartObject();
        writer.WriteNumber("statusCode"u8, StatusCode);
        writer.WriteString("error"u8, Error);
        writer.WriteString("message"u8, KibanaMessages.Shorten(Message, MaxMessageChars));
        if (Errors is { Count: > 0 } errors)
        {
            writer.WriteStartObject("attributes"u8);
            writer.WriteStartArray("errors"u8);
            foreach (var error in errors)
            {
                if (writer.BytesCommitted + writer.BytesPending - start > ErrorsStopBytes)
                {
                    break;
                }

                writer.WriteStartObject();
                writer.WriteString("path"u8, KibanaMessages.Shorten(error.Path, MaxFieldChars));
                writer.WriteString("keyword"u8, KibanaMessages.Shorten(error.Keyword, MaxFieldChars));
                writer.WriteString("message"u8, KibanaMessages.Shorten(error.Message, MaxFieldChars));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The error body as JSON text.</summary>
    public string ToJson() => global::CaseContracts.Internal.JsonSupport.ToJson(this, static (error, writer) => error.WriteTo(writer));

    /// <summary>
    /// Answers the request with this error: status code, <see cref="JsonContentType"/>, Content-Length and the
    /// body (nothing more may be written to the response).
    /// </summary>
    /// <exception cref="global::System.InvalidOperationException">The response has already started.</exception>
    public async global::System.Threading.Tasks.Task WriteAsync(global::Microsoft.AspNetCore.Http.HttpResponse response, global::System.Threading.CancellationToken cancellationToken = default)
    {
        global::System.ArgumentNullException.ThrowIfNull(response);
        if (response.HasStarted)
        {
            throw new global::System.InvalidOperationException("The response has already started; the error " + StatusCode + " cannot be sent.");
        }

        await ContractEndpoints.WriteJsonAsync(response, StatusCode, this, static (error, writer) => error.WriteTo(writer), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override string ToString() => ToJson();
}

/// <summary>
/// Endpoint metadata of a generated operation: what it reads and answers, by C# type and by OpenAPI schema
/// component name. OpenAPI transformers (and other tools) find it in the endpoint's metadata.
/// </summary>
[GeneratedCode]
public sealed class ContractOperationMetadata
{
    /// <summary>The component name of the error body's schema (<see cref="KibanaError"/>).</summary>
    public const string ErrorSchema = "KibanaError";

    /// <summary>Describes one operation.</summary>
    public ContractOperationMetadata(string operationId, string method, string route, global::System.Type requestType, string requestSchema, global::System.Type responseType, string responseSchema)
    {
        OperationId = operationId;
        Method = method;
        Route = route;
        RequestType = requestType;
        RequestSchema = requestSchema;
        ResponseType = responseType;
        ResponseSchema = responseSchema;
    }

    /// <summary>The operation id (also the endpoint's name).</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The route template.</summary>
    public string Route { get; }

    /// <summary>The request body's generated type.</summary>
    public global::System.Type RequestType { get; }

    /// <summary>The request schema's component name.</summary>
    public string RequestSchema { get; }

    /// <summary>The response's generated type.</summary>
    public global::System.Type ResponseType { get; }

    /// <summary>The response schema's component name.</summary>
    public string ResponseSchema { get; }
}


/// <summary>Kibana's error body and words for the problems the plumbing finds (<c>"x-error-profile": "kibana"</c>, and every <c>x-operation</c>).</summary>
[GeneratedCode]
internal sealed class KibanaErrorFormat : ContractErrorFormat
{
    /// <summary>The one instance (it holds no state).</summary>
    internal static readonly KibanaErrorFormat Instance = new KibanaErrorFormat();

    private KibanaErrorFormat()
    {
    }

    /// <inheritdoc/>
    internal override global::System.Threading.Tasks.Task WriteAsync(
        global::Microsoft.AspNetCore.Http.HttpResponse response,
        global::System.Threading.CancellationToken cancellationToken,
        RequestProblem problem,
        int statusCode,
        string? detail,
        global::System.Collections.Generic.IReadOnlyList<ValidationError>? errors)
    {
        var error = problem switch
        {
            RequestProblem.UnsupportedMediaType => KibanaError.UnsupportedMediaType(),
            RequestProblem.UnsupportedEncoding => new KibanaError(415, "Unsupported Content-Encoding: " + detail),
            RequestProblem.PayloadTooLarge => new KibanaError(413, "Payload content length greater than maximum allowed: " + detail),
            RequestProblem.MalformedJson => KibanaError.MalformedJson(),
            RequestProblem.InvalidCompressedData => KibanaError.BadRequest("The request body is not valid " + detail + " data."),
            RequestProblem.InvalidBody => KibanaError.Invalid(errors ?? global::System.Array.Empty<ValidationError>()),
            RequestProblem.InvalidParameters => KibanaError.Invalid(ByParameterName(errors ?? global::System.Array.Empty<ValidationError>())),
            _ => new KibanaError(statusCode, detail ?? KibanaError.ReasonPhrase(statusCode)),
        };
        return error.WriteAsync(response, cancellationToken);
    }

    /// <summary>
    /// Parameter errors as Kibana words them: Kibana decodes <c>request.query</c> (or the path's params) as one object,
    /// so its message names the parameter without where it was sent (<c>Invalid value "true" supplied to "perPage"</c>,
    /// not <c>"query,perPage"</c>). Nothing else changes.
    /// </summary>
    internal static global::System.Collections.Generic.IReadOnlyList<ValidationError> ByParameterName(global::System.Collections.Generic.IReadOnlyList<ValidationError> errors)
    {
        var renamed = new ValidationError[errors.Count];
        for (var i = 0; i < errors.Count; i++)
        {
            var error = errors[i];
            var second = error.Path.Length > 1 ? error.Path.IndexOf('/', 1) : -1;
            renamed[i] = second < 0 ? error : error with { Path = error.Path.Substring(second) };
        }

        return renamed;
    }

    /// <inheritdoc/>
    internal override global::System.Threading.Tasks.Task WriteDeclaredAsync(global::Microsoft.AspNetCore.Http.HttpResponse response, int statusCode, string? detail, global::System.Threading.CancellationToken cancellationToken)
        => new KibanaError(statusCode, detail ?? KibanaError.ReasonPhrase(statusCode)).WriteAsync(response, cancellationToken);
}

/// <summary>The plumbing of the endpoints <c>x-operation</c> declares: mapping, reading with Kibana's errors, writing an <see cref="EndpointResult{TResponse}"/>.</summary>
internal static partial class ContractEndpoints
{
    private static readonly string[] s_json = { "application/json" };

    /// <summary>Maps <paramref name="invoke"/> with the operation's method and route, and the metadata that describes it.</summary>
    internal static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(
        global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints,
        ContractOperationMetadata operation,
        global::Microsoft.AspNetCore.Http.RequestDelegate invoke,
        string? summary,
        string? description,
        string[] tags)
    {
        var builder = global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapMethods(endpoints, operation.Route, new[] { operation.Method }, invoke);
        global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions.WithMetadata(
            builder,
            // ApiExplorer, and so the OpenAPI document, lists only endpoints whose metadata holds a MethodInfo.
            invoke.Method,
            operation,
            new global::Microsoft.AspNetCore.Routing.EndpointNameMetadata(operation.OperationId),
            new global::Microsoft.AspNetCore.Http.TagsAttribute(tags),
            // Status codes without types: a type here would make ApiExplorer-based generators describe the
            // body by reflection over the C# type, whose JSON names are not the wire's. The schemas come
            // from the schema files instead (see the OpenAPI transformer).
            new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(200, null, s_json),
            new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(400, null, s_json),
            new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(413, null, s_json),
            new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(415, null, s_json));
        if (summary is not null)
        {
            global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions.WithMetadata(builder, new global::Microsoft.AspNetCore.Http.EndpointSummaryAttribute(summary));
        }

        if (description is not null)
        {
            global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions.WithMetadata(builder, new global::Microsoft.AspNetCore.Http.EndpointDescriptionAttribute(description));
        }

        return builder;
    }

    /// <summary>Reads and validates the request body in one pass, answering its problems in Kibana's shape; null when answered.</summary>
    internal static global::System.Threading.Tasks.ValueTask<T?> ReadRequestAsync<T>(global::Microsoft.AspNetCore.Http.HttpContext context, ContractEndpointOptions options, SequenceParser<T> parse)
        where T : class
        => ReadRequestAsync(context, options, parse, KibanaErrorFormat.Instance);

    /// <summary>Writes the handler's answer: the response with status 200, or its error.</summary>
    internal static global::System.Threading.Tasks.ValueTask WriteResponseAsync<T>(global::Microsoft.AspNetCore.Http.HttpContext context, EndpointResult<T> result, global::System.Action<T, global::System.Text.Json.Utf8JsonWriter> write)
        where T : class
    {
        if (result.Error is { } error)
        {
            return new global::System.Threading.Tasks.ValueTask(error.WriteAsync(context.Response, context.RequestAborted));
        }

        if (result.Value is not { } value)
        {
            throw new global::System.InvalidOperationException(
                "The handler of " + context.Request.Method + " " + context.Request.Path + " answered neither a response nor an error (a default EndpointResult).");
        }

        return WriteJsonAsync(context.Response, 200, value, write, context.RequestAborted);
    }
}
