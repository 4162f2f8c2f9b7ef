using System.Linq;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// <c>ReadValidated</c>: the one-pass reader behind <c>TryParse</c>. It binds and validates together,
/// collecting every error with its JSON Pointer (the same errors the schema position's validator
/// reports) and returns null when there were any. Where the one-pass plan does not apply (see
/// <c>OnePassPlanner</c>), it validates a copy of the reader first and then binds.
/// </summary>
internal static class ValidatingReaderEmitter
{
    private const string Support = JsonSupportEmitter.TypeName;
    private const string Validators = "SchemaValidators";
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";

    public static void EmitForRecord(SourceWriter writer, ObjectTypeSpec type, bool hidesInherited)
    {
        Header(writer, type.Name, hidesInherited);
        if (!type.IsSimple)
        {
            EmitValidateThenBind(writer, type.ValidatorMethod);
            return;
        }

        writer.Open($"if (reader.TokenType != {TokenType}.StartObject)");
        writer.Line($"{Validators}.{type.ValidatorMethod}(ref reader, ref context);");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
        writer.Line("var mark = context.ErrorCount;");
        var members = type.Properties.Where(p => p.IsSettable).ToList();
        foreach (var property in members)
        {
            writer.Line($"{Declared(property).DeclaredType} {Local(property)} = default;");
        }

        foreach (var property in type.Properties.Where(p => p.Required))
        {
            writer.Line($"var {Seen(property)} = false;");
        }

        writer.Open("while (true)");
        writer.Line($"{Support}.Next(ref reader);");
        writer.Open($"if (reader.TokenType == {TokenType}.EndObject)");
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
            if (property.Required)
            {
                writer.Line($"{Seen(property)} = true;");
            }

            writer.Line($"{Support}.Next(ref reader);");
            if (property.Read.BindImpliesValid && property.IsSettable)
            {
                EmitBindOrValidate(writer, property);
            }
            else if (property.Read.BindImpliesValid)
            {
                EmitMatchOrValidate(writer, property);
            }
            else
            {
                writer.Line("var errorsBefore = context.ErrorCount;");
                EmitProperty(writer, property);
                EmitPrefix(writer, "errorsBefore", CSharpLiterals.String(property.JsonName));
            }

            writer.Close();
        }

        writer.Open(first ? string.Empty : "else");
        if (type.RejectsUnknownProperties)
        {
            writer.Line("var name = reader.GetString()!;");
            writer.Line($"{Support}.Next(ref reader);");
            writer.Line($"context.AddForMember(name, \"additionalProperties\", {Support}.ValueText(reader), \"is not an allowed property\");");
            writer.Line("reader.Skip();");
        }
        else
        {
            writer.Line($"{Support}.Next(ref reader);");
            writer.Line("reader.Skip();");
        }

        writer.Close();
        writer.Close();
        writer.Line();
        foreach (var property in type.Properties.Where(p => p.Required))
        {
            writer.Open($"if (!{Seen(property)})");
            writer.Line($"context.AddForMember({CSharpLiterals.String(property.JsonName)}, \"required\", null, \"is required\");");
            writer.Close();
            writer.Line();
        }

        writer.Open("if (context.ErrorCount != mark)");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
        if (members.Count == 0)
        {
            writer.Line($"return new {type.Name}();");
        }
        else
        {
            writer.Open($"return new {type.Name}");
            foreach (var property in members)
            {
                var suppress = property.Required && !property.Value!.Nullable && !property.Value.IsValueType ? "!" : property.Required && !property.Value!.Nullable ? ".GetValueOrDefault()" : string.Empty;
                writer.Line($"{property.Name} = {Local(property)}{suppress},");
            }

            writer.Close(";");
        }

