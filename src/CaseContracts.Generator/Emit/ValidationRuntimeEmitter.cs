namespace CaseContracts.Generator.Emit;

/// <summary>
/// The public validation result types (<c>ValidationError</c>, <c>ParseResult&lt;T&gt;</c>) and the
/// internal state the generated validators share, emitted once into the contract's namespace (public
/// types there cannot clash with another assembly's CaseContracts output).
/// </summary>
internal static class ValidationRuntimeEmitter
{
    public static string HintName(string @namespace) => @namespace + ".Validation.g.cs";

    public static string Emit(string @namespace)
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + @namespace);
        foreach (var line in Body.Replace("[GeneratedCode]", SourceWriter.GeneratedCodeAttribute).Split('\n'))
        {
            writer.Line(line.TrimEnd('\r'));
        }

        writer.Close();
        return writer.ToString();
    }

    private const string Body = """
/// <summary>One way a JSON value breaks its schema.</summary>
/// <param name="Path">JSON Pointer (RFC 6901) of the offending value, <c>""</c> for the document itself.</param>
/// <param name="Keyword">The schema keyword that failed (<c>type</c>, <c>required</c>, <c>additionalProperties</c>…).</param>
/// <param name="Value">The offending value as JSON text, truncated; null when the value is absent (a missing property).</param>
/// <param name="Message">What is wrong, in plain words.</param>
[GeneratedCode]
public sealed record ValidationError(string Path, string Keyword, string? Value, string Message)
{
    private string _path = Path;

    /// <summary>JSON Pointer (RFC 6901) of the offending value, <c>""</c> for the document itself.</summary>
    public string Path { get => _path; init => _path = value; }

    /// <summary>For limit keywords (<c>minLength</c>, <c>maxLength</c>, <c>minItems</c>, <c>maxItems</c>, <c>minimum</c>…): the schema's limit.</summary>
    public string? Limit { get; init; }

    // A validation run completes the pointer once it knows every enclosing member, before handing the error out.
    internal void CompletePath(string path) => _path = path;
}

/// <summary>Renders validation errors the way Kibana's HTTP API words them.</summary>
[GeneratedCode]
public static class KibanaMessages
{
    /// <summary>
    /// One message for all errors, comma-joined as Kibana joins them: <c>Invalid value "5" supplied to "connector,fields,issueType"</c>,
    /// <c>invalid keys "a,b"</c> (unknown properties of one object together), and the limit messages
    /// (<c>The length of the title is too long. The maximum length is 160.</c>…).
    /// </summary>
    public static string Format(global::System.Collections.Generic.IEnumerable<ValidationError> errors)
    {
        var parts = new global::System.Collections.Generic.List<string>();
        var unknownKeys = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<string>>();
        foreach (var error in errors)
        {
            var keys = Keys(error.Path);
            if (error.Keyword == "additionalProperties" && keys.Count > 0)
            {
                var parent = error.Path.Substring(0, error.Path.LastIndexOf('/'));
                if (!unknownKeys.TryGetValue(parent, out var names))
                {
                    unknownKeys.Add(parent, names = new global::System.Collections.Generic.List<string>());
                    parts.Add("\u0000" + parent);
                }

                names.Add(keys[keys.Count - 1]);
                continue;
            }

            parts.Add(Format(error, keys));
        }

        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].StartsWith("\u0000", global::System.StringComparison.Ordinal))
            {
                parts[i] = "invalid keys \"" + string.Join(",", unknownKeys[parts[i].Substring(1)]) + "\"";
            }
        }

        return string.Join(",", parts);
    }

    private static string Format(ValidationError error, global::System.Collections.Generic.List<string> keys)
    {
        var field = keys.Count == 0 ? "value" : keys[keys.Count - 1];
        switch (error.Keyword)
        {
            case "maxLength":
                return "The length of the " + field + " is too long. The maximum length is " + error.Limit + ".";
            case "minLength" when error.Value == "":
                return "The " + field + " field cannot be an empty string.";
            case "maxItems":
                return "The length of the field " + field + " is too long. Array must be of length <= " + error.Limit + ".";
            default:
                return "Invalid value \"" + (error.Keyword == "required" ? "undefined" : error.Value) + "\" supplied to \"" + string.Join(",", keys) + "\"";
        }
    }

    // "/connector/fields/issueType" → connector, fields, issueType ("" is the document itself).
    private static global::System.Collections.Generic.List<string> Keys(string pointer)
    {
        var keys = new global::System.Collections.Generic.List<string>();
        if (pointer.Length > 0)
        {
            foreach (var segment in pointer.Substring(1).Split('/'))
            {
                keys.Add(segment.Replace("~1", "/").Replace("~0", "~"));
            }
        }

        return keys;
    }
}

/// <summary>
/// The outcome of reading JSON against its schema: the value when the JSON is valid; otherwise every
/// schema error, or, for text that is not JSON at all, <see cref="MalformedMessage"/>. A struct, so
/// reading valid input allocates nothing beyond the value itself.
/// </summary>
[GeneratedCode]
public readonly struct ParseResult<T>
    where T : class
{
    private ParseResult(T? value, global::System.Collections.Generic.IReadOnlyList<ValidationError> errors, string? malformedMessage)
    {
        Value = value;
        Errors = errors;
        MalformedMessage = malformedMessage;
    }

    /// <summary>The value; null unless <see cref="IsValid"/>.</summary>
    public T? Value { get; }

    /// <summary>Every schema error found (empty when valid or malformed).</summary>
    public global::System.Collections.Generic.IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Why the input is not JSON (syntax, nesting deeper than 64, incomplete); null otherwise.</summary>
    public string? MalformedMessage { get; }

    /// <summary>True when the input is JSON that satisfies the schema.</summary>
    [global::System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>True when the input is not well-formed JSON (a different answer from a schema violation).</summary>
    public bool IsMalformed => MalformedMessage is not null;

    internal static ParseResult<T> Valid(T value) => new(value, global::System.Array.Empty<ValidationError>(), null);

    internal static ParseResult<T> Invalid(global::System.Collections.Generic.IReadOnlyList<ValidationError> errors) => new(null, errors, null);

    internal static ParseResult<T> Malformed(string message) => new(null, global::System.Array.Empty<ValidationError>(), message);
}

/// <summary>Entry points of the generated validators.</summary>
[GeneratedCode]
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
internal static partial class SchemaValidators
{
    /// <summary>A generated validator: checks the value at the reader and leaves the reader on its last token.</summary>
    internal delegate void Validator(ref global::System.Text.Json.Utf8JsonReader reader, ref ValidationContext context);

    /// <summary>
    /// Validates a whole document in one pass: null when valid, else every error. Text that is not JSON
    /// (syntax, nesting deeper than 64, trailing content) is reported through <paramref name="malformed"/>.
    /// </summary>
    internal static global::System.Collections.Generic.IReadOnlyList<ValidationError>? Run(global::System.ReadOnlySpan<byte> utf8Json, Validator validate, out string? malformed)
    {
        malformed = null;
        var reader = new global::System.Text.Json.Utf8JsonReader(utf8Json, global::CaseContracts.Internal.JsonSupport.ReaderOptions);
        var context = new ValidationContext();
        try
        {
            global::CaseContracts.Internal.JsonSupport.Next(ref reader);
            validate(ref reader, ref context);
            if (reader.Read())
            {
                throw new global::System.Text.Json.JsonException("Unexpected content after the JSON value.");
            }
        }
        catch (global::System.Text.Json.JsonException e)
        {
            malformed = e.Message;
            return null;
        }
        catch (global::System.InvalidOperationException)
        {
            // Well-formed JSON whose string is not valid Unicode ("\ud800" alone): the validators cannot
            // read it as text, so it cannot be shown valid.
            return new[] { new ValidationError("", "type", null, global::CaseContracts.Internal.JsonSupport.InvalidUnicodeMessage) };
        }

        return context.ToErrors();
    }

    /// <summary>A generated validating reader: binds and checks the value at the reader in one pass; null when it has errors.</summary>
    internal delegate T? ValidatingReader<T>(ref global::System.Text.Json.Utf8JsonReader reader, ref ValidationContext context)
        where T : class;

    /// <summary>Reads and validates a whole document in one pass with a validating reader.</summary>
    internal static ParseResult<T> ParseValidated<T>(global::System.ReadOnlySpan<byte> utf8Json, ValidatingReader<T> read)
        where T : class
    {
        var reader = new global::System.Text.Json.Utf8JsonReader(utf8Json, global::CaseContracts.Internal.JsonSupport.ReaderOptions);
        var context = new ValidationContext();
        T? value;
        try
        {
            global::CaseContracts.Internal.JsonSupport.Next(ref reader);
            value = read(ref reader, ref context);
            if (reader.Read())
            {
                throw new global::System.Text.Json.JsonException("Unexpected content after the JSON value.");
            }
        }
        catch (global::System.Text.Json.JsonException e)
        {
            return ParseResult<T>.Malformed(e.Message);
        }
        catch (global::System.InvalidOperationException)
        {
            // Well-formed JSON whose string is not valid Unicode ("\ud800" alone): no .NET string can hold
            // it, so no value of T can be built. An error about the value, not a syntax problem.
            return ParseResult<T>.Invalid(new[] { new ValidationError("", "type", null, global::CaseContracts.Internal.JsonSupport.InvalidUnicodeMessage) });
        }

        if (context.ToErrors() is { } errors)
        {
            return ParseResult<T>.Invalid(errors);
        }

        // A schema that allows null at the root: null is valid JSON but no value of T.
        return value is null ? ParseResult<T>.Invalid(new[] { new ValidationError("", "type", "null", "must be an object") }) : ParseResult<T>.Valid(value);
    }

    /// <summary>The default input limit of <c>TryParseAsync</c>: 1 MiB (Kibana's <c>server.maxPayload</c>).</summary>
    internal const long DefaultMaxBytes = 1024 * 1024;

    internal static string TooLargeMessage(long maxBytes) => "The JSON input is larger than " + maxBytes + " bytes.";

    /// <summary>Reads a stream to its end into one buffer, or null as soon as it exceeds <paramref name="maxBytes"/>.</summary>
    internal static async global::System.Threading.Tasks.ValueTask<global::System.ReadOnlyMemory<byte>?> ReadAllAsync(global::System.IO.Stream stream, long maxBytes, global::System.Threading.CancellationToken cancellationToken)
    {
        var buffer = new global::System.IO.MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return new global::System.ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
            }

            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }
}

/// <summary>
/// The errors of one validation run, passed by reference through the generated validators (a struct: a
/// valid document allocates nothing here). Paths are resolved once, at the end: a validator reports an
/// error relative to the value it checks, and each enclosing member or element only records, when errors
/// came back, that they lie inside it (a constant pointer, a name or an index, no string work), so valid
/// input does no path work and each error's JSON Pointer is built once, or not at all when it is a
/// constant of the generated code (a member of the document's root).
/// </summary>
[GeneratedCode]
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
internal struct ValidationContext
{
    // The bookkeeping arrays of the thread's last run, reused: a run that finds errors allocates only what it
    // hands out. A run in progress owns them (a run within it gets its own).
    [global::System.ThreadStatic]
    private static Entry[]? t_errors;

    [global::System.ThreadStatic]
    private static Segment[]? t_segments;

    // Longer arrays are let go rather than kept per thread.
    private const int MaxKeptLength = 1024;

    private Entry[]? _errors;
    private int _errorCount;
    private Segment[]? _segments;
    private int _segmentCount;

    public readonly int ErrorCount => _errorCount;

    /// <summary>Drops errors added after <paramref name="count"/> (a failed branch of anyOf/oneOf).</summary>
    public void Truncate(int count)
    {
        if (count == _errorCount)
        {
            return;
        }

        // Cleared, so that an array kept for the thread's next run holds no error.
        global::System.Array.Clear(_errors!, count, _errorCount - count);
        _errorCount = count;
        // Segments recorded since then (the log's tail) cover only dropped errors.
        var segments = _segmentCount;
        while (_segmentCount > 0 && _segments![_segmentCount - 1].Since >= count)
        {
            _segmentCount--;
        }

        if (segments != _segmentCount)
        {
            global::System.Array.Clear(_segments!, _segmentCount, segments - _segmentCount);
        }
    }

    /// <summary>An error about the value being checked.</summary>
    public void Add(string keyword, string? value, string message, string? limit = null)
        => Append(new ValidationError("", keyword, value, message) { Limit = limit }, null);

    /// <summary>An error about the member of the object being checked at <paramref name="pointer"/>: a constant such as <c>"/title"</c>, escaped as RFC 6901 says.</summary>
    public void AddAt(string pointer, string keyword, string? value, string message)
        => Append(new ValidationError(pointer, keyword, value, message), null);

    /// <summary>An error about the member <paramref name="name"/> (as read from the document) of the object being checked.</summary>
    public void AddForMember(string name, string keyword, string? value, string message)
        => Append(new ValidationError("", keyword, value, message), name);

    /// <summary>The errors added since <paramref name="since"/> lie inside the member at <paramref name="pointer"/> (a constant such as <c>"/title"</c>).</summary>
    public void Prefix(int since, string pointer) => Enclose(since, new Segment(pointer, null, 0));

    /// <summary>The errors added since <paramref name="since"/> lie inside the member <paramref name="name"/> (as read from the document).</summary>
    public void PrefixMember(int since, string name) => Enclose(since, new Segment(null, name, 0));

    /// <summary>The errors added since <paramref name="since"/> lie inside element <paramref name="index"/>.</summary>
    public void Prefix(int since, int index) => Enclose(since, new Segment(null, null, index));

    /// <summary>
    /// Every error with its complete JSON Pointer, in the order found; null when there is none. Called once,
    /// when the run ends: it completes the pointers of the errors in place and gives the arrays back to the thread.
    /// </summary>
    public ValidationError[]? ToErrors()
    {
        ValidationError[]? errors = null;
        if (_errorCount > 0)
        {
            errors = new ValidationError[_errorCount];
            for (var i = 0; i < _errorCount; i++)
            {
                ref readonly var entry = ref _errors![i];
                if (entry.Innermost >= 0 || entry.Member is not null)
                {
                    var enclosing = entry.Innermost >= 0 ? PointerOf(entry.Innermost) : string.Empty;
                    entry.Error.CompletePath(entry.Member is { } member
                        ? string.Concat(enclosing, "/", Segment.Escape(member))
                        : string.Concat(enclosing, entry.Error.Path));
                }

                errors[i] = entry.Error;
            }
        }

        Release();
        return errors;
    }

    private void Append(ValidationError error, string? member)
    {
        if (_errors is null || _errorCount == _errors.Length)
        {
            Grow(ref _errors, ref t_errors, _errorCount);
        }

        _errors![_errorCount++] = new Entry { Error = error, Member = member, Innermost = -1, Outermost = -1 };
    }

    // Links the errors since `since` (and the segments they already lie in) to one new enclosing segment:
    // work proportional to the errors times their depth, and no strings.
    private void Enclose(int since, Segment segment)
    {
        if (_segments is null || _segmentCount == _segments.Length)
        {
            Grow(ref _segments, ref t_segments, _segmentCount);
        }

        var index = _segmentCount++;
        segment.Since = since;
        _segments![index] = segment;
        for (var i = since; i < _errorCount; i++)
        {
            ref var entry = ref _errors![i];
            if (entry.Outermost >= 0)
            {
                _segments[entry.Outermost].Parent = index;
            }
            else
            {
                entry.Innermost = index;
            }

            entry.Outermost = index;
        }
    }

    // The first array of a run is the thread's kept one, if any; later ones double.
    private static void Grow<T>(ref T[]? array, ref T[]? kept, int count)
    {
        if (array is null)
        {
            array = kept ?? new T[16];
            kept = null;
        }
        else
        {
            global::System.Array.Resize(ref array, count * 2);
        }
    }

    private void Release()
    {
        if (_errors is { Length: <= MaxKeptLength } errors)
        {
            global::System.Array.Clear(errors, 0, _errorCount);
            t_errors = errors;
        }

        if (_segments is { Length: <= MaxKeptLength } segments)
        {
            global::System.Array.Clear(segments, 0, _segmentCount);
            t_segments = segments;
        }

        this = default;
    }

    // The pointer of a segment, from the document's root, built once: errors in the same member share it.
    private string PointerOf(int segment)
    {
        ref var enclosing = ref _segments![segment];
        if (enclosing.Full is null)
        {
            var parent = enclosing.Parent < 0 ? string.Empty : PointerOf(enclosing.Parent);
            enclosing.Full = enclosing.Pointer is { } pointer
                ? string.Concat(parent, pointer)
                : string.Concat(parent, "/", enclosing.Name is { } name ? Segment.Escape(name) : enclosing.Index.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        }

        return enclosing.Full;
    }

    private struct Entry
    {
        public ValidationError Error;
        public string? Member;
        public int Innermost;
        public int Outermost;
    }

    /// <summary>A member (a constant pointer, or a name as read) or an element index that encloses the errors since <see cref="Since"/>.</summary>
    private struct Segment
    {
        public Segment(string? pointer, string? name, int index)
        {
            Pointer = pointer;
            Name = name;
            Index = index;
            Since = 0;
            Parent = -1;
            Full = null;
        }

        public readonly string? Pointer;
        public readonly string? Name;
        public readonly int Index;
        public int Since;
        public int Parent;

        /// <summary>The pointer from the document's root, once built.</summary>
        public string? Full;

        /// <summary>A name as RFC 6901 writes it in a pointer: "~" and "/" escaped.</summary>
        public static string Escape(string name)
            => name.IndexOf('~') < 0 && name.IndexOf('/') < 0 ? name : name.Replace("~", "~0").Replace("/", "~1");
    }
}
""";
}
