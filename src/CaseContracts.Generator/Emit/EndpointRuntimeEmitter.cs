namespace CaseContracts.Generator.Emit;

/// <summary>
/// What every generated endpoint shares (<see cref="RuntimeSources.EndpointRuntime"/>), emitted once into the
/// contract's namespace when the project references ASP.NET Core and declares an operation: the handler's result
/// type, the Kibana-shaped error body (public, so hosts answer their own 401/404/500 the same way), the endpoint
/// options, the operation metadata, and the request/response plumbing (plain <c>RequestDelegate</c> code: no
/// reflection, AOT- and trim-safe).
/// </summary>
internal static class EndpointRuntimeEmitter
{
    public static string HintName(string @namespace) => @namespace + ".Endpoints.g.cs";

    /// <summary>The file for <paramref name="namespace"/>: fixed text but for the namespace, so built once per namespace.</summary>
    public static string Emit(string @namespace) => s_emitted.Get(@namespace);

    private static readonly OneEntryCache s_emitted = new(Build);

    private static string Build(string @namespace)
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + @namespace);
        writer.WriteCode(RuntimeSources.EndpointRuntime);
        writer.Close();
        return writer.ToString();
    }
}
