using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// An object schema → an immutable record with a one-pass <c>Utf8JsonReader</c> reader (properties
/// in any order) and a <c>Utf8JsonWriter</c> writer (schema order). A union variant is emitted nested
/// in its union and overrides the union's discriminator and writer.
/// </summary>
internal static class RecordEmitter
{
    private const string Support = JsonSupportEmitter.TypeName;
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";

    public static string Emit(ObjectTypeSpec type, GenerationCapabilities capabilities)
    {
        var isVariant = type.ContainingType is not null;
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + type.Namespace);
        if (isVariant)
        {
            writer.Open("public abstract partial record " + type.ContainingType);
        }

        writer.Summary(type.Description ?? type.Name + ".");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open(isVariant
            ? $"public sealed partial record {type.Name} : {type.ContainingType}"
            : $"public sealed partial record {type.Name}");

        EmitMembers(writer, type);
        EmitEquality(writer, type);
        ParseEntryPoints.Emit(writer, type.Namespace, type.Name, type.ValidatorMethod, hidesInherited: isVariant, capabilities.HasPipeReader);
        ValidatingReaderEmitter.EmitForRecord(writer, type, hidesInherited: isVariant);
        EmitReader(writer, type, isVariant);
        EmitWriter(writer, type, isVariant);
        EmitNames(writer, type);

        writer.Close();
        if (isVariant)
        {
            writer.Close();
        }

