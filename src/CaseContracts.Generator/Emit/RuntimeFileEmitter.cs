namespace CaseContracts.Generator.Emit;

/// <summary>
/// A runtime file (<see cref="RuntimeSources"/>) that goes into the contract's namespace as it is, once:
/// <c>&lt;namespace&gt;.Runtime.&lt;part&gt;.g.cs</c>. Which ones a project gets is <see cref="ContractGenerator"/>'s decision
/// (<see cref="Model.Specs.RuntimeFilesSpec"/>): what its endpoints need and nothing more, so an API that did not ask
/// for Kibana's error format gets no Kibana code.
/// </summary>
internal static class RuntimeFileEmitter
{
    // ".Runtime." keeps these apart from the generated types' files (<namespace>.<Type>.g.cs): a schema may well be
    // titled ProblemDetails or Operations.
    public static string HintName(string @namespace, string part) => @namespace + ".Runtime." + part + ".g.cs";

    public static string Emit(string @namespace, string fileName)
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + @namespace);
        writer.WriteCode(fileName);
        writer.Close();
        return writer.ToString();
    }
}
