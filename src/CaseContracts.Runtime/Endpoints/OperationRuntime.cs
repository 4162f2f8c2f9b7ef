// Emitted by RuntimeFileEmitter into the contract's namespace, as <namespace>.Runtime.Operations.g.cs, when the project
// references ASP.NET Core and an OpenAPI document declares an operation; the namespace below is only where the
// repository compiles it. Written as generated code is: global::-qualified names, [GeneratedCode] standing for the
// generator's attribute.

namespace CaseContracts.Runtime;

/// <summary>
/// Endpoint metadata of an operation declared in an OpenAPI document: its id, method, route, the document that
/// declares it and the statuses it may answer. OpenAPI transformers (and other tools) find it in the endpoint's metadata.
/// </summary>
[GeneratedCode]
public sealed class ApiOperationMetadata
{
    /// <summary>Describes one operation.</summary>
    public ApiOperationMetadata(string operationId, string method, string route, string document, global::System.Type? requestBodyType, global::System.Collections.Generic.IReadOnlyList<int> statuses)
    {
        OperationId = operationId;
        Method = method;
        Route = route;
        Document = document;
        RequestBodyType = requestBodyType;
        Statuses = statuses;
    }

    /// <summary>The operation id (also the endpoint's name).</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The route template.</summary>
    public string Route { get; }

    /// <summary>The file name of the OpenAPI document that declares the operation.</summary>
    public string Document { get; }

    /// <summary>The request body's generated type; null when the operation takes none.</summary>
    public global::System.Type? RequestBodyType { get; }

    /// <summary>The statuses its declared responses answer (a <c>default</c> response is not listed).</summary>
    public global::System.Collections.Generic.IReadOnlyList<int> Statuses { get; }
}

/// <summary>What a parameter's text is written as before its schema checks it.</summary>
[GeneratedCode]
internal enum ParameterText
{
    /// <summary>A JSON string, whatever the text.</summary>
    String,

    /// <summary>A JSON number when the text is one, else a string (which the schema's <c>type</c> then rejects).</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c> when the text is one, else a string.</summary>
    Boolean,

    /// <summary>
    /// JSON text itself (a parameter declared with <c>content</c> <c>application/json</c>: <c>ids=["a","b"]</c>), at most
    /// <see cref="ParameterReading.MaxJsonLength"/> characters; anything else is a <c>json</c> error.
    /// </summary>
    Json,
}

/// <summary>
/// Reads the path, query and header parameters of one request: each value's text becomes the JSON value its
/// schema's <c>type</c> says (<c>5</c> a number, <c>open</c> a string, <c>tags=a&amp;tags=b</c> an array), the
/// schema's generated validator checks it, and it is bound to its C# type. Every error carries the parameter's
/// pointer (<c>/path/id</c>, <c>/query/page</c>, <c>/header/x-xsrf</c>); a missing required one is <c>required</c>.
/// </summary>
[GeneratedCode]
internal sealed class ParameterReading
{
    /// <summary>Binds the JSON value at the reader to <typeparamref name="T"/>; false when it cannot.</summary>
    internal delegate bool ValueReader<T>(ref global::System.Text.Json.Utf8JsonReader reader, out T value);

    private readonly global::System.Buffers.ArrayBufferWriter<byte> _buffer = new global::System.Buffers.ArrayBufferWriter<byte>(256);
    private readonly global::System.Text.Json.Utf8JsonWriter _writer;
    private ValidationContext _context;

    /// <summary>A reading that keeps at most <paramref name="maxErrors"/> errors (the rest are counted).</summary>
    internal ParameterReading(int maxErrors)
    {
        _writer = new global::System.Text.Json.Utf8JsonWriter(_buffer);
        _context = new ValidationContext(maxErrors);
    }

    /// <summary>
    /// The longest JSON parameter read (in characters). Kestrel bounds a request line (8 KiB) and its headers (32 KiB) by
    /// default, other servers may not: this keeps what one parameter makes the reader and the validator do small whatever the host.
    /// </summary>
    internal const int MaxJsonLength = 16 * 1024;

    /// <summary>Whether any parameter was missing or invalid.</summary>
    internal bool HasErrors => _context.ErrorCount > 0;

    /// <summary>Every error found (see <see cref="ValidationContext.ToErrors"/>).</summary>
    internal global::System.Collections.Generic.IReadOnlyList<ValidationError> Errors => _context.ToErrors() ?? global::System.Array.Empty<ValidationError>();

