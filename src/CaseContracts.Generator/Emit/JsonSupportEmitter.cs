namespace CaseContracts.Generator.Emit;

/// <summary>
/// The small runtime every generated reader/writer shares, added once per compilation: <c>JsonSupport</c> and the
/// <c>Formats</c> it asserts (<see cref="RuntimeSources"/>). Internal, so two assemblies using CaseContracts never clash.
/// </summary>
internal static class JsonSupportEmitter
{
    public const string HintName = "CaseContracts.Internal.JsonSupport.g.cs";

    /// <summary>The fully qualified name generated code calls.</summary>
    public const string TypeName = "global::CaseContracts.Internal.JsonSupport";

    public static string Emit()
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace CaseContracts.Internal");
        writer.WriteCode(RuntimeSources.JsonSupport);
        writer.Line();
        writer.WriteCode(RuntimeSources.Formats);
        writer.Close();
        return writer.ToString();
    }
}
