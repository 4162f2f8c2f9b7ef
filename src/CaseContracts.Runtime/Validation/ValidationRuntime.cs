// Emitted by ValidationRuntimeEmitter into each contract's namespace, as <namespace>.Validation.g.cs; the namespace
// below is only where the repository compiles it. Written as generated code is: global::-qualified names,
// [GeneratedCode] standing for the generator's attribute.

namespace CaseContracts.Runtime;

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
    internal static global::System.Collections.Generic.IReadOnlyList<ValidationError>? Run(global::System.ReadOnlySpan<byte> utf8Json, Validator validate, out string? malformed, int maxErrors = DefaultMaxErrors)
    {
        malformed = null;
        using var skips = SkipIndex.For(utf8Json);
        var reader = new global::System.Text.Json.Utf8JsonReader(skips is null ? utf8Json : skips.Document, global::CaseContracts.Internal.JsonSupport.ReaderOptions);
        var context = new ValidationContext(maxErrors, skips);
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
            return new[] { InvalidUnicode(utf8Json) };
        }

        return context.ToErrors();
    }

    /// <summary>
    /// The validator of a <c>$ref</c> that closes a cycle of schemas applied to the same value (diagnostic
    /// CC0008): following it would never end, so the value is rejected here instead.
    /// </summary>
    internal static void RejectReferenceCycle(ref global::System.Text.Json.Utf8JsonReader reader, ref ValidationContext context)
    {
        context.Add("$ref", null, "the schema refers to itself without end (see diagnostic CC0008)");
        context.Skip(ref reader);
    }

    /// <summary>A generated <c>*_Evaluated</c> method (what a position evaluates, for <c>unevaluated*</c>).</summary>
    internal delegate void CollectEvaluatedMethod(global::System.Text.Json.Utf8JsonReader reader, ref ValidationContext context, EvaluatedLocations evaluated, bool nested);

    /// <summary>
    /// Follows a dynamic reference (<c>$dynamicRef</c>, <c>$recursiveRef</c>): to the outermost resource in the dynamic scope that
    /// declares its anchor, else to <paramref name="initial"/>. A chain deeper than values can nest is cut with an error.
    /// </summary>
    internal static void FollowDynamic(string name, Validator initial, ref global::System.Text.Json.Utf8JsonReader reader, ref ValidationContext context)
    {
        if (context.DynamicDepth > 512)
        {
            context.Add("$dynamicRef", null, "the schema refers to itself without end");
            context.Skip(ref reader);
            return;
        }

        context.DynamicDepth++;
        (context.FindDynamic(name)?.Validate ?? initial)(ref reader, ref context);
        context.DynamicDepth--;
    }

    /// <summary>What the target of a dynamic reference evaluates (see <see cref="FollowDynamic"/>).</summary>
    internal static void CollectDynamic(string name, CollectEvaluatedMethod initial, global::System.Text.Json.Utf8JsonReader reader, ref ValidationContext context, EvaluatedLocations evaluated)
    {
        if (context.DynamicDepth > 512)
        {
            return;
        }

        context.DynamicDepth++;
        (context.FindDynamic(name)?.Collect ?? initial)(reader, ref context, evaluated, true);
        context.DynamicDepth--;
    }

    /// <summary>A generated validating reader: binds and checks the value at the reader in one pass; null when it has errors.</summary>
    internal delegate T? ValidatingReader<T>(ref global::System.Text.Json.Utf8JsonReader reader, ref ValidationContext context)
        where T : class;

    /// <summary>Reads and validates a whole document in one pass with a validating reader.</summary>
    internal static ParseResult<T> ParseValidated<T>(global::System.ReadOnlySpan<byte> utf8Json, ValidatingReader<T> read, int maxErrors = DefaultMaxErrors)
        where T : class
    {
        using var skips = SkipIndex.For(utf8Json);
        var reader = new global::System.Text.Json.Utf8JsonReader(skips is null ? utf8Json : skips.Document, global::CaseContracts.Internal.JsonSupport.ReaderOptions);
        var context = new ValidationContext(maxErrors, skips);
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
            return ParseResult<T>.Invalid(new[] { InvalidUnicode(utf8Json) });
        }

        if (context.ToErrors() is { } errors)
        {
            return ParseResult<T>.Invalid(errors);
        }

        // A schema that allows null at the root: null is valid JSON but no value of T.
        return value is null ? ParseResult<T>.Invalid(new[] { new ValidationError("", "type", "null", "must be an object") }) : ParseResult<T>.Valid(value);
    }

    /// <summary>
    /// The error for the first string of <paramref name="utf8Json"/>, in document order, that is not valid Unicode: at
    /// its path, with its text as written (escapes kept); a property name that is not is reported at its object. Found
    /// by reading the document again, so the cost falls on this rare error alone, and the answer does not depend on
    /// which string a validator happened to decode first.
    /// </summary>
    private static ValidationError InvalidUnicode(global::System.ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return FirstInvalidUnicode(utf8Json) ?? Unlocated();
        }
        catch (global::System.Text.Json.JsonException)
        {
            // Text the failed run never reached is not JSON: the string that stopped it stays unlocated.
            return Unlocated();
        }

        static ValidationError Unlocated() => new("", "type", null, global::CaseContracts.Internal.JsonSupport.InvalidUnicodeMessage);
    }

    private static ValidationError? FirstInvalidUnicode(global::System.ReadOnlySpan<byte> utf8Json)
    {
        var reader = new global::System.Text.Json.Utf8JsonReader(utf8Json, global::CaseContracts.Internal.JsonSupport.ReaderOptions);
        var pointers = new global::System.Collections.Generic.List<string>();
        var nextIndices = new global::System.Collections.Generic.List<int>(); // per open container: -1 for an object
        var member = "";
        while (reader.Read())
        {
            var depth = pointers.Count;
            switch (reader.TokenType)
            {
                case global::System.Text.Json.JsonTokenType.EndObject:
                case global::System.Text.Json.JsonTokenType.EndArray:
                    pointers.RemoveAt(depth - 1);
                    nextIndices.RemoveAt(depth - 1);
                    continue;
                case global::System.Text.Json.JsonTokenType.PropertyName:
                    if (!IsValidUnicode(ref reader))
                    {
                        return InvalidUnicodeAt(pointers[depth - 1], ref reader);
                    }

                    member = ValidationContext.JoinedPointer.Member(reader.GetString()!);
                    continue;
            }

            var pointer = depth == 0 ? ""
                : nextIndices[depth - 1] < 0 ? pointers[depth - 1] + member
                : pointers[depth - 1] + ValidationContext.JoinedPointer.Element(nextIndices[depth - 1]++);
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && !IsValidUnicode(ref reader))
            {
                return InvalidUnicodeAt(pointer, ref reader);
            }

            if (reader.TokenType is global::System.Text.Json.JsonTokenType.StartObject or global::System.Text.Json.JsonTokenType.StartArray)
            {
                pointers.Add(pointer);
                nextIndices.Add(reader.TokenType == global::System.Text.Json.JsonTokenType.StartArray ? 0 : -1);
            }
        }

        return null;
    }

    // Whether the string decodes: the reader checks neither the UTF-8 inside strings nor what their escapes make.
    private static bool IsValidUnicode(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (global::System.InvalidOperationException)
        {
            return false;
        }
    }

    private static ValidationError InvalidUnicodeAt(string pointer, ref global::System.Text.Json.Utf8JsonReader reader)
    {
        var written = global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        return new ValidationError(pointer, "type", global::CaseContracts.Internal.JsonSupport.Truncate(written), global::CaseContracts.Internal.JsonSupport.InvalidUnicodeMessage);
    }

    /// <summary>
    /// How many errors a run reports unless told otherwise: enough for any document written in good faith, and a
    /// bound on what a hostile one costs (a 1 MiB array of wrong values would otherwise give half a million).
    /// </summary>
    internal const int DefaultMaxErrors = 100;

    /// <summary>The default input limit of <c>TryParseAsync</c>: 1 MiB.</summary>
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
/// valid document allocates nothing here). A validator reports an error relative to the value it checks;
/// each enclosing member or element, only when errors came back from it, puts its pointer in front of
/// theirs. Those pointers are constants of the generated code ("/title") or made of constants, so the
/// joined pointers are kept (<see cref="JoinedPointer"/>): an error at a fixed place costs no string work
/// once a run has met it, and valid input does no path work at all.
/// </summary>
[GeneratedCode]
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
internal struct ValidationContext
{
    /// <summary>The keyword of the last error when more were found than reported.</summary>
    public const string ErrorLimitKeyword = "errorLimit";

