using CaseContracts.Generator.Model;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// Which type is a schema file's public entry point: the record or discriminated union its root is bound to,
/// else a document record (<see cref="Model.Specs.DocumentTypeSpec"/>) named after the root, or after the root with
/// <c>Document</c> appended when the root's own name is taken by its enum (or is <c>Value</c>, the record's member).
/// </summary>
internal static class DocumentRoots
{
    public const string EnumRootSuffix = "Document";

    public static bool IsRoot(string key) => key.EndsWith(SchemaPaths.RootPointer, System.StringComparison.Ordinal) && key.IndexOf('#') == key.Length - 1;

    /// <summary>The name of the document record a root needs, or null when the root's own type is the entry point.</summary>
    public static string? DocumentTypeName(SchemaSummary root, SchemaIndex index) => root.Kind switch
    {
        NamedSchemaKind.Object or NamedSchemaKind.KindUnion => null,
        NamedSchemaKind.Union when UnionLayout.Of(root, index) is not null => null,
        NamedSchemaKind.Enum => root.TypeName + EnumRootSuffix,
        // The record's member is Value: a type of that name could not declare it (CS0542).
        _ => root.TypeName == "Value" ? root.TypeName + EnumRootSuffix : root.TypeName,
    };
}
