namespace CaseContracts.Generator.Emit;

/// <summary>
/// The public validation result types (<c>ValidationError</c>, <c>ParseResult&lt;T&gt;</c>) and the
/// internal state the generated validators share (<see cref="RuntimeSources.ValidationRuntime"/>), emitted once into
/// the contract's namespace (public types there cannot clash with another assembly's CaseContracts output).
/// </summary>
internal static class ValidationRuntimeEmitter
{
    public static string HintName(string @namespace) => @namespace + ".Validation.g.cs";

    /// <summary>The file for <paramref name="namespace"/>: fixed text but for the namespace, so built once per namespace.</summary>
    public static string Emit(string @namespace) => s_emitted.Get(@namespace);

    private static readonly OneEntryCache s_emitted = new(Build);

    private static string Build(string @namespace)
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + @namespace);
        writer.WriteCode(RuntimeSources.ValidationRuntime);
        writer.Line();
        writer.WriteCode(RuntimeSources.MemberTable);
        writer.Close();
        return writer.ToString();
    }
}
