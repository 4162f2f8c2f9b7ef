using System.Collections.Generic;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model.Validation;

namespace CaseContracts.Generator.Analyzers.Evaluation;

/// <summary>
/// One way a JSON value breaks its schema, found at build time: the same <see cref="Pointer"/>,
/// <see cref="Keyword"/> and <see cref="Message"/> the generated validators report for the same value,
/// plus what a diagnostic needs to point at it and to suggest a fix.
/// </summary>
/// <param name="Pointer">JSON Pointer of the offending value (for a member error: of the member).</param>
/// <param name="Keyword">The failing keyword, as the generated validators name it.</param>
/// <param name="Message">The generated validators' message.</param>
/// <param name="Limit">For limit keywords: the schema's limit.</param>
/// <param name="Value">The value the error is about; for a missing or unknown member, the object.</param>
/// <param name="Member">An unknown member, or the discriminator member whose value selects no variant.</param>
/// <param name="MemberName">For member errors (required, additionalProperties, a discriminator): the member's name.</param>
/// <param name="Node">The schema position whose keyword failed.</param>
/// <param name="Place">Where in the contract the value sits, for messages.</param>
internal sealed record Violation(
    string Pointer,
    string Keyword,
    string Message,
    string? Limit,
    JsonNode Value,
    JsonMember? Member,
    string? MemberName,
    ValidationNode Node,
    ViolationPlace Place)
{
    /// <summary>For an unknown discriminator value: the values that select a variant.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = System.Array.Empty<string>();

    /// <summary>The message of an error for a string that is not valid Unicode (as the generated validators word it).</summary>
    public const string InvalidUnicodeMessage = "The JSON text contains a string that is not valid Unicode (invalid UTF-8, or an unpaired surrogate escape such as \\ud800).";
}

/// <summary>
/// Where a violation sits, in the terms of the contract: the object that holds the value (its schema
/// key), and the nearest enclosing union variant (<c>Connector</c>, <c>.jira</c>) if any.
/// </summary>
internal sealed record ViolationPlace(string? OwnerKey, string? UnionKey, string? Variant)
{
    public static ViolationPlace Root { get; } = new(null, null, null);
}