    /// <summary>The text of a path parameter (route values are decoded by routing); no value when the route has none.</summary>
    internal static global::Microsoft.Extensions.Primitives.StringValues Path(global::Microsoft.AspNetCore.Http.HttpRequest request, string name)
        => request.RouteValues.TryGetValue(name, out var value) && value?.ToString() is { } text
            ? new global::Microsoft.Extensions.Primitives.StringValues(text)
            : global::Microsoft.Extensions.Primitives.StringValues.Empty;

    /// <summary>
    /// One parameter: <paramref name="values"/> (none when absent) written as JSON, checked by <paramref name="validate"/>
    /// and bound by <paramref name="bind"/>. An absent one takes <paramref name="defaultJson"/> when there is one, is a
    /// <c>required</c> error when <paramref name="required"/>, else is <paramref name="absent"/>; so is an invalid one.
    /// With <paramref name="array"/> every value (and item of a <paramref name="split"/> one: a comma-separated list, an
    /// array outside an exploded query) is an item.
    /// </summary>
    internal T Read<T>(
        global::Microsoft.Extensions.Primitives.StringValues values,
        string pointer,
        ParameterText text,
        bool array,
        bool split,
        bool required,
        global::System.ReadOnlySpan<byte> defaultJson,
        SchemaValidators.Validator? validate,
        ValueReader<T> bind,
        string bindMessage,
        T absent)
    {
        if (!TryJson(values, pointer, text, array, split, required, defaultJson, validate, out var json))
        {
            return absent;
        }

        var reader = new global::System.Text.Json.Utf8JsonReader(json);
        reader.Read();
        if (!bind(ref reader, out var value))
        {
            _context.AddAt(pointer, "type", global::CaseContracts.Internal.JsonSupport.ValueText(ref reader), bindMessage);
            return absent;
        }

        return value;
    }

    /// <summary>An optional parameter of a value type (see <see cref="Read{T}"/>): null when absent or invalid.</summary>
    internal T? ReadOptional<T>(
        global::Microsoft.Extensions.Primitives.StringValues values,
        string pointer,
        ParameterText text,
        global::System.ReadOnlySpan<byte> defaultJson,
        SchemaValidators.Validator? validate,
        ValueReader<T> bind,
        string bindMessage)
        where T : struct
    {
        if (!TryJson(values, pointer, text, array: false, split: false, required: false, defaultJson, validate, out var json))
        {
            return null;
        }

        var reader = new global::System.Text.Json.Utf8JsonReader(json);
        reader.Read();
        if (!bind(ref reader, out var value))
        {
            _context.AddAt(pointer, "type", global::CaseContracts.Internal.JsonSupport.ValueText(ref reader), bindMessage);
            return null;
        }

        return value;
    }

    /// <summary>An array parameter (see <see cref="Read{T}"/>): each item bound by <paramref name="bindItem"/>.</summary>
    internal global::System.Collections.Generic.IReadOnlyList<T>? ReadArray<T>(
        global::Microsoft.Extensions.Primitives.StringValues values,
        string pointer,
        ParameterText text,
        bool split,
        bool required,
        global::System.ReadOnlySpan<byte> defaultJson,
        SchemaValidators.Validator? validate,
        ValueReader<T> bindItem,
        string bindMessage)
    {
        if (!TryJson(values, pointer, text, array: true, split, required, defaultJson, validate, out var json))
        {
            return null;
        }

        var reader = new global::System.Text.Json.Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray)
        {
            // Only a default can be other than an array here: the schema's own validator would have said so.
            _context.AddAt(pointer, "type", global::CaseContracts.Internal.JsonSupport.ValueText(ref reader), "must be array");
            return null;
        }

