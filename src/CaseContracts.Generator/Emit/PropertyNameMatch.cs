namespace CaseContracts.Generator.Emit;

/// <summary>
/// How generated object loops recognise a property: its name is taken once as a UTF-8 span (the input
/// itself unless escaped) and compared with each schema name as a <c>u8</c> literal, which costs a length
/// check for most names, instead of asking the reader to compare (and unescape-check) once per name.
/// </summary>
internal static class PropertyNameMatch
{
    private const string Local = "propertyName";

    /// <summary>Declares the span of the current property's name: by default the reader stands on the name.</summary>
    public static void Declare(SourceWriter writer, string name = JsonSupportEmitter.TypeName + ".PropertyName(ref reader)")
        => writer.Line($"var {Local} = {name};");

    /// <summary>The condition "the current property is <paramref name="jsonName"/>".</summary>
    public static string Is(string jsonName)
        => $"global::System.MemoryExtensions.SequenceEqual({Local}, {CSharpLiterals.Utf8(jsonName)})";
}
