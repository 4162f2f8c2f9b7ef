using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Pipeline;

/// <summary>Schema document → the spec of its validators: method names, and which <c>$ref</c>s resolve.</summary>
internal static class ValidatorPlanner
{
    public static ValidatorFileSpec? Plan(SchemaDocument document, SchemaIndex index, GeneratorOptions options)
    {
        if (document.ValidationNodes.IsEmpty)
        {
            return null;
        }

        // A custom meta-schema that leaves out the validation vocabulary leaves its keywords unapplied.
        var nodes = Vocabularies.Apply(document, index, document.ValidationNodes);
        var cycles = ReferenceCycles.Of(index);
        var relativeFile = ValidatorNames.Relative(document.FilePath, options);
        var rootKey = SchemaPaths.Key(document.FilePath, SchemaPaths.RootPointer);

        // An OpenAPI document is no schema: its positions are the inline parameter schemas, and it has no document entry.
        var hasRoot = nodes.Any(n => n.Key == rootKey);
        return new ValidatorFileSpec(
            options.Namespace,
            options.Namespace + "." + ValidatorNames.ClassName + "." + relativeFile.Replace('/', '.').Replace(".schema.json", string.Empty).Replace(".json", string.Empty) + ".g.cs",
            hasRoot ? ValidatorNames.DocumentEntry(document.FilePath, options) : string.Empty,
            hasRoot ? ValidatorNames.Method(rootKey, options) : string.Empty,
            nodes,
            nodes.Select(n => ValidatorNames.Relative(n.Key, options)).ToEquatableArray(),
            nodes.Select(n => ValidatorNames.Method(n.Key, options)).ToEquatableArray(),
            nodes.Select(n => Target(n, index, cycles, options)).ToEquatableArray(),
            nodes.Select(n => Dispatch(n, index, cycles, options)).OfType<UnionDispatch>().ToEquatableArray(),
            options.AssertFormats,
            index.UsesUnevaluated);
    }

    /// <summary>The method a <c>$ref</c> calls: its target's validator; the runtime's rejection where it closes a cycle; none when unresolved.</summary>
    private static string Target(Model.Validation.ValidationNode node, SchemaIndex index, ReferenceCycles cycles, GeneratorOptions options)
    {
        if (node.RefKey is not { } target || !index.HasValidationNode(target))
        {
            return string.Empty;
        }

        return cycles.Closes(node.Key) ? ValidatorNames.ReferenceCycle : ValidatorNames.Method(index.Resolve(target), options);
    }

    // Dispatch calls the members' targets directly, past the member $refs: where one of those closes a cycle,
    // the oneOf is counted member by member instead, so the cut is not bypassed.
    private static UnionDispatch? Dispatch(Model.Validation.ValidationNode node, SchemaIndex index, ReferenceCycles cycles, GeneratorOptions options)
    {
        if (node.OneOf.IsEmpty || node.OneOf.Any(cycles.Closes) || index.Find(node.Key) is not { } summary || UnionLayout.Of(summary, index) is not { } layout
            || layout.Variants.Count != node.OneOf.Count)
        {
            return null;
        }

        return new UnionDispatch(
            node.Key,
            layout.DiscriminatorJsonName,
            layout.Variants.Select(v => v.Value).ToEquatableArray(),
            layout.Variants.Select(v => ValidatorNames.Method(v.Member.Key, options)).ToEquatableArray());
    }
}
