namespace CaseContracts.Generator.Model.Specs;

/// <summary>A property of a generated record.</summary>
/// <param name="JsonName">Exactly as in JSON (<c>closed_at</c>).</param>
/// <param name="Name">The C# member name (<c>ClosedAt</c>).</param>
/// <param name="Value">The value; null when the property is fixed (<paramref name="ConstJson"/>) or can only be <c>null</c>.</param>
/// <param name="Required">The key must be present in JSON; the C# member is <c>required</c>.</param>
/// <param name="ConstJson">The fixed JSON value (a <c>const</c>, or <c>null</c> for a null-only property); written as is.</param>
/// <param name="IsDiscriminator">The property that tells union variants apart.</param>
/// <param name="Read">How the one-pass validating reader reads this property.</param>
internal sealed record PropertySpec(string JsonName, string Name, string? Description, ValueSpec? Value, bool Required, string? ConstJson, bool IsDiscriminator, OnePassRead Read)
{
    /// <summary>Whether the property exists as a settable C# member.</summary>
    public bool IsSettable => Value is not null && ConstJson is null;

    /// <summary>
    /// Always written, as <c>null</c> when absent, when <c>null</c> is an allowed value; a non-nullable
    /// optional property is written only when set.
    /// </summary>
    public bool AlwaysWritten => Required || ConstJson is not null || Value is { Nullable: true };
}
