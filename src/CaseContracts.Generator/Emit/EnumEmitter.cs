using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// A string <c>enum</c> → a C# enum plus a <c>…Json</c> class that reads and writes the exact JSON
/// strings (no reflection, no attribute lookups).
/// </summary>
internal static class EnumEmitter
{
    private const string Support = JsonSupportEmitter.TypeName;

    public static string Emit(EnumTypeSpec type)
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + type.Namespace);
        writer.Summary(type.Description ?? type.Name + ".");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open("public enum " + type.Name);
        foreach (var member in type.Members)
        {
            writer.Line($"/// <summary>JSON <c>{SourceWriter.EscapeXml(CSharpLiterals.String(member.JsonValue))}</c>.</summary>");
            writer.Line(member.Name + ",");
        }

        writer.Close();
        writer.Line();

        var owner = CSharpLiterals.String(type.Name);
        writer.Line($"/// <summary>Reads and writes <see cref=\"{type.Name}\"/> as its JSON strings.</summary>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public static class {type.Name}Json");
        writer.Line($"/// <summary>Reads a <see cref=\"{type.Name}\"/> from the string at <paramref name=\"reader\"/>.</summary>");
        writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The value is not one of the allowed strings.</exception>");
        writer.Open($"public static {type.Name} ReadFrom(ref global::System.Text.Json.Utf8JsonReader reader)");
        writer.Open("if (TryRead(ref reader, out var value))");
        writer.Line("return value;");
        writer.Close();
        writer.Line();
        var expected = string.Join(", ", System.Linq.Enumerable.Select(type.Members, m => "\"" + m.JsonValue + "\""));
        writer.Line($"throw {Support}.Mismatch(ref reader, {owner}, \"\", {CSharpLiterals.String("one of " + expected)});");
        writer.Close();
        writer.Line();
        writer.Line($"/// <summary>Reads a <see cref=\"{type.Name}\"/> when the value at <paramref name=\"reader\"/> is one of its strings; false otherwise, without throwing.</summary>");
        writer.Open($"public static bool TryRead(ref global::System.Text.Json.Utf8JsonReader reader, out {type.Name} value)");
        writer.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)");
        foreach (var member in type.Members)
        {
            writer.Open($"if (reader.ValueTextEquals({CSharpLiterals.Utf8(member.JsonValue)}))");
            writer.Line($"value = {type.Name}.{member.Name};");
            writer.Line("return true;");
            writer.Close();
            writer.Line();
        }

        writer.Close();
        writer.Line();
        writer.Line("value = default;");
        writer.Line("return false;");
        writer.Close();
        writer.Line();
        writer.Line($"/// <summary>Writes <paramref name=\"value\"/> as its JSON string.</summary>");
        writer.Open($"public static void WriteTo(global::System.Text.Json.Utf8JsonWriter writer, {type.Name} value)");
        writer.Line("writer.WriteStringValue(ToJsonString(value));");
        writer.Close();
        writer.Line();
        writer.Line($"/// <summary>The JSON string of <paramref name=\"value\"/>.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The value is not a defined member.</exception>");
        writer.Open($"public static string ToJsonString(this {type.Name} value)");
        writer.Open("return value switch");
        foreach (var member in type.Members)
        {
            writer.Line($"{type.Name}.{member.Name} => {CSharpLiterals.String(member.JsonValue)},");
        }

        writer.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a defined {type.Name}.\"),");
        writer.Close(";");
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
