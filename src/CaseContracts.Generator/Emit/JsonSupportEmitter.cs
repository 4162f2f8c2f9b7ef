namespace CaseContracts.Generator.Emit;

/// <summary>
/// The small runtime every generated reader/writer shares, added once per compilation: <c>JsonSupport</c>, the
/// <c>SchemaPattern</c>s it runs and the <c>Formats</c> it asserts (<see cref="RuntimeSources"/>). Internal, so two assemblies using CaseContracts never clash.
/// </summary>
internal static class JsonSupportEmitter
{
    public const string HintName = "CaseContracts.Internal.JsonSupport.g.cs";

    /// <summary>The fully qualified name generated code calls.</summary>
    public const string TypeName = "global::CaseContracts.Internal.JsonSupport";

    /// <summary>The file: fixed text, built once per generator load (every compilation the generator runs on gets it).</summary>
    public static string Emit() => s_emitted.Value;

    private static readonly System.Lazy<string> s_emitted = new(Build);

    private static string Build()
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace CaseContracts.Internal");
        writer.WriteCode(RuntimeSources.JsonSupport);
        writer.Line();
        writer.WriteCode(RuntimeSources.SchemaPattern);
        writer.Line();
        writer.WriteCode(RuntimeSources.Formats);
        writer.Close();
        return writer.ToString();
    }
}
