namespace CaseContracts.Generator.Emit;

/// <summary>
/// <c>[CaseContractsSchema("name")]</c>: names the schema a string parameter's JSON must follow, so the
/// analyzers check constant JSON passed to it at build time. Added once per compilation; internal and
/// <c>[Conditional]</c>, so it never reaches the assembly's metadata and two assemblies never clash over it.
/// </summary>
internal static class SchemaAttributeEmitter
{
    public const string HintName = "CaseContracts.CaseContractsSchemaAttribute.g.cs";

    /// <summary>The attribute's namespace and name, as the analyzers recognise it.</summary>
    public const string Namespace = "CaseContracts";

    public const string TypeName = "CaseContractsSchemaAttribute";

    public static string Emit()
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + Namespace);
        writer.Line("/// <summary>");
        writer.Line("/// The JSON passed to this parameter follows the named CaseContracts schema: a constant string passed to it");
        writer.Line("/// (a literal, or a <c>const</c> written as one) is checked against the schema at build time.");
        writer.Line("/// </summary>");
        writer.Line("/// <remarks>");
        writer.Line("/// Add <c>[StringSyntax(StringSyntaxAttribute.Json)]</c> beside it for JSON highlighting in the editor.");
        writer.Line("/// </remarks>");
        writer.Line("[global::System.AttributeUsage(global::System.AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]");
        writer.Line("[global::System.Diagnostics.Conditional(\"CASECONTRACTS_KEEP_ATTRIBUTES\")]");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"internal sealed class {TypeName} : global::System.Attribute");
        writer.Line("/// <summary>Names the schema.</summary>");
        writer.Line("/// <param name=\"schema\">The schema file's path under the schema folder without <c>.schema.json</c> (<c>create-case-request</c>,");
        writer.Line("/// <c>connectors/jira</c>), or its file name alone when no other schema file has it (<c>jira</c>).</param>");
        writer.Line($"public {TypeName}(string schema) => Schema = schema;");
        writer.Line();
        writer.Line("/// <summary>The schema's name.</summary>");
        writer.Line("public string Schema { get; }");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