    private ValidationError[]? _errors;

    // Every error counts (the verdicts of anyOf, oneOf and the readers compare counts), but only the first
    // _maxErrors are kept: errors past the limit cost neither an object nor path work.
    private int _errorCount;
    private readonly int _maxErrors;

    /// <summary>A run that keeps at most <paramref name="maxErrors"/> errors (the rest are counted, not kept).</summary>
    /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="maxErrors"/> is not positive.</exception>
    public ValidationContext(int maxErrors)
        : this(maxErrors, null)
    {
    }

    /// <summary>A run over a whole document that steps over its large values with <paramref name="skips"/> (see <see cref="SkipIndex"/>).</summary>
    /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="maxErrors"/> is not positive.</exception>
    public ValidationContext(int maxErrors, SkipIndex? skips)
    {
        _maxErrors = maxErrors > 0 ? maxErrors : throw new global::System.ArgumentOutOfRangeException(nameof(maxErrors), maxErrors, "At least one error must be reported.");
        _errors = null;
        _errorCount = 0;
        _pathsNotJoinable = 0;
        _skips = skips;
    }

    // Null for short documents and for values that are not a whole document (parameters): the reader's own Skip then.
    private readonly SkipIndex? _skips;

    /// <summary>
    /// Steps over the value at <paramref name="reader"/> (or, on a property name, its value), leaving the reader on the
    /// value's last token, as <see cref="global::System.Text.Json.Utf8JsonReader.Skip"/> does. Applicators read a value
    /// once for each schema they apply, so a large value is stepped over again and again: those steps jump.
    /// </summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public readonly void Skip(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (_skips is null)
        {
            reader.Skip();
        }
        else
        {
            _skips.Skip(ref reader);
        }
    }

    /// <summary>
    /// The members of the object at <paramref name="reader"/> (on its start), read once per document for every schema
    /// that looks them up by name (see <see cref="MemberTable"/>); null when the document is not indexed: then the
    /// object is read.
    /// </summary>
    public readonly MemberTable? Members(ref global::System.Text.Json.Utf8JsonReader reader) => _skips?.Members(ref reader);

    /// <summary>Whether the document is indexed, so objects have member tables (see <see cref="MemberTable"/>).</summary>
    public readonly bool HasMemberTables => _skips is not null;

    /// <summary>
    /// A table to fill while a validator's own member loop reads the object at <paramref name="reader"/> (see
    /// <see cref="SkipIndex.Record"/>); null when the document is not indexed or the object has a table.
    /// </summary>
    public readonly MemberTable? Record(ref global::System.Text.Json.Utf8JsonReader reader) => _skips?.Record(ref reader);

    /// <summary>The table of the object at <paramref name="reader"/> when a validator has read it already; null otherwise (nothing is read).</summary>
    public readonly MemberTable? Recorded(ref global::System.Text.Json.Utf8JsonReader reader) => _skips?.Recorded(ref reader);

    /// <summary>
    /// Puts the errors added since <paramref name="applied"/> before those added from <paramref name="own"/> to it: a
    /// validator that ran its own checks first (recording the object's members) and its in-place schemas after reports
    /// what running them the other way round would. False when errors were dropped at the limit since
    /// <paramref name="own"/>: which ones are kept depends on the order, so the caller truncates and runs both again in order.
    /// </summary>
    public bool PutBefore(int own, int applied)
    {
        if (_verdicts > 0 || applied == own || _errorCount == applied || own >= MaxErrors)
        {
            return true;
        }

        if (_errorCount > MaxErrors)
        {
            return false;
        }

        global::System.Array.Reverse(_errors!, own, applied - own);
        global::System.Array.Reverse(_errors!, applied, _errorCount - applied);
        global::System.Array.Reverse(_errors!, own, _errorCount - own);
        if (own < 64)
        {
            // The moved errors' paths are joined by concatenation: the same text, without tracking which were constants.
            _pathsNotJoinable |= ~((1UL << own) - 1);
        }

        return true;
    }

    // A default-constructed context keeps the default number.
    private readonly int MaxErrors => _maxErrors == 0 ? SchemaValidators.DefaultMaxErrors : _maxErrors;

    private readonly int KeptCount => _errorCount < MaxErrors ? _errorCount : MaxErrors;

    // Bit i set: the path of error i is not made of constants alone (a name read from the document, or an element
    // beyond the kept ones), so it is joined by concatenation. Errors from the 64th on are all taken as such.
    private ulong _pathsNotJoinable;

    // The schema resources entered that declare dynamic anchors ($dynamicAnchor, $recursiveAnchor), outermost first:
    // null unless a schema uses them, so no other validation pays for it.
    private global::System.Collections.Generic.List<DynamicAnchor[]>? _dynamicScope;

    /// <summary>Enters a schema resource that declares <paramref name="anchors"/> (the dynamic scope of <c>$dynamicRef</c>).</summary>
    public void EnterScope(DynamicAnchor[] anchors) => (_dynamicScope ??= new global::System.Collections.Generic.List<DynamicAnchor[]>()).Add(anchors);

    /// <summary>Leaves the resource entered last.</summary>
    public readonly void LeaveScope() => _dynamicScope!.RemoveAt(_dynamicScope.Count - 1);

    /// <summary>The anchor <paramref name="name"/> of the outermost resource in the dynamic scope that declares it, or null.</summary>
    public readonly DynamicAnchor? FindDynamic(string name)
    {
        if (_dynamicScope is null)
        {
            return null;
        }

        foreach (var anchors in _dynamicScope)
        {
            foreach (var anchor in anchors)
            {
                if (anchor.Name == name)
                {
                    return anchor;
                }
            }
        }

        return null;
    }

    /// <summary>How many dynamic references are being followed (bounded: a schema could send one back to itself without end).</summary>
    public int DynamicDepth { get; set; }

    public readonly int ErrorCount => _errorCount;

    /// <summary>Drops errors added after <paramref name="count"/> (a failed branch of anyOf/oneOf).</summary>
    public void Truncate(int count)
    {
        _errorCount = count;
        _pathsNotJoinable &= count >= 64 ? ulong.MaxValue : (1UL << count) - 1;
    }

    /// <summary>An error about the value being checked.</summary>
    public void Add(string keyword, string? value, string message, string? limit = null)
    {
        if (CountedOnly())
        {
            return;
        }

        Append(new ValidationError("", keyword, value, message) { Limit = limit }, pathIsJoinable: true);
    }

    /// <summary>An error about the value being checked, at <paramref name="value"/>: its text is read only when the error is kept.</summary>
    public void Add(string keyword, ref global::System.Text.Json.Utf8JsonReader value, string message, string? limit = null)
    {
        if (CountedOnly())
        {
            return;
        }

        Append(new ValidationError("", keyword, global::CaseContracts.Internal.JsonSupport.ValueText(ref value), message) { Limit = limit }, pathIsJoinable: true);
    }

    /// <summary>An error about the member of the object being checked at <paramref name="pointer"/>: a constant such as <c>"/title"</c>, escaped as RFC 6901 says.</summary>
    public void AddAt(string pointer, string keyword, string? value, string message)
    {
        if (CountedOnly())
        {
            return;
        }

        Append(new ValidationError(pointer, keyword, value, message), pathIsJoinable: true);
    }

    /// <summary>An error about the member at <paramref name="pointer"/> (see <see cref="AddAt(string, string, string?, string)"/>), whose value is at <paramref name="value"/>.</summary>
    public void AddAt(string pointer, string keyword, ref global::System.Text.Json.Utf8JsonReader value, string message)
    {
        if (CountedOnly())
        {
            return;
        }

        Append(new ValidationError(pointer, keyword, global::CaseContracts.Internal.JsonSupport.ValueText(ref value), message), pathIsJoinable: true);
    }

    /// <summary>An error about element <paramref name="index"/> of the array being checked.</summary>
    public void AddAt(int index, string keyword, string? value, string message)
    {
        if (CountedOnly())
        {
            return;
        }

        Append(new ValidationError(JoinedPointer.Element(index), keyword, value, message), pathIsJoinable: index < JoinedPointer.KeptElements);
    }

    /// <summary>An error about the member <paramref name="name"/> (as read from the document) of the object being checked.</summary>
    public void AddForMember(string name, string keyword, string? value, string message)
    {
        if (CountedOnly())
        {
            return;
        }

        Append(new ValidationError(JoinedPointer.Member(name), keyword, value, message), pathIsJoinable: false);
    }

    /// <summary>An error about element <paramref name="index"/> of the array being checked, whose value is at <paramref name="value"/>.</summary>
    public void AddAt(int index, string keyword, ref global::System.Text.Json.Utf8JsonReader value, string message)
    {
        if (CountedOnly())
        {
            return;
        }

        Append(new ValidationError(JoinedPointer.Element(index), keyword, global::CaseContracts.Internal.JsonSupport.ValueText(ref value), message), pathIsJoinable: index < JoinedPointer.KeptElements);
    }

    /// <summary>An error about the member <paramref name="name"/> (as read from the document), whose value is at <paramref name="value"/>.</summary>
    public void AddForMember(string name, string keyword, ref global::System.Text.Json.Utf8JsonReader value, string message)
    {
        if (CountedOnly())
        {
            return;
        }

        Append(new ValidationError(JoinedPointer.Member(name), keyword, global::CaseContracts.Internal.JsonSupport.ValueText(ref value), message), pathIsJoinable: false);
    }

    /// <summary>
    /// From here to <see cref="EndVerdict"/> only whether errors are found counts (the condition of <c>if</c>, the
    /// schema of <c>not</c>, the members of <c>oneOf</c> and <c>anyOf</c>, the items tried by <c>contains</c>: their
    /// errors are dropped once counted): errors are counted, nothing is made for them.
    /// </summary>
    public void BeginVerdict() => _verdicts++;

    /// <summary>Ends what <see cref="BeginVerdict"/> began; the caller then truncates the errors to where it began.</summary>
    public void EndVerdict() => _verdicts--;

    // How many verdict-only evaluations enclose the current one (see BeginVerdict).
    private int _verdicts;

    /// <summary>The errors added since <paramref name="since"/> lie inside the member at <paramref name="pointer"/> (a constant such as <c>"/title"</c>).</summary>
    public void Prefix(int since, string pointer) => Prefix(since, pointer, joinable: true);

    /// <summary>The errors added since <paramref name="since"/> lie inside the member <paramref name="name"/> (as read from the document).</summary>
    public void PrefixMember(int since, string name) => Prefix(since, JoinedPointer.Member(name), joinable: false);

    /// <summary>The errors added since <paramref name="since"/> lie inside element <paramref name="index"/>.</summary>
    public void Prefix(int since, int index) => Prefix(since, JoinedPointer.Element(index), joinable: index < JoinedPointer.KeptElements);

    /// <summary>
    /// Every error kept, in the order found, and when more were found, a last one (keyword
    /// <see cref="ErrorLimitKeyword"/>) that says how many were not reported; null when there is none. Called when
    /// the run ends: the list is handed out.
    /// </summary>
    public readonly ValidationError[]? ToErrors()
    {
        if (_errorCount == 0)
        {
            return null;
        }

        var kept = KeptCount;
        var errors = _errors!;
        var length = _errorCount > kept ? kept + 1 : kept;
        if (length != errors.Length)
        {
            global::System.Array.Resize(ref errors, length);
        }

        if (_errorCount > kept)
        {
            var notReported = (_errorCount - kept).ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            errors[kept] = new ValidationError("", ErrorLimitKeyword, null, notReported + " more errors were not reported (the first " + kept.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " are).");
        }

        return errors;
    }

    // Past the limit, and where only the verdict counts, an error is counted and dropped before anything is made for it.
    private bool CountedOnly()
    {
        if (_errorCount < MaxErrors && _verdicts == 0)
        {
            return false;
        }

        _errorCount++;
        return true;
    }

    private void Append(ValidationError error, bool pathIsJoinable)
    {
        if (_errors is null || _errorCount == _errors.Length)
        {
            // Room for the errors of a typically bad document at once; then doubled, up to the limit.
            var size = _errorCount == 0 ? 16 : _errorCount * 2;
            global::System.Array.Resize(ref _errors, size < MaxErrors ? size : MaxErrors);
        }

        if (!pathIsJoinable && _errorCount < 64)
        {
            _pathsNotJoinable |= 1UL << _errorCount;
        }

        _errors[_errorCount++] = error;
    }

    private void Prefix(int since, string pointer, bool joinable)
    {
        if (_verdicts > 0)
        {
            // Nothing was kept since the verdict began (and since is at or after where it began).
            return;
        }

        var kept = KeptCount;
        for (var i = since; i < kept; i++)
        {
            var error = _errors![i];
            if (joinable && i < 64 && (_pathsNotJoinable & (1UL << i)) == 0)
            {
                error.CompletePath(JoinedPointer.Of(pointer, error.Path));
            }
            else
            {
                error.CompletePath(string.Concat(pointer, error.Path));
                if (i < 64)
                {
                    _pathsNotJoinable |= 1UL << i;
                }
            }
        }
    }

    /// <summary>
    /// Pointers made of the generated code's constants alone ("/connector" then "/fields"), kept across runs: an
    /// error at a fixed place gets the same string every time, as if its whole pointer were a constant. Lock-free:
    /// an entry never changes, a slot is replaced whole, and a collision costs no more than the concatenation.
    /// </summary>
    internal sealed class JoinedPointer
    {
        /// <summary>Elements below this index have a kept pointer ("/3").</summary>
        public const int KeptElements = 256;

        private static readonly JoinedPointer?[] s_slots = new JoinedPointer?[512];
        private static readonly string?[] s_elements = new string?[KeptElements];

        private readonly string _parent;
        private readonly string _child;
        private readonly string _joined;

        private JoinedPointer(string parent, string child)
        {
            _parent = parent;
            _child = child;
            _joined = string.Concat(parent, child);
        }

        /// <summary><paramref name="parent"/> then <paramref name="child"/>: both constants, or made of constants here.</summary>
        public static string Of(string parent, string child)
        {
            if (child.Length == 0)
            {
                return parent;
            }

            // A cheap hash: these strings are short and mostly differ in length or last character.
            ref var slot = ref s_slots[(parent.Length * 31 + parent[parent.Length - 1] * 7 + child.Length * 17 + child[child.Length - 1]) & (s_slots.Length - 1)];
            var joined = slot;
            if (joined is null || !ReferenceEquals(joined._parent, parent) || !ReferenceEquals(joined._child, child))
            {
                slot = joined = new JoinedPointer(parent, child);
            }

            return joined._joined;
        }

        /// <summary>"/index"; kept for small indices.</summary>
        public static string Element(int index)
            => index < KeptElements
                ? s_elements[index] ??= "/" + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture)
                : "/" + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>"/name", RFC 6901: "~" and "/" inside the name escaped.</summary>
        public static string Member(string name)
            => name.IndexOf('~') < 0 && name.IndexOf('/') < 0 ? "/" + name : "/" + name.Replace("~", "~0").Replace("/", "~1");
    }
}

