namespace CaseContracts.Generator.Model;

/// <summary>The kinds of schema that become a C# type (or, for an alias, stand for another value).</summary>
internal enum NamedSchemaKind
{
    Object,
    /// <summary>A <c>oneOf</c> whose members are object schemas told apart by a <c>const</c> property.</summary>
    Union,
    /// <summary>A string <c>enum</c>.</summary>
    Enum,
    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> whose members each take one JSON kind, of two kinds at least (a string or an array of
    /// strings), or a schema of several <c>type</c>s: its members are <see cref="NamedSchema.Properties"/>, one per kind
    /// (<c>JsonName</c> is the kind; the value holds every member of that kind).
    /// </summary>
    KindUnion,
    /// <summary>A schema that is just a value shape (e.g. a definition <c>{"type":"integer"}</c>).</summary>
    Alias,
}
