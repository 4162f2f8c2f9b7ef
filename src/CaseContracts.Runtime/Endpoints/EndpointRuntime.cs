// Emitted by EndpointRuntimeEmitter into the contract's namespace, as <namespace>.Endpoints.g.cs, when the project
// references ASP.NET Core and declares an operation; the namespace below is only where the repository compiles it.
// Written as generated code is: global::-qualified names, [GeneratedCode] standing for the generator's attribute.

namespace CaseContracts.Runtime;

/// <summary>Options of a generated endpoint, read once when it is mapped (<c>Map…(handler, options)</c>).</summary>
[GeneratedCode]
public sealed class ContractEndpointOptions
{
    /// <summary>1 MiB: the default of <see cref="MaxRequestBodyBytes"/>.</summary>
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

/// <summary>The request/response plumbing the generated endpoints share (the parts one kind of endpoint alone uses are in its own runtime file).</summary>
[GeneratedCode]
internal static partial class ContractEndpoints
{
    /// <summary>A generated <c>TryParse(in ReadOnlySequence&lt;byte&gt;)</c>.</summary>
    internal delegate ParseResult<T> SequenceParser<T>(in global::System.Buffers.ReadOnlySequence<byte> utf8Json, int maxErrors)
        where T : class;

    /// <summary>The content type of every JSON answer.</summary>
    internal const string JsonContentType = "application/json; charset=utf-8";

