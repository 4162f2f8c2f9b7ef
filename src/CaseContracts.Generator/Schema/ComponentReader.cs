using System;
using System.Collections.Generic;
using System.Text;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// A schema file's root and its <c>definitions</c> as standalone JSON texts, for OpenAPI documents: the
/// schema files themselves describe the JSON on the wire exactly (names, nullability, constraints,
/// descriptions), which reflection over the generated C# types cannot. Each <c>$ref</c> is a slot holding
/// the key it points to; <see cref="Pipeline.OpenApiComponentResolver"/> turns keys into component names.
/// </summary>
internal static class ComponentReader
{
    /// <summary>Keywords a component leaves out: the dialect marker, definitions (components of their own) and the operation.</summary>
    private static readonly HashSet<string> s_rootOnly = new(StringComparer.Ordinal) { "$schema", "definitions", "$defs", OperationReader.Keyword };

    public static List<SchemaComponentText> Read(string path, SchemaNode root)
    {
        var components = new List<SchemaComponentText> { Component(path, root) };
        foreach (var definition in root.Definitions())
        {
            if (definition.IsObject)
            {
                components.Add(Component(path, definition));
            }
        }

        return components;
    }

    private static SchemaComponentText Component(string path, SchemaNode schema)
    {
        var text = new StringBuilder();
        var parts = new List<string>();
        var references = new List<ReferenceSlot>();
        var cut = 0;
        SchemaJsonWriter.Write(schema, text, (reference, comma) =>
        {
            parts.Add(text.ToString(cut, text.Length - cut));
            cut = text.Length;
            references.Add(new ReferenceSlot(SchemaPaths.ResolveReference(path, reference), comma));
        }, s_rootOnly);
        parts.Add(text.ToString(cut, text.Length - cut));
        return new SchemaComponentText(schema.Key, parts.ToEquatableArray(), references.ToEquatableArray());
    }
}
