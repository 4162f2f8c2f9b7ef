using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> whose members the JSON kind tells apart → a record with one nullable accessor per kind
/// (<c>AsString</c>, <c>AsArray</c>, …): reading sets the accessor of the token's kind, writing writes the one that is
/// set. It has the entry points every root has; its validator (the whole union) decides validity, binding only picks
/// the accessor, which is exact because a valid value matches a member of its kind and the accessor holds them all.
/// </summary>
internal static class KindUnionEmitter
{
    private const string Support = JsonSupportEmitter.TypeName;
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";

    public static string Emit(KindUnionTypeSpec type, GenerationCapabilities capabilities)
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + type.Namespace);
        writer.Summary(type.Description ?? type.Name + ": one of several kinds of JSON value; the accessor of the value's kind is set, the others are null.");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open("public sealed partial record " + type.Name);
        foreach (var member in type.Members)
        {
            writer.Summary(member.Description ?? $"The value when it is {Article(member.JsonKind)}; else null.");
            writer.Line($"public {member.Value.TypeName}? {member.Name} {{ get; init; }}");
            writer.Line();
        }

        EmitEquality(writer, type);
        ParseEntryPoints.Emit(writer, type.Namespace, type.Name, type.ValidatorMethod, hidesInherited: false, capabilities.HasPipeReader);
        ValidatingReaderEmitter.EmitForDocument(writer, type.Name, type.ValidatorMethod);
        EmitReader(writer, type);
        EmitWriter(writer, type);
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void EmitEquality(SourceWriter writer, KindUnionTypeSpec type)
    {
        if (!type.Members.Any(m => m.Value.IsCollection))
        {
            return;
        }

        writer.Line("/// <inheritdoc/>");
        writer.Open($"public bool Equals({type.Name}? other)");
        writer.Line("return other is not null && (ReferenceEquals(this, other) ||");
        var members = type.Members.ToList();
        for (var i = 0; i < members.Count; i++)
        {
            var end = i == members.Count - 1 ? ");" : " &&";
            writer.Line("    " + ValueCode.Equal(members[i].Value with { Nullable = true }, members[i].Name, "other." + members[i].Name) + end);
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override int GetHashCode()");
        writer.Line("var hash = new global::System.HashCode();");
        foreach (var member in members)
        {
            writer.Line($"hash.Add({ValueCode.Hash(member.Value, member.Name)});");
        }

        writer.Line("return hash.ToHashCode();");
        writer.Close();
        writer.Line();
    }

    private static void EmitReader(SourceWriter writer, KindUnionTypeSpec type)
    {
        writer.Line($"/// <summary>Reads a <see cref=\"{type.Name}\"/> at <paramref name=\"reader\"/> (positioned on its first token) without checking it against the schema.</summary>");
        writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON is of none of the union's kinds, or does not fit the member of its kind.</exception>");
        writer.Line(SourceWriter.NotBrowsableAttribute);
        writer.Open($"public static {type.Name} ReadFrom(ref {Reader} reader)");
        writer.Open("switch (reader.TokenType)");
        foreach (var member in type.Members)
        {
            foreach (var token in Tokens(member.JsonKind))
            {
                writer.Line($"case {TokenType}.{token}:");
            }

            writer.Line($"    return new {type.Name} {{ {member.Name} = {ValueCode.Read(member.Value, "reader", type.Name, member.JsonKind)} }};");
        }

        writer.Line("default:");
        var expected = string.Join(" or ", type.Members.Select(m => Article(m.JsonKind)));
        writer.Line($"    throw {Support}.Mismatch(ref reader, {CSharpLiterals.String(type.Name)}, \"\", {CSharpLiterals.String(expected)});");
        writer.Close();
        writer.Close();
        writer.Line();
    }

    private static void EmitWriter(SourceWriter writer, KindUnionTypeSpec type)
    {
        writer.Line("/// <summary>Writes the value of the accessor that is set (<c>null</c> when none is).</summary>");
        writer.Open($"public void WriteTo({Writer} writer)");
        var first = true;
        foreach (var member in type.Members)
        {
            writer.Open($"{(first ? string.Empty : "else ")}if ({member.Name} is not null)");
            first = false;
            writer.Line(ValueCode.WritePresent(member.Value, member.Name, "writer"));
            writer.Close();
        }

        writer.Open("else");
        writer.Line("writer.WriteNullValue();");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>This value as JSON text.</summary>");
        writer.Line($"public string ToJson() => {Support}.ToJson(this, static (value, writer) => value.WriteTo(writer));");
    }

    private static string[] Tokens(string kind) => kind switch
    {
        "string" => new[] { "String" },
        "integer" or "number" => new[] { "Number" },
        "boolean" => new[] { "True", "False" },
        "object" => new[] { "StartObject" },
        "array" => new[] { "StartArray" },
        _ => new[] { "None" },
    };

    private static string Article(string kind) => kind switch
    {
        "integer" => "an integer",
        "array" => "an array",
        "object" => "an object",
        _ => "a " + kind,
    };
}
