using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// When the project references Microsoft.AspNetCore.OpenApi: the transformers that document the generated
/// endpoints with the contract's own JSON Schemas (embedded as text, parsed by Microsoft.OpenApi when the
/// document is built). Reflection over the generated types would give C# names and shapes, not the wire's
/// (<c>closed_at</c>, the connector union, <c>const</c>s). The fixed part is <see cref="RuntimeSources.ContractOpenApi"/>.
/// </summary>
internal static class OpenApiEmitter
{
    public static string HintName(string @namespace) => @namespace + ".OpenApi.g.cs";

    public static string Emit(string @namespace, EquatableArray<OpenApiComponentSpec> components)
    {
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + @namespace);
        writer.WriteCode(RuntimeSources.ContractOpenApi);

        // The part of the class that comes from the contract: its schemas, as JSON text.
        writer.Line();
        writer.Open("public static partial class ContractOpenApi");
        writer.Line("private static readonly ContractSchema[] s_schemas =");
        writer.Line("{");
        foreach (var component in components.OrderBy(c => c.Name, System.StringComparer.Ordinal))
        {
            var references = component.References.Count == 0
                ? "global::System.Array.Empty<string>()"
                : "new[] { " + string.Join(", ", component.References.Select(CSharpLiterals.String)) + " }";
            writer.Line($"    new ContractSchema({CSharpLiterals.String(component.Name)}, {CSharpLiterals.String(component.Json)}, {references}),");
        }

        writer.Line("};");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
