using System.Collections.Generic;
using System.Linq;

namespace CaseContracts.Generator.Model.Specs;

/// <summary>The validators of one schema file: a method per schema position, plus the document's entry point.</summary>
/// <param name="DocumentEntry">Name of the method validating a whole document against the file's root; empty for an OpenAPI document (no root schema, only its inline parameter schemas).</param>
/// <param name="Labels">Per node: its key relative to the schema folder (a comment in the generated code).</param>
/// <param name="Methods">Per node (same order as <paramref name="Nodes"/>): its method name.</param>
/// <param name="Dispatches">The <c>oneOf</c>s that are discriminated unions, validated by dispatch.</param>
/// <param name="Targets">Per node: the method its <c>$ref</c> calls, or empty (no ref, or unresolved); the runtime's
/// <c>RejectReferenceCycle</c> for a <c>$ref</c> that closes a cycle (<see cref="Pipeline.ReferenceCycles"/>).</param>
/// <param name="EmitsEvaluated">Whether each validator gets its <c>*_Evaluated</c> method (some schema of the project uses <c>unevaluated*</c>).</param>
internal sealed record ValidatorFileSpec(
    string Namespace,
    string HintName,
    string DocumentEntry,
    string RootMethod,
    EquatableArray<Validation.ValidationNode> Nodes,
    EquatableArray<string> Labels,
    EquatableArray<string> Methods,
    EquatableArray<string> Targets,
    EquatableArray<UnionDispatch> Dispatches,
    bool AssertFormats,
    bool EmitsEvaluated = false);

/// <summary>
/// A discriminated <c>oneOf</c> validated by its discriminator: the member the value names is the only
/// one checked (its errors are the useful ones); an unknown value is one error at the discriminator.
/// Equivalent to <c>oneOf</c> because every member fixes the discriminator to a different constant.
/// </summary>
/// <param name="NodeKey">The validation node whose <c>oneOf</c> this replaces.</param>
internal sealed record UnionDispatch(string NodeKey, string DiscriminatorJsonName, EquatableArray<string> Values, EquatableArray<string> Methods)
{
    /// <summary>What the error for a discriminator that names no member says.</summary>
    public string UnknownValueMessage => UnknownValue(Values);

    /// <summary>What the error for a discriminator that names none of <paramref name="values"/> says (<c>must be one of ".jira", ".none"</c>).</summary>
    public static string UnknownValue(IEnumerable<string> values)
        => "must be one of " + string.Join(", ", values.Select(v => "\"" + v + "\""));
}