        writer.Close();
        writer.Line();
    }

    public static void EmitForUnion(SourceWriter writer, UnionTypeSpec union)
    {
        Header(writer, union.Name, hidesInherited: false);
        if (!union.IsSimple)
        {
            EmitValidateThenBind(writer, union.ValidatorMethod);
            return;
        }

        writer.Open($"if (reader.TokenType != {TokenType}.StartObject)");
        writer.Line($"{Validators}.{union.ValidatorMethod}(ref reader, ref context);");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
        writer.Line("var lookahead = reader;");
        writer.Open($"if ({Support}.SeekProperty(ref lookahead, {CSharpLiterals.Utf8(union.DiscriminatorJsonName)}) && lookahead.TokenType == {TokenType}.String)");
        foreach (var variant in union.Variants)
        {
            writer.Open($"if (lookahead.ValueTextEquals({CSharpLiterals.Utf8(variant.Value)}))");
            writer.Line($"return {variant.Name}.ReadValidated(ref reader, ref context);");
            writer.Close();
            writer.Line();
        }

        writer.Close();
        writer.Line();
        writer.Line("// No variant named: the union's validator reports it (a missing or unknown discriminator).");
        writer.Line($"{Validators}.{union.ValidatorMethod}(ref reader, ref context);");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
    }

    private static void Header(SourceWriter writer, string typeName, bool hidesInherited)
    {
        writer.Line("/// <summary>Binds and validates the value at <paramref name=\"reader\"/> in one pass; null when <paramref name=\"context\"/> got errors.</summary>");
        writer.Open($"internal static {(hidesInherited ? "new " : string.Empty)}{typeName}? ReadValidated(ref {Reader} reader, ref ValidationContext context)");
    }

    private static void EmitValidateThenBind(SourceWriter writer, string validator)
    {
        writer.Line("// This schema position asserts more than the type's shape: validate a copy, then bind.");
        writer.Line("var mark = context.ErrorCount;");
        writer.Line("var start = reader;");
        writer.Line($"{Validators}.{validator}(ref reader, ref context);");
        writer.Open($"if (context.ErrorCount != mark || start.TokenType != {TokenType}.StartObject)");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
        EmitBindValid(writer, "return ReadFrom(ref start);", "return null;");
        writer.Close();
        writer.Line();
    }

    /// <summary>Binding JSON the validator accepted can still fail where C# cannot hold a valid value: report it, never throw.</summary>
    private static void EmitBindValid(SourceWriter writer, string bind, string onFailure)
    {
        writer.Open("try");
        writer.Line(bind);
        writer.Close();
        writer.Open("catch (global::System.Text.Json.JsonException e)");
        writer.Line("context.Add(\"type\", null, e.Message);");
        writer.Line(onFailure);
        writer.Close();
    }

    /// <summary>A fixed value (a discriminator's const, a null-only property): compare in place; validate only a mismatch.</summary>
    private static void EmitMatchOrValidate(SourceWriter writer, PropertySpec property)
    {
        var matches = property.ConstJson == "null"
            ? $"reader.TokenType == {TokenType}.Null"
            : $"reader.TokenType == {TokenType}.String && reader.ValueTextEquals({CSharpLiterals.Utf8(Pipeline.JsonStrings.Decode(property.ConstJson!))})";
        writer.Open($"if (!({matches}))");
        writer.Line("var errorsBefore = context.ErrorCount;");
        writer.Line($"{Validators}.{property.Read.Validator}(ref reader, ref context);");
        EmitPrefix(writer, "errorsBefore", CSharpLiterals.String(property.JsonName));
        writer.Close();
    }

    /// <summary>The common case on the hot path: bind, and only when the value does not bind, validate it for its errors.</summary>
    private static void EmitBindOrValidate(SourceWriter writer, PropertySpec property)
        => EmitBindOrValidate(writer, property.Value!, Local(property) + " = {0};", property.Read.Validator, CSharpLiterals.String(property.JsonName), "errorsBefore");

    private static void EmitBindOrValidate(SourceWriter writer, ValueSpec value, string assignFormat, string validator, string segment, string mark)
    {
        var condition = value.Kind switch
        {
            ValueKind.String => $"reader.TokenType == {TokenType}.String",
            ValueKind.Boolean => $"reader.TokenType is {TokenType}.True or {TokenType}.False",
            _ => $"{value.TypeName}Json.TryRead(ref reader, out var member)",
        };
        var bound = value.Kind switch
        {
            ValueKind.String => "reader.GetString()!",
            ValueKind.Boolean => "reader.GetBoolean()",
            _ => "member",
        };
        writer.Open($"if ({condition})");
        writer.Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, assignFormat, bound));
        writer.Close();
        if (value.Nullable)
        {
            writer.Open($"else if (reader.TokenType == {TokenType}.Null)");
            writer.Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, assignFormat, "null"));
            writer.Close();
        }

        writer.Open("else");
        writer.Line($"var {mark} = context.ErrorCount;");
        writer.Line($"{Validators}.{validator}(ref reader, ref context);");
        EmitPrefix(writer, mark, segment);
        writer.Close();
    }

    /// <summary>Errors reported since <paramref name="mark"/> happened inside <paramref name="segment"/>: prefix their paths.</summary>
    public static void EmitPrefix(SourceWriter writer, string mark, string segment)
    {
        writer.Open($"if (context.ErrorCount != {mark})");
        writer.Line($"context.Prefix({mark}, {segment});");
        writer.Close();
    }

    private static void EmitProperty(SourceWriter writer, PropertySpec property)
    {
        var read = property.Read;
        var validate = $"{Validators}.{read.Validator}(ref reader, ref context);";
        if (property.Value is null || !property.IsSettable)
        {
            writer.Line(validate);
            return;
        }

        var local = Local(property);
        switch (read.Mode)
        {
            case ReadMode.Scalar:
                EmitBindScalar(writer, property.Value, value => $"{local} = {value};");
                writer.Line(validate);
                break;
            case ReadMode.Record when read.NullBeforeRecord:
                writer.Open($"if (reader.TokenType != {TokenType}.Null)");
                writer.Line($"{local} = {property.Value.TypeName}.ReadValidated(ref reader, ref context);");
                writer.Close();
                break;
            case ReadMode.Record:
                writer.Line($"{local} = {property.Value.TypeName}.ReadValidated(ref reader, ref context);");
                break;
            case ReadMode.Array:
                EmitArray(writer, property, validate);
                break;
            default:
                writer.Line("var start = reader;");
                writer.Line("var before = context.ErrorCount;");
                writer.Line(validate);
                writer.Open("if (context.ErrorCount == before)");
                EmitBindValid(writer, $"{local} = {ValueCode.Read(property.Value, "start", "value", property.JsonName)};", string.Empty);
                writer.Close();
                break;
        }
    }

    private static void EmitArray(SourceWriter writer, PropertySpec property, string validate)
    {
        var element = property.Value!.Element!;
        writer.Open($"if (reader.TokenType == {TokenType}.StartArray)");
        writer.Line($"var elements = new {Support}.ArrayBuilder<{element.DeclaredType}>();");
        writer.Line("var index = 0;");
        writer.Open("while (true)");
        writer.Line($"{Support}.Next(ref reader);");
        writer.Open($"if (reader.TokenType == {TokenType}.EndArray)");
        writer.Line("break;");
        writer.Close();
        writer.Line();
        if (property.Read.ElementBindImpliesValid)
        {
            EmitBindOrValidate(writer, element, "elements.Add({0});", property.Read.ItemsValidator!, "index", "elementErrorsBefore");
            writer.Line("index++;");
            writer.Close();
            writer.Line();
            writer.Line($"{Local(property)} = elements.ToArray();");
            writer.Close();
            writer.Open("else");
            writer.Line("// null (when allowed) or a type error: the array's validator decides.");
            writer.Line(validate);
            writer.Close();
            return;
        }

        writer.Line("var elementErrorsBefore = context.ErrorCount;");
        if (property.Read.ElementMode == ReadMode.Record)
        {
            writer.Line($"var item = {element.TypeName}.ReadValidated(ref reader, ref context);");
            writer.Open("if (item is not null)");
            writer.Line("elements.Add(item);");
            writer.Close();
        }
        else
        {
            EmitBindScalar(writer, element, value => $"elements.Add({value});");
            writer.Line($"{Validators}.{property.Read.ItemsValidator}(ref reader, ref context);");
        }

        EmitPrefix(writer, "elementErrorsBefore", "index");
        writer.Line("index++;");
        writer.Close();
        writer.Line();
        writer.Line($"{Local(property)} = elements.ToArray();");
        writer.Close();
        writer.Open("else");
        writer.Line("// null (when allowed) or a type error: the array's validator decides.");
        writer.Line(validate);
        writer.Close();
    }

    /// <summary>
    /// Binds a scalar when its token fits; the validator that follows reports anything that does not.
    /// A value valid for the schema that C# cannot hold (an integer beyond 64 bits) is an error too.
    /// </summary>
    private static void EmitBindScalar(SourceWriter writer, ValueSpec value, System.Func<string, string> assign)
    {
        if (value.Nullable)
        {
            writer.Open($"if (reader.TokenType == {TokenType}.Null)");
            writer.Line(assign("null"));
            writer.Close();
        }

        switch (value.Kind)
        {
            case ValueKind.String:
                writer.Open($"if (reader.TokenType == {TokenType}.String)");
                writer.Line(assign("reader.GetString()!"));
                writer.Close();
                break;
            case ValueKind.Integer:
                writer.Open($"if (reader.TokenType == {TokenType}.Number)");
                writer.Open($"if ({Support}.TryGetInteger(ref reader, out var integer))");
                writer.Line(assign("integer"));
                writer.Close();
                writer.Open($"else if ({Support}.KindOf(ref reader) == {Support}.JsonKind.Integer)");
                writer.Line($"context.Add(\"type\", {Support}.ValueText(reader), \"is outside the range of a 64-bit integer\");");
                writer.Close();
                writer.Close();
                break;
            case ValueKind.Number:
                writer.Open($"if (reader.TokenType == {TokenType}.Number)");
                writer.Open("if (reader.TryGetDouble(out var number) && !double.IsInfinity(number))");
                writer.Line(assign("number"));
                writer.Close();
                writer.Open("else");
                writer.Line($"context.Add(\"type\", {Support}.ValueText(reader), \"is outside the range of a double\");");
                writer.Close();
                writer.Close();
                break;
            case ValueKind.Boolean:
                writer.Open($"if (reader.TokenType is {TokenType}.True or {TokenType}.False)");
                writer.Line(assign("reader.GetBoolean()"));
                writer.Close();
                break;
            case ValueKind.Enum:
                writer.Open($"if ({value.TypeName}Json.TryRead(ref reader, out var member))");
                writer.Line(assign("member"));
                writer.Close();
                break;
        }
    }

    /// <summary>Locals start as null: "not read (yet)"; only a value without errors is ever constructed.</summary>
    private static ValueSpec Declared(PropertySpec property) => property.Value! with { Nullable = true };

    private static string Local(PropertySpec property) => RecordEmitter.Local(property);

    private static string Seen(PropertySpec property) => RecordEmitter.Seen(property);
}
