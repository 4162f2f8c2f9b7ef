// Emitted by EndpointRuntimeEmitter into the contract's namespace, as <namespace>.Endpoints.g.cs, when the project
// references ASP.NET Core and declares an operation; the namespace below is only where the repository compiles it.
// Written as generated code is: global::-qualified names, [GeneratedCode] standing for the generator's attribute.

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

/// <summary>Options of a generated endpoint, read once when it is mapped (<c>Map…(handler, options)</c>).</summary>
[GeneratedCode]
public sealed class ContractEndpointOptions
{
    /// <summary>1 MiB, Kibana's default <c>server.maxPayload</c>.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>100: the default of <see cref="MaxErrors"/>.</summary>
    public const int DefaultMaxErrors = 100;

    private long _maxRequestBodyBytes = DefaultMaxRequestBodyBytes;
    private int _maxErrors = DefaultMaxErrors;

    /// <summary>
    /// The most schema errors a 400 reports (default 100); the errors past it are counted, not kept, and a last
    /// error (keyword <c>errorLimit</c>) says how many were left out. The answer stays under 64 KiB whatever this is.
    /// </summary>
    /// <exception cref="global::System.ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxErrors
    {
        get => _maxErrors;
        set => _maxErrors = value > 0 ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "At least one error must be reported.");
    }

    /// <summary>
    /// Whether bodies sent with <c>Content-Encoding</c> gzip, deflate or br are decompressed (default true), the
    /// body limit applying to the decompressed size; any other encoding, or any encoding when false, is answered 415.
    /// </summary>
    public bool DecompressRequestBodies { get; set; } = true;

    // The endpoint reads its options once, when mapped: later changes to the caller's instance do not reach it.
    internal ContractEndpointOptions Copy() => new ContractEndpointOptions
    {
        _maxRequestBodyBytes = _maxRequestBodyBytes,
        _maxErrors = _maxErrors,
        DecompressRequestBodies = DecompressRequestBodies,
    };

    /// <summary>
    /// The largest request body accepted, in bytes (default 1 MiB); a larger one is answered 413 without
    /// being read further. The server's own limit (Kestrel's <c>MaxRequestBodySize</c>) applies too, when smaller.
    /// </summary>
    /// <exception cref="global::System.ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxRequestBodyBytes
    {
        get => _maxRequestBodyBytes;
        set => _maxRequestBodyBytes = value > 0 ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "The body limit must be positive.");
    }
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

/// <summary>The request/response plumbing the generated endpoints share.</summary>
[GeneratedCode]
internal static class ContractEndpoints
{
    /// <summary>A generated <c>TryParse(in ReadOnlySequence&lt;byte&gt;)</c>.</summary>
    internal delegate ParseResult<T> SequenceParser<T>(in global::System.Buffers.ReadOnlySequence<byte> utf8Json, int maxErrors)
        where T : class;

    private static readonly string[] s_json = { "application/json" };

