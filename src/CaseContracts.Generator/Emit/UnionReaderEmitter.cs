using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// A union's one-pass <c>ReadValidated</c> (<see cref="UnionReadMode.OnePass"/>): it reads the members every variant
/// declares alike as they come; the discriminator names the variant, whose <c>ReadOwnMember</c> reads the others as
/// they come after it. Those that come before it are skipped, and read from a copy of the reader kept at the first
/// of them once the variant is known. A missing or unknown discriminator is the one error, as the union's validator
/// reports it. No member is tokenised twice unless it precedes the discriminator and is not common to all variants.
/// </summary>
internal static class UnionReaderEmitter
{
    private const string Support = JsonSupportEmitter.TypeName;
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";

    public static void Emit(SourceWriter writer, UnionTypeSpec union)
    {
        var names = new VariantNames(union);
        ValidatingReaderEmitter.EmitNotAnObject(writer, union.ValidatorMethod);
        writer.Line("var mark = context.ErrorCount;");
        writer.Line("// Read as they come: the members every variant declares alike.");
        ValidatingReaderEmitter.DeclareLocals(writer, union.CommonMembers);

        writer.Line($"// Named by the first {CSharpLiterals.String(union.DiscriminatorJsonName)}: the variant, whose own members are read into its OwnMembers.");
        writer.Line($"var variant = {names.Enum}.{names.NotNamed};");
        writer.Line("string? unknownDiscriminator = null;");
        foreach (var variant in union.Variants)
        {
            writer.Line($"var {Members(variant)} = new {variant.Name}.OwnMembers();");
        }

        writer.Line("// Kept at the first member before the discriminator that is not common to all variants: read once the variant is known.");
        writer.Line($"var ahead = default({Reader});");
        writer.Line("var hasAhead = false;");
        ValidatingReaderEmitter.EmitMemberLoopStart(writer);
        PropertyNameMatch.Declare(writer);
        var first = ValidatingReaderEmitter.EmitMemberBranches(writer, union.CommonMembers, ValidatingReaderEmitter.Slot.Local);
        writer.Open($"{(first ? string.Empty : "else ")}if ({PropertyNameMatch.Is(union.DiscriminatorJsonName)})");
        EmitDiscriminator(writer, union, names);
        writer.Close();
        writer.Open($"else if (variant == {names.Enum}.{names.NotNamed})");
        writer.Open("if (!hasAhead)");
        writer.Line("ahead = reader;");
        writer.Line("hasAhead = true;");
        writer.Close();
        writer.Line();
        writer.Line($"{Support}.Next(ref reader);");
        writer.Line("reader.Skip();");
        writer.Close();
        writer.Open("else");
        EmitOwnMember(writer, union, names, "reader", "propertyName");
        writer.Close();
        writer.Close();
        writer.Line();
        EmitEnd(writer, union, names);
        writer.Close();
        writer.Line();
        EmitNameVariant(writer, union, names);
        EmitVariantEnum(writer, union, names);
    }

    private static void EmitDiscriminator(SourceWriter writer, UnionTypeSpec union, VariantNames names)
    {
        writer.Line($"{Support}.Next(ref reader);");
        writer.Open($"if (variant == {names.Enum}.{names.NotNamed})");
        writer.Line("variant = NameVariant(ref reader);");
        writer.Open($"if (variant == {names.Enum}.{names.Unknown})");
        writer.Line($"unknownDiscriminator = {Support}.ValueText(ref reader);");
        writer.Line("reader.Skip();");
        writer.Close();
        writer.Open("else if (hasAhead)");
        writer.Line("// Back to the members before it that are not common to all variants, up to the discriminator.");
        writer.Open("while (true)");
        writer.Line($"var aheadName = {Support}.PropertyName(ref ahead);");
        writer.Open($"if (global::System.MemoryExtensions.SequenceEqual(aheadName, {CSharpLiterals.Utf8(union.DiscriminatorJsonName)}))");
        writer.Line("break;");
        writer.Close();
        writer.Line();
        if (union.CommonMembers.Count > 0)
        {
            var isCommon = string.Join(" || ", union.CommonMembers.Select(m => $"global::System.MemoryExtensions.SequenceEqual(aheadName, {CSharpLiterals.Utf8(m.JsonName)})"));
            writer.Open($"if ({isCommon})");
            writer.Line("// Read already.");
            writer.Line($"{Support}.Next(ref ahead);");
            writer.Line("ahead.Skip();");
            writer.Close();
            writer.Open("else");
            EmitOwnMember(writer, union, names, "ahead", "aheadName");
            writer.Close();
        }
        else
        {
            EmitOwnMember(writer, union, names, "ahead", "aheadName");
        }

        writer.Line();
        writer.Line($"{Support}.Next(ref ahead);");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Open($"else if (variant != {names.Enum}.{names.Unknown} && NameVariant(ref reader) != variant)");
        writer.Line($"// A repeated {CSharpLiterals.String(union.DiscriminatorJsonName)} that names another variant: the named variant's check reports it.");
        writer.Line("var errorsBefore = context.ErrorCount;");
        writer.Open("switch (variant)");
        foreach (var variant in union.Variants)
        {
            writer.Line($"case {names.Enum}.{variant.Name}:");
            writer.Line($"    global::{union.Namespace}.SchemaValidators.{variant.DiscriminatorValidator}(ref reader, ref context);");
            writer.Line("    break;");
        }

        writer.Close();
        ValidatingReaderEmitter.EmitPrefix(writer, "errorsBefore", CSharpLiterals.Pointer(union.DiscriminatorJsonName));
        writer.Close();
        writer.Open("else");
        writer.Line("reader.Skip();");
        writer.Close();
    }

