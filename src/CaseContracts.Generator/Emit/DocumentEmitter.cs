using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// A schema file whose root is not a record or union of its own → a record holding the document's value
/// (<c>Value</c>: a list, a map, a scalar, the referenced record, an enum, or any JSON), with the entry points every
/// root has (<see cref="ParseEntryPoints"/>), so each schema file can be parsed and validated whatever its root.
/// </summary>
internal static class DocumentEmitter
{
    private const string Support = JsonSupportEmitter.TypeName;
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";

    public static string Emit(DocumentTypeSpec type, GenerationCapabilities capabilities)
    {
        var value = type.Value;
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + type.Namespace);
        writer.Summary(type.Description ?? type.Name + ": a whole document of its schema file.");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open("public sealed partial record " + type.Name);
        writer.Line("/// <summary>Holds a document's value (check it with <see cref=\"Validate\"/>).</summary>");
        writer.Line($"public {type.Name}({value.DeclaredType} value) => Value = value;");
        writer.Line();
        writer.Line("/// <summary>The document's value.</summary>");
        writer.Line($"public {value.DeclaredType} Value {{ get; init; }}");
        writer.Line();
        if (value.IsCollection)
        {
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public bool Equals({type.Name}? other) => other is not null && (ReferenceEquals(this, other) || {ValueCode.Equal(value, "Value", "other.Value")});");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public override int GetHashCode() => {ValueCode.Hash(value, "Value")};");
            writer.Line();
        }

        ParseEntryPoints.Emit(writer, type.Namespace, type.Name, type.ValidatorMethod, hidesInherited: false, capabilities.HasPipeReader);
        ValidatingReaderEmitter.EmitForDocument(writer, type.Name, type.ValidatorMethod);
        writer.Line("/// <summary>Reads a document at <paramref name=\"reader\"/> (positioned on its first token) without checking it against the schema.</summary>");
        writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON does not fit this type.</exception>");
        writer.Line(SourceWriter.NotBrowsableAttribute);
        writer.Line($"public static {type.Name} ReadFrom(ref {Reader} reader) => new({ValueCode.Read(value, "reader", type.Name, "Value")});");
        writer.Line();
        writer.Line("/// <summary>Writes the document's value as JSON.</summary>");
        writer.Open($"public void WriteTo({Writer} writer)");
        writer.Line(ValueCode.Write(value, "Value", "writer"));
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>This document as JSON text.</summary>");
        writer.Line($"public string ToJson() => {Support}.ToJson(this, static (value, writer) => value.WriteTo(writer));");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