        var items = new global::System.Collections.Generic.List<T>();
        var failed = false;
        while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
        {
            if (bindItem(ref reader, out var item))
            {
                items.Add(item);
            }
            else
            {
                _context.AddAt(pointer + "/" + items.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture), "type", global::CaseContracts.Internal.JsonSupport.ValueText(ref reader), bindMessage);
                failed = true;
                reader.Skip();
            }
        }

        return failed ? null : items;
    }

    // The parameter's value as JSON, checked by its schema; false when absent without a default, or invalid (reported).
    private bool TryJson(
        global::Microsoft.Extensions.Primitives.StringValues values,
        string pointer,
        ParameterText text,
        bool array,
        bool split,
        bool required,
        global::System.ReadOnlySpan<byte> defaultJson,
        SchemaValidators.Validator? validate,
        out global::System.ReadOnlySpan<byte> json)
    {
        json = default;
        if (values.Count == 0)
        {
            if (required)
            {
                _context.AddAt(pointer, "required", null, "is required");
                return false;
            }

            if (defaultJson.IsEmpty)
            {
                return false;
            }

            json = defaultJson;
        }
        else
        {
            if (text == ParameterText.Json && !CheckJson(values, pointer))
            {
                return false;
            }

            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            try
            {
                WriteJson(values, text, array, split);
                _writer.Flush();
            }
            catch (global::System.ArgumentException)
            {
                // Not expected (the writer replaces a lone surrogate, which HTTP cannot carry anyway): should an encoder
                // refuse a text, it is no value of any schema rather than an exception.
                _context.AddAt(pointer, "type", null, "is not valid text");
                return false;
            }

            json = _buffer.WrittenSpan;
        }

        if (validate is not null)
        {
            var errorsBefore = _context.ErrorCount;
            var reader = new global::System.Text.Json.Utf8JsonReader(json);
            reader.Read();
            validate(ref reader, ref _context);
            if (_context.ErrorCount != errorsBefore)
            {
                _context.Prefix(errorsBefore, pointer);
                return false;
            }
        }

        return true;
    }

    // Each value of a JSON parameter is one JSON document within the size limit; else a json error (the text shown cut short).
    private bool CheckJson(global::Microsoft.Extensions.Primitives.StringValues values, string pointer)
    {
        foreach (var value in values)
        {
            var text = value ?? string.Empty;
            if (text.Length > MaxJsonLength)
            {
                _context.AddAt(pointer, "json", global::CaseContracts.Internal.JsonSupport.Truncate(text),
                    "is longer than " + MaxJsonLength.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " characters, the most a JSON parameter may hold");
                return false;
            }

            if (!IsJsonDocument(text))
            {
                _context.AddAt(pointer, "json", global::CaseContracts.Internal.JsonSupport.Truncate(text), "is not valid JSON");
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> is exactly one JSON value (no comments, no trailing commas, nesting at most 64 deep).</summary>
    internal static bool IsJsonDocument(string text)
    {
        var bytes = global::System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new global::System.Text.Json.Utf8JsonReader(bytes, new global::System.Text.Json.JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (global::System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private void WriteJson(global::Microsoft.Extensions.Primitives.StringValues values, ParameterText text, bool array, bool split)
    {
        if (text == ParameterText.Json)
        {
            // The value is the document (an array parameter's too); a repeated one is an array of documents, which the
            // schema then judges like a repeated single parameter.
            if (values.Count == 1)
            {
                _writer.WriteRawValue(values[0] ?? string.Empty, skipInputValidation: true);
                return;
            }

            _writer.WriteStartArray();
            foreach (var value in values)
            {
                _writer.WriteRawValue(value ?? string.Empty, skipInputValidation: true);
            }

            _writer.WriteEndArray();
            return;
        }

        // One value of a single parameter is the value; several (a repeated query name, header lines) are an array,
        // which the schema of a single value rejects.
        if (!array && values.Count == 1)
        {
            WriteValue(values[0] ?? string.Empty, text);
            return;
        }

        _writer.WriteStartArray();
        foreach (var value in values)
        {
            if (split && array)
            {
                foreach (var item in (value ?? string.Empty).Split(','))
                {
                    WriteValue(item, text);
                }
            }
            else
            {
                WriteValue(value ?? string.Empty, text);
            }
        }

        _writer.WriteEndArray();
    }

    private void WriteValue(string value, ParameterText text)
    {
        if (text == ParameterText.Number && IsJsonNumber(value))
        {
            _writer.WriteRawValue(value, skipInputValidation: true);
        }
        else if (text == ParameterText.Boolean && value is "true" or "false")
        {
            _writer.WriteBooleanValue(value == "true");
        }
        else
        {
            _writer.WriteStringValue(value);
        }
    }

    /// <summary>Whether <paramref name="text"/> is a JSON number (RFC 8259: <c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>).</summary>
    internal static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i == text.Length || !IsDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (i == text.Length || !IsDigit(text[i]))
            {
                return false;
            }

            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (i == text.Length || !IsDigit(text[i]))
            {
                return false;
            }

            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        return i == text.Length;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>Binds a JSON string.</summary>
    internal static bool ReadString(ref global::System.Text.Json.Utf8JsonReader reader, out string value)
    {
        value = reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString()! : string.Empty;
        return reader.TokenType == global::System.Text.Json.JsonTokenType.String;
    }

    /// <summary>Binds an integer a <see cref="long"/> holds (<c>5</c>, not <c>5.5</c> nor <c>1e30</c>).</summary>
    internal static bool ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt64(out value);
    }

    /// <summary>Binds a finite number.</summary>
    internal static bool ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader, out double value)
    {
        value = 0;
        return reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDouble(out value) && double.IsFinite(value);
    }

    /// <summary>Binds <c>true</c> or <c>false</c>.</summary>
    internal static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == global::System.Text.Json.JsonTokenType.True;
        return reader.TokenType is global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False;
    }

    /// <summary>Binds a UUID written as RFC 9562 says (<c>8-4-4-4-12</c> hexadecimal digits).</summary>
    internal static bool ReadGuid(ref global::System.Text.Json.Utf8JsonReader reader, out global::System.Guid value)
    {
        value = default;
        return reader.TokenType == global::System.Text.Json.JsonTokenType.String && global::System.Guid.TryParseExact(reader.GetString(), "D", out value);
    }
}

/// <summary>The plumbing of the endpoints an OpenAPI document declares: mapping, and writing a declared response.</summary>
[GeneratedCode]
internal static class ContractOperations
{
    private static readonly string[] s_json = { "application/json" };

    /// <summary>Maps <paramref name="invoke"/> with the operation's method and route, and the metadata that describes it (errors as <paramref name="errorContentType"/>).</summary>
    internal static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(
        global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints,
        ApiOperationMetadata operation,
        global::Microsoft.AspNetCore.Http.RequestDelegate invoke,
        string? summary,
        string? description,
        string[] tags,
        string errorContentType)
    {
        var builder = global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapMethods(endpoints, operation.Route, new[] { operation.Method }, invoke);
        var errors = new[] { errorContentType };
        global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions.WithMetadata(
            builder,
            // ApiExplorer, and so an OpenAPI document built from the endpoints, lists only endpoints whose metadata holds a MethodInfo.
            invoke.Method,
            operation,
            new global::Microsoft.AspNetCore.Routing.EndpointNameMetadata(operation.OperationId),
            new global::Microsoft.AspNetCore.Http.TagsAttribute(tags));
        foreach (var status in operation.Statuses)
        {
            // Status codes without types: the bodies' schemas are the schema files', not a reflection over C# types.
            global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions.WithMetadata(
                builder, new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(status, null, status >= 400 ? errors : s_json));
        }

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

    /// <summary>Answers 400 with every parameter error, in the API's error format.</summary>
    internal static global::System.Threading.Tasks.Task AnswerInvalidParametersAsync(global::Microsoft.AspNetCore.Http.HttpContext context, ParameterReading parameters, ContractErrorFormat errors)
        => errors.WriteAsync(context.Response, context.RequestAborted, RequestProblem.InvalidParameters, 400, null, parameters.Errors);

    /// <summary>Answers <paramref name="statusCode"/> with the JSON body <paramref name="value"/> (and a <c>Location</c> when given).</summary>
    internal static global::System.Threading.Tasks.ValueTask WriteJsonAsync<T>(global::Microsoft.AspNetCore.Http.HttpContext context, int statusCode, T value, global::System.Action<T, global::System.Text.Json.Utf8JsonWriter> write, string? location)
    {
        if (location is not null)
        {
            context.Response.Headers.Location = location;
        }

        return ContractEndpoints.WriteJsonAsync(context.Response, statusCode, value, write, context.RequestAborted);
    }

    /// <summary>Answers <paramref name="statusCode"/> without a body (and a <c>Location</c> when given).</summary>
    internal static global::System.Threading.Tasks.ValueTask WriteEmptyAsync(global::Microsoft.AspNetCore.Http.HttpContext context, int statusCode, string? location)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        // 204 and 304 carry no body, and so no length; any other status says it has none.
        if (statusCode is not (204 or 304))
        {
            response.ContentLength = 0;
        }

        return default;
    }
}
