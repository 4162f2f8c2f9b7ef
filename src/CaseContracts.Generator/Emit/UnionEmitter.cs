using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// A discriminated <c>oneOf</c> → an abstract record with a private constructor (only its nested
/// variants can derive from it), exhaustive <c>Match</c>/<c>Switch</c>, and a reader that finds the
/// discriminator wherever it stands in the object before reading the chosen variant.
/// </summary>
internal static class UnionEmitter
{
    private const string Support = JsonSupportEmitter.TypeName;

    public static string Emit(UnionTypeSpec union, GenerationCapabilities capabilities)
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + union.Namespace);
        writer.Summary(union.Description ?? union.Name + ".");
        writer.Line("/// <remarks>");
        writer.Line($"/// One of the variants below, selected by the JSON property <c>{SourceWriter.EscapeXml(union.DiscriminatorJsonName)}</c>:");
        writer.Line("/// <list type=\"bullet\">");
        foreach (var variant in union.Variants)
        {
            writer.Line($"/// <item><description><see cref=\"{variant.Name}\"/>: <c>{SourceWriter.EscapeXml(variant.Value)}</c></description></item>");
        }

        writer.Line("/// </list>");
        writer.Line("/// </remarks>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public abstract partial record {union.Name}");
        writer.Line("// Private: the nested variants are the only possible derived types, which makes Match exhaustive.");
        writer.Open($"private {union.Name}()");
        writer.Close();
        writer.Line();
        writer.Line($"/// <summary>The discriminator (JSON <c>{SourceWriter.EscapeXml(union.DiscriminatorJsonName)}</c>): tells which variant this is.</summary>");
        writer.Line($"public abstract string {union.DiscriminatorName} {{ get; }}");
        writer.Line();

        EmitMatch(writer, union);
        EmitSwitch(writer, union);
        ParseEntryPoints.Emit(writer, union.Namespace, union.Name, union.ValidatorMethod, hidesInherited: false, capabilities.HasPipeReader);
        ValidatingReaderEmitter.EmitForUnion(writer, union);
        EmitReader(writer, union);

        writer.Line("/// <summary>Writes this value as a JSON object, properties in schema order.</summary>");
        writer.Line("public abstract void WriteTo(global::System.Text.Json.Utf8JsonWriter writer);");
        writer.Line();
        writer.Line("/// <summary>This value as JSON text.</summary>");
        writer.Line($"public string ToJson() => {Support}.ToJson(this, static (value, writer) => value.WriteTo(writer));");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void EmitMatch(SourceWriter writer, UnionTypeSpec union)
    {
        writer.Line("/// <summary>Returns the result of the function for this variant.</summary>");
        writer.Open($"public TResult Match<TResult>({Parameters(union, v => $"global::System.Func<{v.Name}, TResult>")})");
        EmitDispatch(writer, union, v => $"return {v.ParameterName}(value);");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Returns the result of the function for this variant, passing <paramref name=\"state\"/> along (no closure needed).</summary>");
        writer.Open($"public TResult Match<TState, TResult>(TState state, {Parameters(union, v => $"global::System.Func<TState, {v.Name}, TResult>")})");
        EmitDispatch(writer, union, v => $"return {v.ParameterName}(state, value);");
        writer.Close();
        writer.Line();
    }

    private static void EmitSwitch(SourceWriter writer, UnionTypeSpec union)
    {
        writer.Line("/// <summary>Runs the action for this variant.</summary>");
        writer.Open($"public void Switch({Parameters(union, v => $"global::System.Action<{v.Name}>")})");
        EmitDispatch(writer, union, v => $"{v.ParameterName}(value); return;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Runs the action for this variant, passing <paramref name=\"state\"/> along (no closure needed).</summary>");
        writer.Open($"public void Switch<TState>(TState state, {Parameters(union, v => $"global::System.Action<TState, {v.Name}>")})");
        EmitDispatch(writer, union, v => $"{v.ParameterName}(state, value); return;");
        writer.Close();
        writer.Line();
    }

    private static void EmitDispatch(SourceWriter writer, UnionTypeSpec union, System.Func<UnionVariantSpec, string> body)
    {
        writer.Open("switch (this)");
        foreach (var variant in union.Variants)
        {
            writer.Line($"case {variant.Name} value: {body(variant)}");
        }

        writer.Line($"default: throw new global::System.InvalidOperationException(\"Unknown {union.Name} variant.\");");
        writer.Close();
    }

    private static void EmitReader(SourceWriter writer, UnionTypeSpec union)
    {
        var owner = CSharpLiterals.String(union.Name);
        var discriminator = CSharpLiterals.String(union.DiscriminatorJsonName);
        writer.Line($"/// <summary>Parses UTF-8 JSON text into the matching <see cref=\"{union.Name}\"/> variant.</summary>");
        writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON is malformed or does not fit any variant.</exception>");
        writer.Line($"public static {union.Name} Parse(global::System.ReadOnlySpan<byte> utf8Json) => {Support}.Parse(utf8Json, ReadFrom);");
        writer.Line();
        writer.Line($"/// <summary>Parses JSON text into the matching <see cref=\"{union.Name}\"/> variant.</summary>");
        writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON is malformed or does not fit any variant.</exception>");
        writer.Line($"public static {union.Name} Parse(string json) => {Support}.Parse(json, ReadFrom);");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Reads the variant named by the discriminator, wherever it stands in the object. The reader must be");
        writer.Line("/// positioned on the object's start and hold the whole object (the discriminator is looked up ahead).");
        writer.Line("/// </summary>");
        writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON is malformed or does not fit any variant.</exception>");
        writer.Open($"public static {union.Name} ReadFrom(ref global::System.Text.Json.Utf8JsonReader reader)");
        writer.Open("if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)");
        writer.Line($"throw {Support}.Mismatch(ref reader, {owner}, \"\", \"an object\");");
        writer.Close();
        writer.Line();
        writer.Line("// A copy of the reader looks ahead; the original still stands on the object's start.");
        writer.Line("var lookahead = reader;");
        writer.Open($"if (!{Support}.SeekProperty(ref lookahead, {CSharpLiterals.Utf8(union.DiscriminatorJsonName)}))");
        writer.Line($"throw {Support}.MissingProperty({owner}, {discriminator});");
        writer.Close();
        writer.Line();
        writer.Open("if (lookahead.TokenType == global::System.Text.Json.JsonTokenType.String)");
        foreach (var variant in union.Variants)
        {
            writer.Open($"if (lookahead.ValueTextEquals({CSharpLiterals.Utf8(variant.Value)}))");
            writer.Line($"return {variant.Name}.ReadFrom(ref reader);");
            writer.Close();
            writer.Line();
        }

        writer.Close();
        writer.Line();
        var expected = string.Join(", ", union.Variants.Select(v => "\"" + v.Value + "\""));
        writer.Line($"throw {Support}.UnknownVariant(ref lookahead, {owner}, {discriminator}, {CSharpLiterals.String(expected)});");
        writer.Close();
        writer.Line();
    }

    private static string Parameters(UnionTypeSpec union, System.Func<UnionVariantSpec, string> type)
        => string.Join(", ", union.Variants.Select(v => type(v) + " " + v.ParameterName));
}
