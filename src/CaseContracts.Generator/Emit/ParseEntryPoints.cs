namespace CaseContracts.Generator.Emit;

/// <summary>
/// The validating entry points every record and union gets: <c>TryParse</c> over spans, sequences,
/// streams and pipes, and <c>Validate()</c> for a value built in code. Shared by both emitters.
/// </summary>
internal static class ParseEntryPoints
{
    private const string Runtime = "SchemaValidators";

    public static void Emit(SourceWriter writer, string typeName, string validatorMethod, bool hidesInherited, bool withPipeReader)
    {
        var hide = hidesInherited ? "new " : string.Empty;
        var result = $"ParseResult<{typeName}>";
        writer.Line($"/// <summary>Reads UTF-8 JSON and checks it against the schema: the value, or every schema error, or why the text is not JSON.</summary>");
        writer.Line($"public static {hide}{result} TryParse(global::System.ReadOnlySpan<byte> utf8Json)");
        writer.Line($"    => TryParse(utf8Json, {Runtime}.DefaultMaxErrors);");
        writer.Line();
        writer.Line("/// <summary>Reads UTF-8 JSON and checks it against the schema, reporting at most <paramref name=\"maxErrors\"/> errors (then one saying how many more were found); see <see cref=\"TryParse(global::System.ReadOnlySpan{byte})\"/>.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"maxErrors\"/> is not positive.</exception>");
        writer.Line($"public static {hide}{result} TryParse(global::System.ReadOnlySpan<byte> utf8Json, int maxErrors)");
        // A lambda, not the method group: a delegate bound to a static method goes through a shuffle thunk on every call.
        writer.Line($"    => {Runtime}.ParseValidated<{typeName}>(utf8Json, static (ref global::System.Text.Json.Utf8JsonReader reader, ref ValidationContext context) => ReadValidated(ref reader, ref context), maxErrors);");
        writer.Line();
        writer.Line("/// <summary>Reads UTF-8 JSON held in a sequence of buffers; see <see cref=\"TryParse(global::System.ReadOnlySpan{byte})\"/>.</summary>");
        writer.Line($"public static {hide}{result} TryParse(in global::System.Buffers.ReadOnlySequence<byte> utf8Json)");
        writer.Line($"    => TryParse(utf8Json, {Runtime}.DefaultMaxErrors);");
        writer.Line();
        writer.Line("/// <summary>Reads UTF-8 JSON held in a sequence of buffers, reporting at most <paramref name=\"maxErrors\"/> errors; see <see cref=\"TryParse(global::System.ReadOnlySpan{byte}, int)\"/>.</summary>");
        writer.Line($"public static {hide}{result} TryParse(in global::System.Buffers.ReadOnlySequence<byte> utf8Json, int maxErrors)");
        writer.Line($"    => TryParse(utf8Json.IsSingleSegment ? utf8Json.First.Span : global::System.Buffers.BuffersExtensions.ToArray(utf8Json), maxErrors);");
        writer.Line();
        writer.Line("/// <summary>Reads UTF-8 JSON text from a stream, at most <paramref name=\"maxBytes\"/> (longer input is reported as malformed, never buffered whole).</summary>");
        writer.Line($"public static {hide}async global::System.Threading.Tasks.ValueTask<{result}> TryParseAsync(global::System.IO.Stream utf8Json, long maxBytes = {Runtime}.DefaultMaxBytes, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Open(string.Empty);
        writer.Line($"var buffer = await {Runtime}.ReadAllAsync(utf8Json, maxBytes, cancellationToken).ConfigureAwait(false);");
        writer.Line($"return buffer is null ? {result}.Malformed({Runtime}.TooLargeMessage(maxBytes)) : TryParse(buffer.Value.Span);");
        writer.Close();
        writer.Line();
        if (withPipeReader)
        {
            EmitPipeReader(writer, result, hide);
        }

        writer.Line("/// <summary>Checks a value built in code against the schema: empty when valid.</summary>");
        writer.Line($"public {hide}global::System.Collections.Generic.IReadOnlyList<ValidationError> Validate()");
        writer.Line($"    => {Runtime}.Run(global::CaseContracts.Internal.JsonSupport.ToUtf8(this, static (value, writer) => value.WriteTo(writer)), {Runtime}.{validatorMethod}, out _) ?? global::System.Array.Empty<ValidationError>();");
        writer.Line();
    }

    private static void EmitPipeReader(SourceWriter writer, string result, string hide)
    {
        writer.Line("/// <summary>Reads UTF-8 JSON text from a pipe (a request body), at most <paramref name=\"maxBytes\"/>.</summary>");
        writer.Line($"public static {hide}async global::System.Threading.Tasks.ValueTask<{result}> TryParseAsync(global::System.IO.Pipelines.PipeReader utf8Json, long maxBytes = {Runtime}.DefaultMaxBytes, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Open(string.Empty);
        writer.Open("while (true)");
        writer.Line("var read = await utf8Json.ReadAsync(cancellationToken).ConfigureAwait(false);");
        writer.Open("if (read.Buffer.Length > maxBytes)");
        writer.Line("utf8Json.AdvanceTo(read.Buffer.End);");
        writer.Line($"return {result}.Malformed({Runtime}.TooLargeMessage(maxBytes));");
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