    /// <summary>A member not common to all variants, once the variant is named: that variant's reader reads it.</summary>
    private static void EmitOwnMember(SourceWriter writer, UnionTypeSpec union, VariantNames names, string reader, string propertyName)
    {
        writer.Open("switch (variant)");
        foreach (var variant in union.Variants)
        {
            writer.Line($"case {names.Enum}.{variant.Name}:");
            writer.Line($"    {variant.Name}.ReadOwnMember({propertyName}, ref {reader}, ref context, ref {Members(variant)});");
            writer.Line("    break;");
        }

        writer.Line("default:");
        writer.Line("    // No variant: the discriminator's is the one error.");
        writer.Line($"    {Support}.Next(ref {reader});");
        writer.Line($"    {reader}.Skip();");
        writer.Line("    break;");
        writer.Close();
    }

    private static void EmitEnd(SourceWriter writer, UnionTypeSpec union, VariantNames names)
    {
        var pointer = CSharpLiterals.Pointer(union.DiscriminatorJsonName);
        var arguments = ValidatingReaderEmitter.CreateParameters(union.CommonMembers).Select(p => p.Name).ToList();
        writer.Open("switch (variant)");
        foreach (var variant in union.Variants)
        {
            writer.Line($"case {names.Enum}.{variant.Name}:");
            writer.Line($"    return {variant.Name}.CreateValidated(ref context, mark, {string.Join(", ", arguments.Concat(new[] { "true", "in " + Members(variant) }))});");
        }

        // The same errors as the union's validator: nothing about the members, whose schema is not known.
        writer.Line($"case {names.Enum}.{names.Unknown}:");
        writer.Line("    context.Truncate(mark);");
        var expected = CSharpLiterals.String(UnionDispatch.UnknownValue(union.Variants.Select(v => v.Value)));
        writer.Line($"    context.AddAt({pointer}, \"oneOf\", unknownDiscriminator, {expected});");
        writer.Line("    return null;");
        writer.Line("default:");
        writer.Line("    context.Truncate(mark);");
        writer.Line($"    context.AddAt({pointer}, \"required\", null, \"is required\");");
        writer.Line("    return null;");
        writer.Close();
    }

    private static void EmitNameVariant(SourceWriter writer, UnionTypeSpec union, VariantNames names)
    {
        writer.Line("/// <summary>The variant a discriminator value names.</summary>");
        writer.Open($"private static {names.Enum} NameVariant(ref {Reader} reader)");
        writer.Open($"if (reader.TokenType == {TokenType}.String)");
        foreach (var variant in union.Variants)
        {
            writer.Open($"if (reader.ValueTextEquals({CSharpLiterals.Utf8(variant.Value)}))");
            writer.Line($"return {names.Enum}.{variant.Name};");
            writer.Close();
            writer.Line();
        }

        writer.Close();
        writer.Line();
        writer.Line($"return {names.Enum}.{names.Unknown};");
        writer.Close();
        writer.Line();
    }

    private static void EmitVariantEnum(SourceWriter writer, UnionTypeSpec union, VariantNames names)
    {
        writer.Line("/// <summary>What the validating reader knows of the variant.</summary>");
        writer.Open($"private enum {names.Enum}");
        writer.Line($"{names.NotNamed},");
        writer.Line($"{names.Unknown},");
        foreach (var variant in union.Variants)
        {
            writer.Line($"{variant.Name},");
        }

        writer.Close();
        writer.Line();
    }

    private static string Members(UnionVariantSpec variant) => variant.ParameterName.TrimStart('@') + "Members";

    /// <summary>The generated enum's name and its members besides the variants, chosen not to collide with them (a variant may well be called <c>None</c>).</summary>
    private sealed class VariantNames
    {
        public VariantNames(UnionTypeSpec union)
        {
            var taken = new HashSet<string>(union.Variants.Select(v => v.Name)) { union.Name, union.DiscriminatorName };
            Enum = Unique("ReadVariant", taken);
            var members = new HashSet<string>(union.Variants.Select(v => v.Name));
            NotNamed = Unique("NotNamed", members);
            Unknown = Unique("Unknown", members);
        }

        public string Enum { get; }

        public string NotNamed { get; }

        public string Unknown { get; }

        private static string Unique(string name, HashSet<string> taken)
        {
            var unique = name;
            for (var i = 2; !taken.Add(unique); i++)
            {
                unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return unique;
        }
    }
}
