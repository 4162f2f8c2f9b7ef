using System;
using System.Collections.Generic;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// A schema file's root and its <c>definitions</c> as standalone JSON texts, for OpenAPI documents: the
/// schema files themselves describe the JSON on the wire exactly (names, nullability, constraints,
/// descriptions), which reflection over the generated C# types cannot. Each <c>$ref</c> becomes the key
/// it points to; <see cref="Pipeline.OpenApiComponentResolver"/> turns keys into component names.
/// </summary>
internal static class ComponentReader
{
    /// <summary>Keywords a component leaves out: the dialect marker, definitions (components of their own) and the operation.</summary>
    private static readonly HashSet<string> s_rootOnly = new(StringComparer.Ordinal) { "$schema", "definitions", OperationReader.Keyword };

    public static List<SchemaComponentText> Read(string path, SchemaNode root)
    {
        var components = new List<SchemaComponentText> { Component(path, root) };
        foreach (var definition in root.Children("definitions"))
        {
            if (definition.IsObject)
            {
                components.Add(Component(path, definition));
            }
        }

        return components;
    }

    private static SchemaComponentText Component(string path, SchemaNode schema)
        => new(schema.Key, SchemaJsonWriter.Write(schema, reference => SchemaPaths.ResolveReference(path, reference), s_rootOnly));
}
