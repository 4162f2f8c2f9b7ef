// Emitted by RuntimeFileEmitter into the contract's namespace, as <namespace>.Runtime.ProblemDetails.g.cs, when the project
// references ASP.NET Core and an OpenAPI document answers errors as RFC 9457 problem details (the default
// "x-error-profile"). The namespace below is only where the repository compiles it. Written as generated code is:
// global::-qualified names, [GeneratedCode] standing for the generator's attribute.

namespace CaseContracts.Runtime;

/// <summary>
/// An HTTP error as RFC 9457 problem details (<c>application/problem+json</c>):
/// <c>{"type":"about:blank","title":"Bad Request","status":400,"detail":"…","errors":[{"pointer","keyword","message"}]}</c>.
/// The generated endpoints answer every request problem with it; hosts answer their own errors with it too, so a
/// client sees one error format.
/// </summary>
[GeneratedCode]
public sealed class ContractProblem
{
    /// <summary>The media type of a problem body (RFC 9457).</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>The most a problem body takes, whatever its detail and errors hold: 64 KiB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    // As for every error body here: a UTF-16 character takes at most 6 bytes escaped; the detail is cut to
    // MaxDetailChars, each error's fields to MaxFieldChars, and errors stop once ErrorsStopBytes are written.
    private const int MaxDetailChars = 4096;
    private const int MaxFieldChars = 256;
    private const int ErrorsStopBytes = 56 * 1024;

    /// <summary>A problem with <paramref name="status"/>.</summary>
    /// <param name="status">A 4xx or 5xx HTTP status code.</param>
    /// <param name="detail">What went wrong in this occurrence, for the client; null to say nothing more than the title.</param>
    /// <param name="errors">The validation errors behind a 400, written as the <c>errors</c> extension.</param>
    /// <param name="type">A URI reference naming the problem type; <c>about:blank</c> (the status says it all) unless given.</param>
    /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="status"/> is not 4xx or 5xx.</exception>
    public ContractProblem(int status, string? detail = null, global::System.Collections.Generic.IReadOnlyList<ValidationError>? errors = null, string type = "about:blank")
    {
        if (status < 400 || status > 599)
        {
            throw new global::System.ArgumentOutOfRangeException(nameof(status), status, "A problem's status code is 4xx or 5xx.");
        }

        Status = status;
        Detail = detail;
        Errors = errors;
        Type = type ?? throw new global::System.ArgumentNullException(nameof(type));
    }

    /// <summary>The problem type (<c>type</c>).</summary>
    public string Type { get; }

    /// <summary>The status code's reason phrase (<c>title</c>).</summary>
    public string Title => TitleOf(Status);

    /// <summary>The HTTP status code (<c>status</c>).</summary>
    public int Status { get; }

    /// <summary>What went wrong in this occurrence (<c>detail</c>), or null.</summary>
    public string? Detail { get; }

    /// <summary>The validation errors behind a 400 (the <c>errors</c> extension); null for other problems.</summary>
    public global::System.Collections.Generic.IReadOnlyList<ValidationError>? Errors { get; }

    /// <summary>The title of <paramref name="status"/>: its reason phrase.</summary>
    public static string TitleOf(int status)
        => global::Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";

    /// <summary>
    /// Writes the problem body (compact JSON object), never more than <see cref="MaxBodyBytes"/>: a long detail or
    /// field is cut (ending "…"), and errors past that size are left out.
    /// </summary>
    public void WriteTo(global::System.Text.Json.Utf8JsonWriter writer)
    {
        global::System.ArgumentNullException.ThrowIfNull(writer);
        var start = writer.BytesCommitted + writer.BytesPending;
        writer.WriteStartObject();
        writer.WriteString("type"u8, ContractEndpoints.Shorten(Type, MaxFieldChars));
        writer.WriteString("title"u8, Title);
        writer.WriteNumber("status"u8, Status);
        if (Detail is not null)
        {
            writer.WriteString("detail"u8, ContractEndpoints.Shorten(Detail, MaxDetailChars));
        }

        if (Errors is { Count: > 0 } errors)
        {
            writer.WriteStartArray("errors"u8);
            foreach (var error in errors)
            {
                if (writer.BytesCommitted + writer.BytesPending - start > ErrorsStopBytes)
                {
                    break;
                }

                writer.WriteStartObject();
                writer.WriteString("pointer"u8, ContractEndpoints.Shorten(error.Path, MaxFieldChars));
                writer.WriteString("keyword"u8, ContractEndpoints.Shorten(error.Keyword, MaxFieldChars));
                writer.WriteString("message"u8, ContractEndpoints.Shorten(error.Message, MaxFieldChars));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>The problem body as JSON text.</summary>
    public string ToJson() => global::CaseContracts.Internal.JsonSupport.ToJson(this, static (problem, writer) => problem.WriteTo(writer));

    /// <summary>
    /// Answers the request with this problem: status code, <see cref="ContentType"/>, Content-Length and the body
    /// (nothing more may be written to the response).
    /// </summary>
    /// <exception cref="global::System.InvalidOperationException">The response has already started.</exception>
    public async global::System.Threading.Tasks.Task WriteAsync(global::Microsoft.AspNetCore.Http.HttpResponse response, global::System.Threading.CancellationToken cancellationToken = default)
    {
        global::System.ArgumentNullException.ThrowIfNull(response);
        if (response.HasStarted)
        {
            throw new global::System.InvalidOperationException("The response has already started; the problem " + Status + " cannot be sent.");
        }

        await ContractEndpoints.WriteJsonAsync(response, Status, this, static (problem, writer) => problem.WriteTo(writer), cancellationToken, ContentType).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override string ToString() => ToJson();
}

/// <summary>RFC 9457 problem details, in neutral words, for the problems the plumbing finds: the default error format.</summary>
[GeneratedCode]
internal sealed class ProblemDetailsFormat : ContractErrorFormat
{
    /// <summary>The one instance (it holds no state).</summary>
    internal static readonly ProblemDetailsFormat Instance = new ProblemDetailsFormat();

    private ProblemDetailsFormat()
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
        var text = problem switch
        {
            RequestProblem.UnsupportedMediaType => "The request body must be JSON (application/json) in UTF-8.",
            RequestProblem.UnsupportedEncoding => "The request body's Content-Encoding is not supported: " + detail + ".",
            RequestProblem.PayloadTooLarge => "The request body is larger than " + detail + " bytes.",
            RequestProblem.MalformedJson => "The request body is not valid JSON.",
            RequestProblem.InvalidCompressedData => "The request body is not valid " + detail + " data.",
            RequestProblem.InvalidBody => "The request body does not match its schema.",
            RequestProblem.InvalidParameters => "The request's parameters do not match their schemas.",
            _ => detail,
        };
        return new ContractProblem(statusCode, text, errors).WriteAsync(response, cancellationToken);
    }

    /// <inheritdoc/>
    internal override global::System.Threading.Tasks.Task WriteDeclaredAsync(global::Microsoft.AspNetCore.Http.HttpResponse response, int statusCode, string? detail, global::System.Threading.CancellationToken cancellationToken)
        => new ContractProblem(statusCode, detail).WriteAsync(response, cancellationToken);
}
