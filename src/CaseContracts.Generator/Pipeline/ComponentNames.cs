using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// Names shared by the endpoint and the OpenAPI emitters: a schema's OpenAPI component name is its
/// generated C# name relative to the namespace (<c>Case</c>, <c>Connector.Jira</c>), so the document and
/// the code use one vocabulary.
/// </summary>
internal static class ComponentNames
{
    /// <summary>The component name of the schema at <paramref name="key"/>; null when the index has no such schema.</summary>
    public static string? Of(string key, SchemaIndex index)
    {
        if (index.Find(key) is not { } summary)
        {
            return null;
        }

        var container = summary.Kind == NamedSchemaKind.Object ? UnionLayout.ContainingUnion(key, index)?.Union.TypeName : null;
        return container is null ? summary.TypeName : container + "." + summary.TypeName;
    }

    /// <summary>
    /// The <c>global::</c>-qualified C# type of the schema at <paramref name="key"/> when it generates a record
    /// or a union (what an endpoint can read or write); null otherwise.
    /// </summary>
    public static string? RecordTypeOf(string key, SchemaIndex index, GeneratorOptions options)
    {
        var summary = index.Find(key);
        var isRecord = summary is { Kind: NamedSchemaKind.Object } || (summary is { Kind: NamedSchemaKind.Union } && UnionLayout.Of(summary, index) is not null);
        return isRecord && !NameCollisions.IsShadowed(key, index) ? "global::" + options.Namespace + "." + Of(key, index) : null;
    }

    /// <summary>
    /// The <c>global::</c>-qualified C# type an OpenAPI JSON body of the schema at <paramref name="key"/> is read or
    /// written as: its record or union (<see cref="RecordTypeOf"/>), else, for a schema file's root, the document record
    /// every root has (<c>CaseList</c> holding an <c>IReadOnlyList&lt;Case&gt;</c> for an array file); null otherwise.
    /// </summary>
    public static string? BodyTypeOf(string key, SchemaIndex index, GeneratorOptions options)
    {
        if (RecordTypeOf(key, index, options) is { } record)
        {
            return record;
        }

        return DocumentRoots.IsRoot(key) && index.HasValidationNode(key) && index.Find(key) is { } root
            && DocumentRoots.DocumentTypeName(root, index) is { } name && !NameCollisions.IsShadowed(key, index)
            ? "global::" + options.Namespace + "." + name
            : null;
    }
}