        writer.Close();
        return writer.ToString();
    }

    private static void EmitMembers(SourceWriter writer, ObjectTypeSpec type)
    {
        foreach (var property in type.Properties)
        {
            if (property.ConstJson is not null)
            {
                if (property.Value is { Kind: ValueKind.String })
                {
                    writer.Summary(property.Description);
                    var modifier = property.IsDiscriminator ? "override " : string.Empty;
                    writer.Line($"public {modifier}string {property.Name} => {CSharpLiterals.String(Pipeline.JsonStrings.Decode(property.ConstJson))};");
                    writer.Line();
                }

                // Other fixed values (such as a null-only property) have no member: there is nothing to set.
                continue;
            }

            writer.Summary(property.Description);
            writer.Line($"public {(property.Required ? "required " : string.Empty)}{DeclaredType(property)} {property.Name} {{ get; init; }}");
            writer.Line();
        }
    }

    /// <summary>Records compare lists and maps by content (the compiler's default compares their references).</summary>
    private static void EmitEquality(SourceWriter writer, ObjectTypeSpec type)
    {
        var members = type.Properties.Where(p => p.IsSettable).ToList();
        if (!members.Any(p => p.Value!.IsCollection))
        {
            return;
        }

        writer.Line("/// <inheritdoc/>");
        writer.Open($"public bool Equals({type.Name}? other)");
        writer.Line("return other is not null && (ReferenceEquals(this, other) ||");
        for (var i = 0; i < members.Count; i++)
        {
            var value = Declared(members[i]);
            var end = i == members.Count - 1 ? ");" : " &&";
            writer.Line("    " + ValueCode.Equal(value, members[i].Name, "other." + members[i].Name) + end);
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override int GetHashCode()");
        writer.Line("var hash = new global::System.HashCode();");
        foreach (var member in members)
        {
            writer.Line($"hash.Add({ValueCode.Hash(member.Value!, member.Name)});");
        }

        writer.Line("return hash.ToHashCode();");
        writer.Close();
        writer.Line();
    }

    private static void EmitReader(SourceWriter writer, ObjectTypeSpec type, bool isVariant)
    {
        var hide = isVariant ? "new " : string.Empty;
        writer.Line("/// <summary>Parses UTF-8 JSON text into a <see cref=\"" + type.Name + "\"/>.</summary>");
        writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON is malformed or does not fit this type.</exception>");
        writer.Line($"public static {hide}{type.Name} Parse(global::System.ReadOnlySpan<byte> utf8Json) => {Support}.Parse(utf8Json, ReadFrom);");
        writer.Line();
        writer.Line("/// <summary>Parses JSON text into a <see cref=\"" + type.Name + "\"/>.</summary>");
        writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON is malformed or does not fit this type.</exception>");
        writer.Line($"public static {hide}{type.Name} Parse(string json) => {Support}.Parse(json, ReadFrom);");
        writer.Line();
        writer.Line("/// <summary>Reads a <see cref=\"" + type.Name + "\"/> from <paramref name=\"reader\"/>, positioned on the object's start.</summary>");
        writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON is malformed or does not fit this type.</exception>");
        writer.Open($"public static {hide}{type.Name} ReadFrom(ref {Reader} reader)");
        var owner = CSharpLiterals.String(type.Name);
        var members = type.Properties.Where(p => p.IsSettable).ToList();
        writer.Open("if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)");
        writer.Line($"throw {Support}.Mismatch(ref reader, {owner}, \"\", \"an object\");");
        writer.Close();
        writer.Line();
        foreach (var property in members)
        {
            writer.Line($"{LocalType(property)} {Local(property)} = default;");
        }

        foreach (var property in type.Properties.Where(p => p.Required))
        {
            writer.Line($"var {Seen(property)} = false;");
        }

        writer.Open("while (true)");
        writer.Line($"{Support}.Next(ref reader);");
        writer.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject)");
        writer.Line("break;");
        writer.Close();
        writer.Line();

        if (type.Properties.Count > 0)
        {
            PropertyNameMatch.Declare(writer);
        }

        var first = true;
        foreach (var property in type.Properties)
        {
            writer.Open($"{(first ? string.Empty : "else ")}if ({PropertyNameMatch.Is(property.JsonName)})");
            first = false;
            writer.Line($"{Support}.Next(ref reader);");
            if (property.ConstJson is not null)
            {
                if (property.ConstJson == "null" || property.Value is { Kind: ValueKind.String })
                {
                    var expected = property.ConstJson == "null" ? "null" : CSharpLiterals.String(Pipeline.JsonStrings.Decode(property.ConstJson));
                    writer.Line($"{Support}.ExpectConstant(ref reader, {owner}, {CSharpLiterals.String(property.JsonName)}, {expected});");
                }
                else
                {
                    // Fixed numbers, booleans and structures are checked by the validator, not bound.
                    writer.Line("reader.Skip();");
                }
            }
            else
            {
                writer.Line($"{Local(property)} = {ValueCode.Read(property.Value!, "reader", type.Name, property.JsonName)};");
            }

            if (property.Required)
            {
                writer.Line($"{Seen(property)} = true;");
            }

            writer.Close();
        }

        // With no declared property, every member is unknown: no condition to write.
        var anyDeclared = !first;
        if (anyDeclared)
        {
            writer.Open("else");
        }

        if (type.RejectsUnknownProperties)
        {
            writer.Line($"throw {Support}.UnknownProperty(ref reader, {owner});");
        }
        else
        {
            writer.Line($"{Support}.Next(ref reader);");
            writer.Line("reader.Skip();");
        }

        if (anyDeclared)
        {
            writer.Close();
        }

        writer.Close();
        writer.Line();

        foreach (var property in type.Properties.Where(p => p.Required))
        {
            writer.Open($"if (!{Seen(property)})");
            writer.Line($"throw {Support}.MissingProperty({owner}, {CSharpLiterals.String(property.JsonName)});");
            writer.Close();
            writer.Line();
        }

        if (members.Count == 0)
        {
            writer.Line($"return new {type.Name}();");
        }
        else
        {
            writer.Open($"return new {type.Name}");
            foreach (var property in members)
            {
                var suppress = property.Required && !property.Value!.Nullable && !property.Value.IsValueType ? "!" : string.Empty;
                writer.Line($"{property.Name} = {Local(property)}{suppress},");
            }

            writer.Close(";");
        }

        writer.Close();
        writer.Line();
    }

    private static void EmitWriter(SourceWriter writer, ObjectTypeSpec type, bool isVariant)
    {
        writer.Line("/// <summary>Writes this value as a JSON object, properties in schema order.</summary>");
        writer.Open($"public {(isVariant ? "override " : string.Empty)}void WriteTo({Writer} writer)");
        writer.Line("writer.WriteStartObject();");
        foreach (var property in type.Properties)
        {
            var name = $"writer.WritePropertyName(JsonNames.{property.Name});";
            if (property.ConstJson is not null)
            {
                writer.Line(name);
                writer.Line(property.ConstJson == "null"
                    ? "writer.WriteNullValue();"
                    : $"writer.WriteRawValue({CSharpLiterals.String(property.ConstJson)}, skipInputValidation: true);");
            }
            else if (property.AlwaysWritten)
            {
                writer.Line(name);
                writer.Line(ValueCode.Write(property.Value!, property.Name, "writer"));
            }
            else
            {
                writer.Open($"if ({property.Name} is not null)");
                writer.Line(name);
                writer.Line(ValueCode.WritePresent(property.Value!, property.Name, "writer"));
                writer.Close();
            }
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
        writer.Line();

        if (!isVariant)
        {
            writer.Line("/// <summary>This value as JSON text.</summary>");
            writer.Line($"public string ToJson() => {Support}.ToJson(this, static (value, writer) => value.WriteTo(writer));");
            writer.Line();
        }
    }

    private static void EmitNames(SourceWriter writer, ObjectTypeSpec type)
    {
        writer.Open("private static class JsonNames");
        foreach (var property in type.Properties)
        {
            writer.Line($"public static readonly global::System.Text.Json.JsonEncodedText {property.Name} = global::System.Text.Json.JsonEncodedText.Encode({CSharpLiterals.String(property.JsonName)});");
        }

        writer.Close();
    }

    /// <summary>The member's C# type: nullable when <c>null</c> is allowed or the property may be absent.</summary>
    private static string DeclaredType(PropertySpec property) => Declared(property).DeclaredType;

    private static ValueSpec Declared(PropertySpec property)
        => property.Required ? property.Value! : property.Value! with { Nullable = true };

    private static string LocalType(PropertySpec property)
        => property.Required && !property.Value!.IsValueType ? property.Value!.TypeName + "?" : DeclaredType(property);

    /// <summary>The reader local holding a property's value (shared by the plain and the validating reader).</summary>
    internal static string Local(PropertySpec property) => "__" + Schema.Naming.ToCamelCase(property.Name).TrimStart('@');

    /// <summary>The reader local recording that a required property was present.</summary>
    internal static string Seen(PropertySpec property) => "__has" + property.Name;
}
