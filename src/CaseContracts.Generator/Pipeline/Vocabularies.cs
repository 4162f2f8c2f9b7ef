using System;
using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Validation;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// What a custom meta-schema's <c>$vocabulary</c> leaves out (2019-09 on): a schema whose <c>$schema</c> names a
/// meta-schema of the project that does not list the validation vocabulary is not held to its keywords (<c>type</c>,
/// <c>enum</c>, <c>const</c>, <c>required</c>, <c>dependentRequired</c>, the bounds and lengths…), as the specification
/// says; the applicators still apply. Decided when the validators are planned, from the index (the meta-schema is
/// another file), so the generated validators and the build-time checks leave out the same keywords. A <c>$schema</c>
/// the project does not hold, or one that lists the vocabulary, changes nothing.
/// </summary>
internal static class Vocabularies
{
    private static readonly string[] s_validation =
    [
        "https://json-schema.org/draft/2019-09/vocab/validation",
        "https://json-schema.org/draft/2020-12/vocab/validation",
    ];

    /// <summary>The nodes of <paramref name="document"/> as its dialect's vocabularies read them.</summary>
    public static EquatableArray<ValidationNode> Apply(SchemaDocument document, SchemaIndex index, EquatableArray<ValidationNode> nodes)
    {
        if (document.Dialect is not { } dialect || index.Dialects.IsEmpty
            || index.Dialects.FirstOrDefault(d => d.Uri == dialect) is not { } vocabularies
            || vocabularies.Vocabularies.Any(v => s_validation.Contains(v, StringComparer.Ordinal)))
        {
            return nodes;
        }

        return nodes.Select(WithoutValidation).ToEquatableArray();
    }

    private static ValidationNode WithoutValidation(ValidationNode node)
        => node.RefKey is not null ? node : node with
        {
            Types = default,
            ConstJson = null,
            EnumJson = default,
            Required = default,
            Assertions = node.Assertions.Where(a => a.Keyword == "format").ToEquatableArray(),
            Applications = node.Applications.Where(a => a.Keyword != "dependentRequired").ToEquatableArray(),
        };
}