/// <summary>
/// The members and items of one value that the keywords beside an <c>unevaluatedProperties</c> or
/// <c>unevaluatedItems</c> evaluated (their annotations), gathered by the generated <c>*_Evaluated</c> methods
/// through every schema applied in place that the value passes. Made only where such a keyword applies.
/// </summary>
[GeneratedCode]
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
internal sealed class EvaluatedLocations
{
    private global::System.Collections.Generic.HashSet<string>? _properties;
    private global::System.Collections.Generic.HashSet<int>? _items;
    private int _itemPrefix;

    /// <summary>Every member is evaluated (<c>additionalProperties</c>, a nested <c>unevaluatedProperties</c>).</summary>
    public bool AllProperties { get; set; }

    /// <summary>Every item is evaluated (<c>items</c> for all of them, a nested <c>unevaluatedItems</c>).</summary>
    public bool AllItems { get; set; }

    /// <summary>Member <paramref name="name"/> is evaluated.</summary>
    public void AddProperty(string name) => (_properties ??= new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal)).Add(name);

    /// <summary>Item <paramref name="index"/> is evaluated (<c>contains</c> matched it).</summary>
    public void AddItem(int index) => (_items ??= new global::System.Collections.Generic.HashSet<int>()).Add(index);

    /// <summary>The first <paramref name="count"/> items are evaluated (a tuple).</summary>
    public void AddPrefix(int count) => _itemPrefix = count > _itemPrefix ? count : _itemPrefix;

    /// <summary>Whether member <paramref name="name"/> was evaluated.</summary>
    public bool HasProperty(string name) => AllProperties || (_properties is not null && _properties.Contains(name));

    /// <summary>Whether item <paramref name="index"/> was evaluated.</summary>
    public bool HasItem(int index) => AllItems || index < _itemPrefix || (_items is not null && _items.Contains(index));
}