    private static readonly global::System.Text.Json.JsonWriterOptions s_writerOptions = new global::System.Text.Json.JsonWriterOptions
    {
        // Messages and answers quote the request (titles, keys): UTF-8 stays readable.
        Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Reads and validates the request body in one pass. Null when the request was already answered:
    /// 415 (not JSON, or an encoding not decompressed), 413 (over the body limit, decompressed), 400 (malformed
    /// JSON or compressed data, or the schema errors, as many as the options say), each in <paramref name="errors"/>' format.
    /// </summary>
    internal static async global::System.Threading.Tasks.ValueTask<T?> ReadRequestAsync<T>(global::Microsoft.AspNetCore.Http.HttpContext context, ContractEndpointOptions options, SequenceParser<T> parse, ContractErrorFormat errors)
        where T : class
    {
        var request = context.Request;
        var maxBytes = options.MaxRequestBodyBytes;
        if (!IsJson(request.ContentType))
        {
            await errors.WriteAsync(context.Response, context.RequestAborted, RequestProblem.UnsupportedMediaType, 415, null, null).ConfigureAwait(false);
            return null;
        }

        if (request.ContentLength > maxBytes)
        {
            await errors.WriteAsync(context.Response, context.RequestAborted, RequestProblem.PayloadTooLarge, 413, maxBytes.ToString(global::System.Globalization.CultureInfo.InvariantCulture), null).ConfigureAwait(false);
            return null;
        }

        var encoding = request.Headers.ContentEncoding;
        if (encoding.Count > 0 && !IsIdentity(encoding))
        {
            return await ReadEncodedRequestAsync(context, options, encoding, parse, errors).ConfigureAwait(false);
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
                    await errors.WriteAsync(context.Response, context.RequestAborted, RequestProblem.PayloadTooLarge, 413, maxBytes.ToString(global::System.Globalization.CultureInfo.InvariantCulture), null).ConfigureAwait(false);
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

                    await AnswerInvalidAsync(context, parsed, errors).ConfigureAwait(false);
                    return null;
                }

                body.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (global::Microsoft.AspNetCore.Http.BadHttpRequestException e)
        {
            // The server gave up on the body (its own size limit, a truncated or malformed chunked body).
            await AnswerRejectedAsync(context, e, maxBytes, errors).ConfigureAwait(false);
            return null;
        }
    }

    // The 400 of a body that is not valid (off the valid request's path, which returns without an await).
    private static global::System.Threading.Tasks.Task AnswerInvalidAsync<T>(global::Microsoft.AspNetCore.Http.HttpContext context, ParseResult<T> parsed, ContractErrorFormat errors)
        where T : class
        => parsed.MalformedMessage is not null
            ? errors.WriteAsync(context.Response, context.RequestAborted, RequestProblem.MalformedJson, 400, null, null)
            : errors.WriteAsync(context.Response, context.RequestAborted, RequestProblem.InvalidBody, 400, null, parsed.Errors);

    // The server gave up on the body (its own size limit, a truncated or malformed chunked body).
    private static global::System.Threading.Tasks.Task AnswerRejectedAsync(global::Microsoft.AspNetCore.Http.HttpContext context, global::Microsoft.AspNetCore.Http.BadHttpRequestException e, long maxBytes, ContractErrorFormat errors)
        => e.StatusCode == 413
            ? errors.WriteAsync(context.Response, context.RequestAborted, RequestProblem.PayloadTooLarge, 413, maxBytes.ToString(global::System.Globalization.CultureInfo.InvariantCulture), null)
            : errors.WriteAsync(context.Response, context.RequestAborted, RequestProblem.ServerRejected, e.StatusCode >= 400 ? e.StatusCode : 400, e.Message, null);

    private static bool IsIdentity(global::Microsoft.Extensions.Primitives.StringValues encoding)
        => encoding.Count == 1 && string.Equals(encoding[0]?.Trim(), "identity", global::System.StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A body sent compressed: decompressed as it is read, never more than the body limit held (a small body
    /// that inflates past it is a 413 as soon as it does), then validated like any other.
    /// </summary>
    private static async global::System.Threading.Tasks.ValueTask<T?> ReadEncodedRequestAsync<T>(global::Microsoft.AspNetCore.Http.HttpContext context, ContractEndpointOptions options, global::Microsoft.Extensions.Primitives.StringValues encoding, SequenceParser<T> parse, ContractErrorFormat errors)
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
            await errors.WriteAsync(context.Response, context.RequestAborted, RequestProblem.UnsupportedEncoding, 415, Shorten(encoding.ToString(), 64), null).ConfigureAwait(false);
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
            await errors.WriteAsync(context.Response, context.RequestAborted, RequestProblem.InvalidCompressedData, 400, name, null).ConfigureAwait(false);
            return null;
        }
        catch (global::Microsoft.AspNetCore.Http.BadHttpRequestException e)
        {
            await AnswerRejectedAsync(context, e, maxBytes, errors).ConfigureAwait(false);
            return null;
        }

        if (json is null)
        {
            await errors.WriteAsync(context.Response, context.RequestAborted, RequestProblem.PayloadTooLarge, 413, maxBytes.ToString(global::System.Globalization.CultureInfo.InvariantCulture), null).ConfigureAwait(false);
            return null;
        }

        var parsed = parse(new global::System.Buffers.ReadOnlySequence<byte>(json, 0, length), options.MaxErrors);
        if (parsed.IsValid)
        {
            return parsed.Value;
        }

        await AnswerInvalidAsync(context, parsed, errors).ConfigureAwait(false);
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

    // One serialisation buffer and writer per thread, used only synchronously (never across an await).
    [global::System.ThreadStatic]
    private static global::System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    [global::System.ThreadStatic]
    private static global::System.Text.Json.Utf8JsonWriter? t_writer;

    // A buffer that grew past this for one large answer is not kept for the next.
    private const int KeptBufferBytes = 64 * 1024;

    /// <summary>
    /// Answers with the status, <see cref="JsonContentType"/> (or <paramref name="contentType"/>), Content-Length and the JSON body.
    /// Serialising into a buffer first is what lets the answer carry its length: written straight to the
    /// response, it would go out with chunked encoding.
    /// </summary>
    internal static async global::System.Threading.Tasks.ValueTask WriteJsonAsync<T>(global::Microsoft.AspNetCore.Http.HttpResponse response, int statusCode, T value, global::System.Action<T, global::System.Text.Json.Utf8JsonWriter> write, global::System.Threading.CancellationToken cancellationToken, string contentType = JsonContentType)
    {
        BufferJson(response, statusCode, value, write, contentType);
        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    // The synchronous part of WriteJsonAsync: the per-thread buffer is never held across an await.
    private static void BufferJson<T>(global::Microsoft.AspNetCore.Http.HttpResponse response, int statusCode, T value, global::System.Action<T, global::System.Text.Json.Utf8JsonWriter> write, string contentType)
    {
        var buffer = t_buffer ??= new global::System.Buffers.ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new global::System.Text.Json.Utf8JsonWriter(buffer, s_writerOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(value, writer);
        writer.Flush();

        response.StatusCode = statusCode;
        response.ContentType = contentType;
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
    /// as JSON (the body is parsed, not sniffed: what is not JSON is a 400 all the same).
    /// </summary>
    internal static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        // What clients send nearly always, decided without parsing the header.
        if (string.Equals(contentType, "application/json", global::System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(contentType, JsonContentType, global::System.StringComparison.OrdinalIgnoreCase))
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

    /// <summary><paramref name="text"/>, cut to <paramref name="maxLength"/> characters with "…" when longer (never inside a surrogate pair).</summary>
    internal static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text.Substring(0, cut) + "…";
    }
}

/// <summary>What went wrong with a request before its handler ran: each error format words it its own way.</summary>
[GeneratedCode]
internal enum RequestProblem
{
    /// <summary>415: the body is not JSON in UTF-8.</summary>
    UnsupportedMediaType,

    /// <summary>415: a <c>Content-Encoding</c> not decompressed (the detail is the encoding).</summary>
    UnsupportedEncoding,

    /// <summary>413: the body is over the limit (the detail is the limit in bytes).</summary>
    PayloadTooLarge,

    /// <summary>400: the body is not JSON.</summary>
    MalformedJson,

    /// <summary>400: the compressed body cannot be decompressed (the detail is the encoding).</summary>
    InvalidCompressedData,

    /// <summary>400: the body breaks its schema (the errors say where).</summary>
    InvalidBody,

    /// <summary>400: a path, query or header parameter is missing or breaks its schema (the errors say which).</summary>
    InvalidParameters,

    /// <summary>The server refused the body itself (the detail is its message).</summary>
    ServerRejected,
}

/// <summary>
/// The body an API answers its errors with: RFC 9457 problem details by default (<c>ProblemDetailsFormat</c>), or
/// the one its OpenAPI document's <c>x-error-profile</c> names. The plumbing says what went wrong; the format words it.
/// </summary>
[GeneratedCode]
internal abstract class ContractErrorFormat
{
    /// <summary>
    /// Answers the request with the error: status, content type, Content-Length and body. The detail is what the
    /// problem needs said (the limit, the encoding, the server's message) or null; the errors, those behind a 400.
    /// </summary>
    internal abstract global::System.Threading.Tasks.Task WriteAsync(
        global::Microsoft.AspNetCore.Http.HttpResponse response,
        global::System.Threading.CancellationToken cancellationToken,
        RequestProblem problem,
        int statusCode,
        string? detail,
        global::System.Collections.Generic.IReadOnlyList<ValidationError>? errors);

    /// <summary>Answers an error the handler chose (a declared 4xx/5xx response): <paramref name="detail"/> or the status's own words.</summary>
    internal abstract global::System.Threading.Tasks.Task WriteDeclaredAsync(global::Microsoft.AspNetCore.Http.HttpResponse response, int statusCode, string? detail, global::System.Threading.CancellationToken cancellationToken);
}
