namespace CaseContracts.Generator.Model.Api;

/// <summary>What the resolver writes into a <see cref="ServedDocumentSlot"/>.</summary>
internal enum ServedDocumentSlotKind
{
    /// <summary>A <c>$ref</c> member to a schema file: written as <c>"$ref":"#/components/schemas/&lt;name&gt;"</c>.</summary>
    SchemaReference,

    /// <summary>The end of an operation's <c>responses</c>: the answers the generated endpoint gives that the operation does not declare.</summary>
    OperationResponses,

    /// <summary>The end of the declared <c>components</c> object: its <c>schemas</c> member.</summary>
    ComponentSchemas,

    /// <summary>The end of the document, which declares no <c>components</c>: a <c>components</c> member holding <c>schemas</c>.</summary>
    Components,
}
