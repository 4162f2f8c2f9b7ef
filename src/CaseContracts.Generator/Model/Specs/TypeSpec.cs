namespace CaseContracts.Generator.Model.Specs;

/// <summary>
/// A generated C# type, fully resolved: everything an emitter needs and nothing else (no schema
/// text, no symbols). Emitters can be tested from hand-built specs.
/// </summary>
/// <param name="HintName">The generated file's name, unique and stable.</param>
/// <param name="ContainingType">For a union variant: the union's name (the variant is nested in it).</param>
internal abstract record TypeSpec(string Namespace, string Name, string? Description, string HintName, string? ContainingType)
{
    /// <summary>The schema file the type comes from (where a failure to emit it is reported).</summary>
    public string SchemaFile { get; init; } = string.Empty;

    /// <summary><c>global::Ns.Outer.Name</c>.</summary>
    public string FullName => "global::" + Namespace + "." + (ContainingType is null ? string.Empty : ContainingType + ".") + Name;
}
