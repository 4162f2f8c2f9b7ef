namespace CaseContracts.Generator.Emit;

/// <summary>
/// The validating entry points every record and union gets: <c>TryParse</c> over spans, sequences,
/// streams and pipes, and <c>Validate()</c> for a value built in code. Shared by both emitters.
/// </summary>
internal static class ParseEntryPoints
{
    /// <param name="namespace">The contract's namespace, where the validation runtime is (<see cref="ValidationRuntimeEmitter"/>).</param>
    public static void Emit(SourceWriter writer, string @namespace, string typeName, string validatorMethod, bool hidesInherited, bool withPipeReader)
    {
        var hide = hidesInherited ? "new " : string.Empty;
        var runtime = "global::" + @namespace + ".";
        var validators = runtime + "SchemaValidators";
        var result = $"{runtime}ParseResult<{typeName}>";
        writer.Line($"/// <summary>Reads UTF-8 JSON and checks it against the schema: the value, or every schema error, or why the text is not JSON.</summary>");
        writer.Line($"public static {hide}{result} TryParse(global::System.ReadOnlySpan<byte> utf8Json)");
        writer.Line($"    => TryParse(utf8Json, {validators}.DefaultMaxErrors);");
        writer.Line();
        writer.Line("/// <summary>Reads UTF-8 JSON and checks it against the schema, reporting at most <paramref name=\"maxErrors\"/> errors (then one saying how many more were found); see <see cref=\"TryParse(global::System.ReadOnlySpan{byte})\"/>.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"maxErrors\"/> is not positive.</exception>");
        writer.Line($"public static {hide}{result} TryParse(global::System.ReadOnlySpan<byte> utf8Json, int maxErrors)");
        // A lambda, not the method group: a delegate bound to a static method goes through a shuffle thunk on every call.
        writer.Line($"    => {validators}.ParseValidated<{typeName}>(utf8Json, static (ref global::System.Text.Json.Utf8JsonReader reader, ref {runtime}ValidationContext context) => ReadValidated(ref reader, ref context), maxErrors);");
        writer.Line();
        writer.Line("/// <summary>Reads UTF-8 JSON held in a sequence of buffers; see <see cref=\"TryParse(global::System.ReadOnlySpan{byte})\"/>.</summary>");
        writer.Line($"public static {hide}{result} TryParse(in global::System.Buffers.ReadOnlySequence<byte> utf8Json)");
        writer.Line($"    => TryParse(utf8Json, {validators}.DefaultMaxErrors);");
        writer.Line();
        writer.Line("/// <summary>Reads UTF-8 JSON held in a sequence of buffers, reporting at most <paramref name=\"maxErrors\"/> errors; see <see cref=\"TryParse(global::System.ReadOnlySpan{byte}, int)\"/>.</summary>");
        writer.Line($"public static {hide}{result} TryParse(in global::System.Buffers.ReadOnlySequence<byte> utf8Json, int maxErrors)");
        writer.Line($"    => TryParse(utf8Json.IsSingleSegment ? utf8Json.First.Span : global::System.Buffers.BuffersExtensions.ToArray(utf8Json), maxErrors);");
        writer.Line();
        writer.Line("/// <summary>Reads UTF-8 JSON text from a stream, at most <paramref name=\"maxBytes\"/> (longer input is reported as malformed, never buffered whole).</summary>");
        writer.Line($"public static {hide}async global::System.Threading.Tasks.ValueTask<{result}> TryParseAsync(global::System.IO.Stream utf8Json, long maxBytes = {validators}.DefaultMaxBytes, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Open(string.Empty);
        writer.Line($"var buffer = await {validators}.ReadAllAsync(utf8Json, maxBytes, cancellationToken).ConfigureAwait(false);");
        writer.Line($"return buffer is null ? {result}.Malformed({validators}.TooLargeMessage(maxBytes)) : TryParse(buffer.Value.Span);");
        writer.Close();
        writer.Line();
        if (withPipeReader)
        {
            EmitPipeReader(writer, validators, result, hide);
        }

        writer.Line("/// <summary>Checks a value built in code against the schema: empty when valid.</summary>");
        writer.Line($"public {hide}global::System.Collections.Generic.IReadOnlyList<{runtime}ValidationError> Validate()");
        writer.Line($"    => {validators}.Run(global::CaseContracts.Internal.JsonSupport.ToUtf8(this, static (value, writer) => value.WriteTo(writer)), {validators}.{validatorMethod}, out _) ?? global::System.Array.Empty<{runtime}ValidationError>();");
        writer.Line();
    }

    private static void EmitPipeReader(SourceWriter writer, string validators, string result, string hide)
    {
        writer.Line("/// <summary>Reads UTF-8 JSON text from a pipe (a request body), at most <paramref name=\"maxBytes\"/>.</summary>");
        writer.Line($"public static {hide}async global::System.Threading.Tasks.ValueTask<{result}> TryParseAsync(global::System.IO.Pipelines.PipeReader utf8Json, long maxBytes = {validators}.DefaultMaxBytes, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Open(string.Empty);
        writer.Open("while (true)");
        writer.Line("var read = await utf8Json.ReadAsync(cancellationToken).ConfigureAwait(false);");
        writer.Open("if (read.Buffer.Length > maxBytes)");
        writer.Line("utf8Json.AdvanceTo(read.Buffer.End);");
        writer.Line($"return {result}.Malformed({validators}.TooLargeMessage(maxBytes));");
        writer.Close();
        writer.Line();
        writer.Open("if (read.IsCompleted)");
        writer.Line("var parsed = TryParse(read.Buffer);");
        writer.Line("utf8Json.AdvanceTo(read.Buffer.End);");
        writer.Line("return parsed;");
        writer.Close();
        writer.Line();
        writer.Line("utf8Json.AdvanceTo(read.Buffer.Start, read.Buffer.End);");
        writer.Close();
        writer.Close();
        writer.Line();
    }
}
