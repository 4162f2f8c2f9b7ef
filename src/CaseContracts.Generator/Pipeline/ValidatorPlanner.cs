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

        var nodes = document.ValidationNodes;
        var relativeFile = ValidatorNames.Relative(document.FilePath, options);
        return new ValidatorFileSpec(
            options.Namespace,
            options.Namespace + "." + ValidatorNames.ClassName + "." + relativeFile.Replace('/', '.').Replace(".schema.json", string.Empty).Replace(".json", string.Empty) + ".g.cs",
            ValidatorNames.DocumentEntry(document.FilePath, options),
            ValidatorNames.Method(SchemaPaths.Key(document.FilePath, SchemaPaths.RootPointer), options),
            nodes,
            nodes.Select(n => ValidatorNames.Relative(n.Key, options)).ToEquatableArray(),
            nodes.Select(n => ValidatorNames.Method(n.Key, options)).ToEquatableArray(),
            nodes.Select(n => n.RefKey is { } target && index.HasValidationNode(target) ? ValidatorNames.Method(target, options) : string.Empty).ToEquatableArray(),
            nodes.Select(n => Dispatch(n, index, options)).OfType<UnionDispatch>().ToEquatableArray(),
            options.AssertFormats);
    }

    private static UnionDispatch? Dispatch(Model.Validation.ValidationNode node, SchemaIndex index, GeneratorOptions options)
    {
        if (node.OneOf.IsEmpty || index.Find(node.Key) is not { } summary || UnionLayout.Of(summary, index) is not { } layout
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