/// <summary>An anchor a schema resource declares for dynamic references (<c>$dynamicAnchor</c>; <c>""</c> for <c>$recursiveAnchor: true</c>) and its position's methods.</summary>
[GeneratedCode]
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
internal sealed class DynamicAnchor
{
    public DynamicAnchor(string name, SchemaValidators.Validator validate, SchemaValidators.CollectEvaluatedMethod? collect)
    {
        Name = name;
        Validate = validate;
        Collect = collect;
    }

    public string Name { get; }

    public SchemaValidators.Validator Validate { get; }

    public SchemaValidators.CollectEvaluatedMethod? Collect { get; }
}

/// <summary>
/// Where the large objects and arrays of one document end, learnt the first time a validator steps over each one.
/// A streaming validator reads a value once for every schema that applies to it: each <c>if</c> of an <c>allOf</c>,
/// each branch of a <c>oneOf</c>, reads the whole value again, and most of that reading is stepping over members the
/// subschema does not constrain. With this index, every later step over the same structure jumps to its end: a
/// reader rebuilt on the rest of the document from the state the first step ended in. The cost of a document then
/// grows with the subschemas that really look into a value, not with every subschema applied to it.
/// </summary>
/// <remarks>
/// The validators read a private copy of the document (rented, returned by <see cref="Dispose"/>): an offset into it
/// names one structure for the whole run, whatever readers the applicators copy or rebuild, and a reader on any other
/// text (a property name read as a string) is never taken for a place in it. At most one entry per
/// <see cref="MinimumStructureLength"/> bytes of document, so its memory is bounded by the document's length.
/// </remarks>
[GeneratedCode]
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
internal sealed class SkipIndex : global::System.IDisposable
{
    /// <summary>Shorter documents are read as they are: what a jump saves there does not pay for the copy.</summary>
    public const int MinimumDocumentLength = 1024;

