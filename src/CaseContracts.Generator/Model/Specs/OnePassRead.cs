namespace CaseContracts.Generator.Model.Specs;

/// <summary>How the one-pass validating reader handles a property's value (or an array's elements).</summary>
internal enum ReadMode
{
    /// <summary>A scalar: bound when its token fits, then checked by its validator without moving the reader.</summary>
    Scalar,
    /// <summary>A generated record or union whose own validating reader checks exactly this schema position.</summary>
    Record,
    /// <summary>An array whose schema is only <c>type</c> and <c>items</c>: elements read one by one in the same pass.</summary>
    Array,
    /// <summary>Anything else: validated on a copy of the reader, then bound (two passes over this value only).</summary>
    Fallback,
}

/// <summary>The one-pass plan for a property.</summary>
/// <param name="Validator">The generated validator of the property's schema position.</param>
/// <param name="NullBeforeRecord">Record mode through <c>oneOf: [$ref, null]</c>: <c>null</c> is accepted before the record is read.</param>
/// <param name="ItemsValidator">Array mode: the validator of the items schema.</param>
/// <param name="ElementMode">Array mode: how elements are read (<see cref="ReadMode.Scalar"/> or <see cref="ReadMode.Record"/>).</param>
/// <param name="BindImpliesValid">Scalar mode: the schema position asserts only what binding already checks (its type, or its string enum),
/// so a value that binds is valid and the validator runs only for values that do not bind.</param>
/// <param name="ElementBindImpliesValid">Array mode with scalar elements: the same as <paramref name="BindImpliesValid"/>, for each element.</param>
/// <param name="TypeMessage">When <paramref name="BindImpliesValid"/> and the schema asserts the type alone: the message of the one error a
/// value that does not bind has (the validator's), so the reader reports it in place of calling the validator.</param>
/// <param name="ElementTypeMessage">The same as <paramref name="TypeMessage"/>, for each element.</param>
internal sealed record OnePassRead(ReadMode Mode, string Validator, bool NullBeforeRecord = false, string? ItemsValidator = null, ReadMode ElementMode = ReadMode.Scalar,
    bool BindImpliesValid = false, bool ElementBindImpliesValid = false, string? TypeMessage = null, string? ElementTypeMessage = null);