    private static readonly global::System.Text.Json.JsonWriterOptions s_writerOptions = new global::System.Text.Json.JsonWriterOptions
    {
        // Messages and answers quote the request (titles, keys); UTF-8 stays readable, as Kibana writes it.
        Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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

    /// <summary>
    /// Reads and validates the request body in one pass. Null when the request was already answered:
    /// 415 (not JSON, or an encoding not decompressed), 413 (over the body limit, decompressed), 400 (malformed
    /// JSON or compressed data, or the schema errors, as many as the options say).
    /// </summary>
    internal static async global::System.Threading.Tasks.ValueTask<T?> ReadRequestAsync<T>(global::Microsoft.AspNetCore.Http.HttpContext context, ContractEndpointOptions options, SequenceParser<T> parse)
        where T : class
    {
        var request = context.Request;
        var maxBytes = options.MaxRequestBodyBytes;
        if (!IsJson(request.ContentType))
        {
            await KibanaError.UnsupportedMediaType().WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return null;
        }

        if (request.ContentLength > maxBytes)
        {
            await KibanaError.PayloadTooLarge(maxBytes).WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return null;
        }

        var encoding = request.Headers.ContentEncoding;
        if (encoding.Count > 0 && !IsIdentity(encoding))
        {
            return await ReadEncodedRequestAsync(context, options, encoding, parse).ConfigureAwait(false);
        }

        var body = request.BodyReader;
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                var buffer = read.Buffer;
                if (buffer.Length > maxBytes)
                {
                    // A body without Content-Length (chunked) that outgrows the limit: stop reading it here.
                    body.AdvanceTo(buffer.End);
                    await KibanaError.PayloadTooLarge(maxBytes).WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
                    return null;
                }

                if (read.IsCompleted)
                {
                    var parsed = parse(buffer, options.MaxErrors);
                    body.AdvanceTo(buffer.End);
                    if (parsed.IsValid)
                    {
                        return parsed.Value;
                    }

                    await AnswerInvalidAsync(context, parsed).ConfigureAwait(false);
                    return null;
                }

                body.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (global::Microsoft.AspNetCore.Http.BadHttpRequestException e)
        {
            // The server gave up on the body (its own size limit, a truncated or malformed chunked body).
            var error = e.StatusCode == 413 ? KibanaError.PayloadTooLarge(maxBytes) : new KibanaError(e.StatusCode >= 400 ? e.StatusCode : 400, e.Message);
            await error.WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return null;
        }
    }

    // The 400 of a body that is not valid (off the valid request's path, which returns without an await).
    private static global::System.Threading.Tasks.Task AnswerInvalidAsync<T>(global::Microsoft.AspNetCore.Http.HttpContext context, ParseResult<T> parsed)
        where T : class
    {
        var error = parsed.MalformedMessage is not null ? KibanaError.MalformedJson() : KibanaError.Invalid(parsed.Errors);
        return error.WriteAsync(context.Response, context.RequestAborted);
    }

    private static bool IsIdentity(global::Microsoft.Extensions.Primitives.StringValues encoding)
        => encoding.Count == 1 && string.Equals(encoding[0]?.Trim(), "identity", global::System.StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A body sent compressed: decompressed as it is read, never more than the body limit held (a small body
    /// that inflates past it is a 413 as soon as it does), then validated like any other.
    /// </summary>
    private static async global::System.Threading.Tasks.ValueTask<T?> ReadEncodedRequestAsync<T>(global::Microsoft.AspNetCore.Http.HttpContext context, ContractEndpointOptions options, global::Microsoft.Extensions.Primitives.StringValues encoding, SequenceParser<T> parse)
        where T : class
    {
        var maxBytes = options.MaxRequestBodyBytes;
        var name = encoding.Count == 1 ? encoding[0]?.Trim() : null;
        global::System.IO.Stream? decoded = !options.DecompressRequestBodies ? null
            : string.Equals(name, "gzip", global::System.StringComparison.OrdinalIgnoreCase) || string.Equals(name, "x-gzip", global::System.StringComparison.OrdinalIgnoreCase)
                ? new global::System.IO.Compression.GZipStream(context.Request.Body, global::System.IO.Compression.CompressionMode.Decompress, leaveOpen: true)
            // HTTP's "deflate" is the zlib format (RFC 9110, 8.4.1.2).
            : string.Equals(name, "deflate", global::System.StringComparison.OrdinalIgnoreCase)
                ? new global::System.IO.Compression.ZLibStream(context.Request.Body, global::System.IO.Compression.CompressionMode.Decompress, leaveOpen: true)
            : string.Equals(name, "br", global::System.StringComparison.OrdinalIgnoreCase)
                ? new global::System.IO.Compression.BrotliStream(context.Request.Body, global::System.IO.Compression.CompressionMode.Decompress, leaveOpen: true)
            : null;
        if (decoded is null)
        {
            await new KibanaError(415, "Unsupported Content-Encoding: " + KibanaMessages.Shorten(encoding.ToString(), 64))
                .WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return null;
        }

        byte[]? json;
        int length;
        try
        {
            try
            {
                (json, length) = await ReadAtMostAsync(decoded, maxBytes, context.RequestAborted).ConfigureAwait(false);
            }
            finally
            {
                await decoded.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (global::System.IO.InvalidDataException)
        {
            await KibanaError.BadRequest("The request body is not valid " + name + " data.").WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return null;
        }
        catch (global::Microsoft.AspNetCore.Http.BadHttpRequestException e)
        {
            var error = e.StatusCode == 413 ? KibanaError.PayloadTooLarge(maxBytes) : new KibanaError(e.StatusCode >= 400 ? e.StatusCode : 400, e.Message);
            await error.WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return null;
        }

        if (json is null)
        {
            await KibanaError.PayloadTooLarge(maxBytes).WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return null;
        }

        var parsed = parse(new global::System.Buffers.ReadOnlySequence<byte>(json, 0, length), options.MaxErrors);
        if (parsed.IsValid)
        {
            return parsed.Value;
        }

        await AnswerInvalidAsync(context, parsed).ConfigureAwait(false);
        return null;
    }

    // The whole stream in one array, or null as soon as it holds more than maxBytes (what is past it is never inflated).
    private static async global::System.Threading.Tasks.ValueTask<(byte[]? Buffer, int Length)> ReadAtMostAsync(global::System.IO.Stream stream, long maxBytes, global::System.Threading.CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    return (null, 0);
                }

                // Never more than the limit and one byte: enough to tell that the body is over it.
                global::System.Array.Resize(ref buffer, (int)global::System.Math.Min((long)buffer.Length * 2, maxBytes + 1));
            }

            var read = await stream.ReadAsync(new global::System.Memory<byte>(buffer, length, buffer.Length - length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return length > maxBytes ? (null, 0) : (buffer, length);
            }

            length += read;
        }
    }

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

    // One serialisation buffer and writer per thread, used only synchronously (never across an await).
    [global::System.ThreadStatic]
    private static global::System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    [global::System.ThreadStatic]
    private static global::System.Text.Json.Utf8JsonWriter? t_writer;

    // A buffer that grew past this for one large answer is not kept for the next.
    private const int KeptBufferBytes = 64 * 1024;

    /// <summary>
    /// Answers with the status, <see cref="KibanaError.JsonContentType"/>, Content-Length and the JSON body.
    /// Serialising into a buffer first is what lets the answer carry its length: written straight to the
    /// response, it would go out with chunked encoding.
    /// </summary>
    internal static async global::System.Threading.Tasks.ValueTask WriteJsonAsync<T>(global::Microsoft.AspNetCore.Http.HttpResponse response, int statusCode, T value, global::System.Action<T, global::System.Text.Json.Utf8JsonWriter> write, global::System.Threading.CancellationToken cancellationToken)
    {
        BufferJson(response, statusCode, value, write);
        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    // The synchronous part of WriteJsonAsync: the per-thread buffer is never held across an await.
    private static void BufferJson<T>(global::Microsoft.AspNetCore.Http.HttpResponse response, int statusCode, T value, global::System.Action<T, global::System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = t_buffer ??= new global::System.Buffers.ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new global::System.Text.Json.Utf8JsonWriter(buffer, s_writerOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(value, writer);
        writer.Flush();

        response.StatusCode = statusCode;
        response.ContentType = KibanaError.JsonContentType;
        response.ContentLength = buffer.WrittenCount;
        var body = response.BodyWriter;
        buffer.WrittenSpan.CopyTo(body.GetSpan(buffer.WrittenCount));
        body.Advance(buffer.WrittenCount);
        if (buffer.Capacity > KeptBufferBytes)
        {
            t_buffer = null;
            t_writer = null;
        }
    }

    /// <summary>
    /// <c>application/json</c> or <c>application/*+json</c>, in UTF-8. A request without Content-Type is read
    /// as JSON, as Kibana's HTTP server (hapi) does.
    /// </summary>
    internal static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        // What clients send nearly always, decided without parsing the header.
        if (string.Equals(contentType, "application/json", global::System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(contentType, KibanaError.JsonContentType, global::System.StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!global::Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        var json = mediaType.Type.Equals("application", global::System.StringComparison.OrdinalIgnoreCase)
                   && (mediaType.SubType.Equals("json", global::System.StringComparison.OrdinalIgnoreCase)
                       || mediaType.Suffix.Equals("json", global::System.StringComparison.OrdinalIgnoreCase));
        var charset = mediaType.Charset;
        return json && (!charset.HasValue || charset.Equals("utf-8", global::System.StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", global::System.StringComparison.OrdinalIgnoreCase));
    }
}