    /// <summary>Shorter structures are stepped over token by token: a lookup costs about as much as reading them.</summary>
    public const int MinimumStructureLength = 256;

    // An index kept for this thread's next document once disposed, with its dictionaries and tables emptied: most of
    // what a run would otherwise allocate. What is kept is bounded (entries, tables, members per table), so a thread
    // holds some tens of KB at most whatever documents it validated.
    [global::System.ThreadStatic]
    private static SkipIndex? t_spare;

    private const int MaxKeptEntries = 256;
    private const int MaxKeptTables = 32;

    private byte[]? _document;
    private int _length;

    // Offset of a structure's first byte -> offset just past its last byte and the reader's state there.
    private global::System.Collections.Generic.Dictionary<int, (int End, global::System.Text.Json.JsonReaderState State)>? _ends;

    // Every table this index has handed out, in this run or an earlier one; the first _tablesInUse belong to this run.
    private readonly global::System.Collections.Generic.List<MemberTable> _madeTables = new();
    private int _tablesInUse;

    private SkipIndex()
    {
    }

    /// <summary>An index for <paramref name="utf8Json"/>, or null when it is too short to need one.</summary>
    public static SkipIndex? For(global::System.ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length < MinimumDocumentLength)
        {
            return null;
        }

        var index = t_spare ?? new SkipIndex();
        t_spare = null;
        index._document = global::System.Buffers.ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        utf8Json.CopyTo(index._document);
        index._length = utf8Json.Length;
        return index;
    }

    /// <summary>An empty table for this run: one an earlier run made (emptied by <see cref="Dispose"/>), when there is one.</summary>
    internal MemberTable NewTable()
    {
        if (_tablesInUse == _madeTables.Count)
        {
            _madeTables.Add(new MemberTable(this));
        }

        return _madeTables[_tablesInUse++];
    }

    /// <summary>The copy of the document the validators read (the index knows places in it alone).</summary>
    public global::System.ReadOnlySpan<byte> Document => new(_document ?? throw new global::System.ObjectDisposedException(nameof(SkipIndex)), 0, _length);

    /// <summary>See <see cref="ValidationContext.Skip"/>.</summary>
    public void Skip(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
        {
            global::CaseContracts.Internal.JsonSupport.Next(ref reader);
        }

        if (reader.TokenType is not (global::System.Text.Json.JsonTokenType.StartObject or global::System.Text.Json.JsonTokenType.StartArray))
        {
            return;
        }

        var start = OffsetOf(ref reader);
        if (start < 0)
        {
            reader.Skip();
            return;
        }

        if (_ends is not null && _ends.TryGetValue(start, out var known))
        {
            reader = new global::System.Text.Json.Utf8JsonReader(Document.Slice(known.End), isFinalBlock: true, known.State);
            return;
        }

        reader.Skip();
        var end = OffsetOf(ref reader) + 1;
        if (end - start >= MinimumStructureLength)
        {
            (_ends ??= new global::System.Collections.Generic.Dictionary<int, (int, global::System.Text.Json.JsonReaderState)>())[start] = (end, reader.CurrentState);
        }
    }

    /// <summary>
    /// The members of the object at <paramref name="reader"/> (on its start), read the first time they are asked for;
    /// null when the object is not in the copy (a value made from other text, such as a property name).
    /// </summary>
    public MemberTable? Members(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        var start = OffsetOf(ref reader);
        if (start < 0)
        {
            return null;
        }

        _tables ??= new global::System.Collections.Generic.Dictionary<int, MemberTable>();
        if (!_tables.TryGetValue(start, out var table))
        {
            table = MemberTable.Read(this, reader);
            _tables[start] = table;
        }

        return table;
    }

    /// <summary>
    /// A table the caller fills while it reads the object at <paramref name="reader"/> (on its start) for its own checks,
    /// with <see cref="MemberTable.Add"/> on each name and <see cref="MemberTable.End"/> on its last token; null when the
    /// object has a table already or is not in the copy. Schemas applied to the object after that read look its members up
    /// there, instead of reading it once more.
    /// </summary>
    public MemberTable? Record(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        var start = OffsetOf(ref reader);
        if (start < 0)
        {
            return null;
        }

        return _tables is not null && _tables.ContainsKey(start) ? null : MemberTable.Recording(this, start);
    }

    /// <summary>Keeps a table <see cref="Record"/> gave, complete (a read that failed half-way keeps none).</summary>
    internal void Keep(int start, MemberTable table)
        => (_tables ??= new global::System.Collections.Generic.Dictionary<int, MemberTable>())[start] = table;

    /// <summary>The members of the object at <paramref name="reader"/> if some validator has read them already; else null (nothing is read).</summary>
    public MemberTable? Recorded(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        var start = OffsetOf(ref reader);
        return start >= 0 && _tables is not null && _tables.TryGetValue(start, out var table) ? table : null;
    }

    // Offset of an object's first byte -> its members, for the schemas that look members up by name.
    private global::System.Collections.Generic.Dictionary<int, MemberTable>? _tables;

    // Where the reader's token (a '{', '[', '}' or ']', whose ValueSpan is that byte of the text) is in the copy; -1
    // when the reader is on other text.
    private int OffsetOf(ref global::System.Text.Json.Utf8JsonReader reader) => OffsetOf(reader.ValueSpan);

    /// <summary>Where <paramref name="text"/> starts in the copy; -1 when it is other text. Objects never overlap, so an address inside the copy is a place in it.</summary>
    internal int OffsetOf(global::System.ReadOnlySpan<byte> text)
    {
        var offset = global::System.Runtime.CompilerServices.Unsafe.ByteOffset(
            ref _document![0],
            ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(text));
        return (ulong)offset < (ulong)_length ? (int)offset : -1;
    }

    /// <summary>Returns the copy to the pool; the readers on it and the tables it gave must not be used after this.</summary>
    public void Dispose()
    {
        if (_document is not { } document)
        {
            return;
        }

        _document = null;
        global::System.Buffers.ArrayPool<byte>.Shared.Return(document);

        // What a large document made is let go rather than emptied: Clear keeps a dictionary's capacity.
        _ends = _ends is { Count: > MaxKeptEntries } ? null : _ends;
        _ends?.Clear();
        _tables = _tables is { Count: > MaxKeptTables } ? null : _tables;
        _tables?.Clear();
        if (_madeTables.Count > MaxKeptTables)
        {
            _madeTables.RemoveRange(MaxKeptTables, _madeTables.Count - MaxKeptTables);
        }

        // Emptied now, not when handed out again: a kept index holds no document's names and only short arrays.
        for (var table = 0; table < _tablesInUse && table < _madeTables.Count; table++)
        {
            _madeTables[table].Clear();
        }

        _tablesInUse = 0;
        t_spare = this;
    }
}
