using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Model;
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
        }
        else
        {
            EmitReadMembers(writer, type);
        }

        if (type.UnionCommonMembers is { } common)
        {
            EmitVariantParts(writer, type, common);
        }
    }

    /// <summary>
    /// The object loop. A variant its union reads in one pass keeps the members not common to all variants in
    /// <c>OwnMembers</c> and reads them with <c>ReadOwnMember</c>, as the union does; <c>CreateValidated</c> ends both.
    /// </summary>
    private static void EmitReadMembers(SourceWriter writer, ObjectTypeSpec type)
    {
        var common = type.UnionCommonMembers;
        var inline = common is null ? type.Properties.ToList() : type.Properties.Where(p => p.IsDiscriminator || common.Value.Contains(p.JsonName)).ToList();
        EmitNotAnObject(writer, type.ValidatorMethod);
        writer.Line("var mark = context.ErrorCount;");
        DeclareLocals(writer, inline);
        if (common is not null)
        {
            writer.Line("var own = new OwnMembers();");
        }

        EmitMemberLoopStart(writer);
        if (type.Properties.Count > 0)
        {
            PropertyNameMatch.Declare(writer);
        }

        var first = EmitMemberBranches(writer, inline, Slot.Local);
        writer.Open(first ? string.Empty : "else");
        if (common is null)
        {
            EmitUnknownMember(writer, type.RejectsUnknownProperties, "reader");
        }
        else
        {
            writer.Line("ReadOwnMember(propertyName, ref reader, ref context, ref own);");
        }

        writer.Close();
        writer.Close();
        writer.Line();
        if (common is null)
        {
            EmitComplete(writer, type, Slot.Local);
        }
        else
        {
            var arguments = CreateParameters(type, common.Value).Select(p => p.Name).Concat(new[] { "in own" });
            writer.Line($"return CreateValidated(ref context, mark, {string.Join(", ", arguments)});");
        }

        writer.Close();
        writer.Line();
    }

    /// <summary>Not an object: the schema position's validator says what is wrong.</summary>
    internal static void EmitNotAnObject(SourceWriter writer, string validator)
    {
        writer.Open($"if (reader.TokenType != {TokenType}.StartObject)");
        writer.Line($"{Validators}.{validator}(ref reader, ref context);");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
    }

    /// <summary>Opens the loop over an object's members; in it, the reader stands on a member's name.</summary>
    internal static void EmitMemberLoopStart(SourceWriter writer)
    {
        writer.Open("while (true)");
        writer.Line($"{Support}.Next(ref reader);");
        writer.Open($"if (reader.TokenType == {TokenType}.EndObject)");
        writer.Line("break;");
        writer.Close();
        writer.Line();
    }

    /// <summary>The locals a reader keeps members in: each value (null until read) and, for a required member, whether it was seen.</summary>
    internal static void DeclareLocals(SourceWriter writer, IReadOnlyList<PropertySpec> properties)
    {
        foreach (var property in properties.Where(p => p.IsSettable))
        {
            writer.Line($"{Declared(property).DeclaredType} {Local(property)} = default;");
        }

        foreach (var property in properties.Where(p => p.Required))
        {
            writer.Line($"var {Seen(property)} = false;");
        }
    }

    /// <summary>One <c>if</c>/<c>else if</c> per property, matching its name; true when there was none.</summary>
    internal static bool EmitMemberBranches(SourceWriter writer, IEnumerable<PropertySpec> properties, System.Func<PropertySpec, Slot> slot)
    {
        var first = true;
        foreach (var property in properties)
        {
            writer.Open($"{(first ? string.Empty : "else ")}if ({PropertyNameMatch.Is(property.JsonName)})");
            first = false;
            EmitMember(writer, property, slot(property));
            writer.Close();
        }

        return first;
    }

    /// <summary>Reads a member's value (the reader on its name) into its slot and validates it.</summary>
    private static void EmitMember(SourceWriter writer, PropertySpec property, Slot slot)
    {
        if (property.Required)
        {
            writer.Line($"{slot.Seen} = true;");
        }

        writer.Line($"{Support}.Next(ref reader);");
        if (property.Read.BindImpliesValid && property.IsSettable)
        {
            EmitBindOrValidate(writer, property.Value!, slot.Value + " = {0};", property.Read.Validator, property.Read.TypeMessage, CSharpLiterals.Pointer(property.JsonName), "errorsBefore");
        }
        else if (property.Read.BindImpliesValid)
        {
            EmitMatchOrValidate(writer, property);
        }
        else
        {
            writer.Line("var errorsBefore = context.ErrorCount;");
            EmitProperty(writer, property, slot.Value);
            EmitPrefix(writer, "errorsBefore", CSharpLiterals.Pointer(property.JsonName));
        }
    }

    /// <summary>A member the schema does not declare (the reader on its name): an error when unknown members are not allowed.</summary>
    internal static void EmitUnknownMember(SourceWriter writer, bool rejects, string reader)
    {
        if (rejects)
        {
            writer.Line($"var name = {reader}.GetString()!;");
            writer.Line($"{Support}.Next(ref {reader});");
            writer.Line($"context.AddForMember(name, \"additionalProperties\", ref {reader}, \"is not an allowed property\");");
        }
        else
        {
            writer.Line($"{Support}.Next(ref {reader});");
        }

        writer.Line($"context.Skip(ref {reader});");
    }

    /// <summary>The end of an object: the missing members, then the value unless errors were found since <c>mark</c>.</summary>
    private static void EmitComplete(SourceWriter writer, ObjectTypeSpec type, System.Func<PropertySpec, Slot> slot)
    {
        foreach (var property in type.Properties.Where(p => p.Required))
        {
            writer.Open($"if (!{slot(property).Seen})");
            writer.Line($"context.AddAt({CSharpLiterals.Pointer(property.JsonName)}, \"required\", null, \"is required\");");
            writer.Close();
            writer.Line();
        }

        writer.Open("if (context.ErrorCount != mark)");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
        var members = type.Properties.Where(p => p.IsSettable).ToList();
        if (members.Count == 0)
        {
            writer.Line($"return new {type.Name}();");
            return;
        }

        writer.Open($"return new {type.Name}");
        foreach (var property in members)
        {
            var suppress = property.Required && !property.Value!.Nullable && !property.Value.IsValueType ? "!" : property.Required && !property.Value!.Nullable ? ".GetValueOrDefault()" : string.Empty;
            writer.Line($"{property.Name} = {slot(property).Value}{suppress},");
        }

        writer.Close(";");
    }

    /// <summary>
    /// What the union's one-pass reader needs from a variant: the members not common to every variant
    /// (<c>OwnMembers</c>), how to read one of them (<c>ReadOwnMember</c>) and the end of the object (<c>CreateValidated</c>),
    /// which takes the common members from the union.
    /// </summary>
    private static void EmitVariantParts(SourceWriter writer, ObjectTypeSpec type, EquatableArray<string> common)
    {
        var own = type.Properties.Where(p => !p.IsDiscriminator && !common.Contains(p.JsonName)).ToList();
        var union = type.ContainingType;
        writer.Line($"/// <summary>The members of a <see cref=\"{type.Name}\"/> that not every <see cref=\"{union}\"/> variant has, as read so far.</summary>");
        writer.Line(SourceWriter.NotBrowsableAttribute);
        writer.Open("internal struct OwnMembers");
        foreach (var property in own.Where(p => p.IsSettable))
        {
            writer.Line($"public {Declared(property).DeclaredType} {Local(property)};");
        }

        foreach (var property in own.Where(p => p.Required))
        {
            writer.Line($"public bool {Seen(property)};");
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// Reads a member not every <see cref=\"{union}\"/> variant has, the reader on its name: for this reader and for the");
        writer.Line($"/// union's, once its discriminator names this variant. A member this variant does not declare is {(type.RejectsUnknownProperties ? "an error" : "skipped")}.");
        writer.Line("/// </summary>");
        writer.Line(SourceWriter.NotBrowsableAttribute);
        writer.Open($"internal static void ReadOwnMember(scoped global::System.ReadOnlySpan<byte> propertyName, ref {Reader} reader, ref ValidationContext context, ref OwnMembers own)");
        var none = EmitMemberBranches(writer, own, Slot.Own);
        if (!none)
        {
            writer.Open("else");
        }

        EmitUnknownMember(writer, type.RejectsUnknownProperties, "reader");
        if (!none)
        {
            writer.Close();
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Reports the missing members and builds the value, unless errors were found since <paramref name=\"mark\"/>.</summary>");
        var parameters = CreateParameters(type, common).Select(p => p.Type + " " + p.Name).Concat(new[] { "in OwnMembers own" });
        writer.Line(SourceWriter.NotBrowsableAttribute);
        writer.Open($"internal static {type.Name}? CreateValidated(ref ValidationContext context, int mark, {string.Join(", ", parameters)})");
        EmitComplete(writer, type, property => own.Contains(property) ? Slot.Own(property) : Slot.Local(property));
        writer.Close();
        writer.Line();
    }

    /// <summary>
    /// What <c>CreateValidated</c> takes besides <c>OwnMembers</c>: the common members (value, then whether seen, when required)
    /// in the union's order, then whether the discriminator was seen.
    /// </summary>
    internal static IEnumerable<(string Type, string Name)> CreateParameters(ObjectTypeSpec type, EquatableArray<string> common)
    {
        var members = common.Select(name => type.Properties.First(p => p.JsonName == name)).Concat(type.Properties.Where(p => p.IsDiscriminator));
        return CreateParameters(members);
    }

    /// <summary>The parameters (or arguments: the locals have the same names) for these members.</summary>
    internal static IEnumerable<(string Type, string Name)> CreateParameters(IEnumerable<PropertySpec> members)
    {
        foreach (var property in members)
        {
            if (property.IsSettable)
            {
                yield return (Declared(property).DeclaredType, Local(property));
            }

            if (property.Required)
            {
                yield return ("bool", Seen(property));
            }
        }
    }

    public static void EmitForUnion(SourceWriter writer, UnionTypeSpec union)
    {
        Header(writer, union.Name, hidesInherited: false);
        if (union.ReadMode == UnionReadMode.ValidateThenBind)
        {
            EmitValidateThenBind(writer, union.ValidatorMethod);
            return;
        }

        if (union.ReadMode == UnionReadMode.OnePass)
        {
            UnionReaderEmitter.Emit(writer, union);
            return;
        }

        EmitNotAnObject(writer, union.ValidatorMethod);
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

    /// <summary>
    /// A document record's <c>ReadValidated</c>: the root's validator runs on the reader, then, when it found nothing,
    /// the value is bound from a copy taken before (any JSON kind: the root need not be an object).
    /// </summary>
    public static void EmitForDocument(SourceWriter writer, string typeName, string validator)
    {
        Header(writer, typeName, hidesInherited: false);
        writer.Line("var mark = context.ErrorCount;");
        writer.Line("var start = reader;");
        writer.Line($"{Validators}.{validator}(ref reader, ref context);");
        writer.Open("if (context.ErrorCount != mark)");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
        EmitBindValid(writer, "return ReadFrom(ref start);", "return null;");
        writer.Close();
        writer.Line();
    }

    private static void Header(SourceWriter writer, string typeName, bool hidesInherited)
    {
        writer.Line("/// <summary>Binds and validates the value at <paramref name=\"reader\"/> in one pass; null when <paramref name=\"context\"/> got errors.</summary>");
        writer.Line(SourceWriter.NotBrowsableAttribute);
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
        EmitPrefix(writer, "errorsBefore", CSharpLiterals.Pointer(property.JsonName));
        writer.Close();
    }

    /// <summary>The common case on the hot path: bind, and only when the value does not bind, validate it for its errors.</summary>
    /// <remarks>
    /// When the schema asserts the type alone (<paramref name="typeMessage"/>), a value that does not bind has exactly one
    /// error, the validator's type error: it is reported in place, at the member or element itself.
    /// </remarks>
    private static void EmitBindOrValidate(SourceWriter writer, ValueSpec value, string assignFormat, string validator, string? typeMessage, string segment, string mark)
    {
        var condition = value.Kind switch
        {
            ValueKind.String => $"reader.TokenType == {TokenType}.String",
            ValueKind.Boolean => $"reader.TokenType is {TokenType}.True or {TokenType}.False",
            _ => $"{value.TypeName}Json.TryRead(ref reader, out var member)",
        };
        var bound = value.Kind switch
        {
            ValueKind.String => $"{Support}.GetString(ref reader)",
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
        if (typeMessage is not null)
        {
            writer.Line($"context.AddAt({segment}, \"type\", ref reader, {CSharpLiterals.String(typeMessage)});");
            writer.Line("context.Skip(ref reader);");
        }
        else
        {
            writer.Line($"var {mark} = context.ErrorCount;");
            writer.Line($"{Validators}.{validator}(ref reader, ref context);");
            EmitPrefix(writer, mark, segment);
        }

        writer.Close();
    }

    /// <summary>Errors reported since <paramref name="mark"/> happened inside <paramref name="segment"/> (a constant pointer or an index): prefix their paths.</summary>
    public static void EmitPrefix(SourceWriter writer, string mark, string segment)
    {
        writer.Open($"if (context.ErrorCount != {mark})");
        writer.Line($"context.Prefix({mark}, {segment});");
        writer.Close();
    }

    private static void EmitProperty(SourceWriter writer, PropertySpec property, string local)
    {
        var read = property.Read;
        var validate = $"{Validators}.{read.Validator}(ref reader, ref context);";
        if (property.Value is null || !property.IsSettable)
        {
            writer.Line(validate);
            return;
        }

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
                EmitArray(writer, property, local, validate);
                break;
            default:
                // The caller marked the error count just before (errorsBefore): no second mark is needed.
                writer.Line("var start = reader;");
                writer.Line(validate);
                writer.Open("if (context.ErrorCount == errorsBefore)");
                EmitBindValid(writer, $"{local} = {ValueCode.Read(property.Value, "start", "value", property.JsonName)};", string.Empty);
                writer.Close();
                break;
        }
    }

    private static void EmitArray(SourceWriter writer, PropertySpec property, string local, string validate)
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
            EmitBindOrValidate(writer, element, "elements.Add({0});", property.Read.ItemsValidator!, property.Read.ElementTypeMessage, "index", "elementErrorsBefore");
            writer.Line("index++;");
            writer.Close();
            writer.Line();
            writer.Line($"{local} = elements.ToArray();");
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
        writer.Line($"{local} = elements.ToArray();");
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
                writer.Line(assign($"{Support}.GetString(ref reader)"));
                writer.Close();
                break;
            case ValueKind.Integer:
                writer.Open($"if (reader.TokenType == {TokenType}.Number)");
                writer.Open($"if ({Support}.TryGetInteger(ref reader, out var integer))");
                writer.Line(assign("integer"));
                writer.Close();
                writer.Open($"else if ({Support}.KindOf(ref reader) == {Support}.JsonKind.Integer)");
                writer.Line($"context.Add(\"type\", ref reader, \"is outside the range of a 64-bit integer\");");
                writer.Close();
                writer.Close();
                break;
            case ValueKind.Number:
                writer.Open($"if (reader.TokenType == {TokenType}.Number)");
                writer.Open("if (reader.TryGetDouble(out var number) && !double.IsInfinity(number))");
                writer.Line(assign("number"));
                writer.Close();
                writer.Open("else");
                writer.Line($"context.Add(\"type\", ref reader, \"is outside the range of a double\");");
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

    /// <summary>Where a reader keeps a member while it reads: the value, and whether it was seen (for a required one).</summary>
    internal sealed record Slot(string Value, string Seen)
    {
        /// <summary>In locals of the reading method (or parameters of <c>CreateValidated</c>, named alike).</summary>
        public static Slot Local(PropertySpec property) => new(ValidatingReaderEmitter.Local(property), ValidatingReaderEmitter.Seen(property));

        /// <summary>In a variant's <c>OwnMembers</c>.</summary>
        public static Slot Own(PropertySpec property) => new("own." + ValidatingReaderEmitter.Local(property), "own." + ValidatingReaderEmitter.Seen(property));
    }
}
