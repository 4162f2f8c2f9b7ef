using System;
using System.Collections.Generic;
using System.Text;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Api;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Writes a declared OpenAPI document back as compact JSON, as the document to serve: everything the author wrote
/// (info, servers, tags, descriptions, examples, extensions) stays, with three kinds of slot left for
/// <see cref="Pipeline.ServedDocumentResolver"/> (each <c>$ref</c> to a schema file, the end of each operation's
/// <c>responses</c>, the schema components) and one rewrite of its own: a server URL loses its trailing slash
/// (paths begin with one; <c>https://host/</c> + <c>/api</c> would be <c>//api</c>).
/// </summary>
internal sealed class OpenApiDocumentWriter
{
    /// <summary>Members whose values are data, not schemas or OpenAPI objects: a <c>$ref</c> in them is not a reference.</summary>
    private static readonly HashSet<string> s_dataMembers = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const" };

    private static readonly HashSet<string> s_methods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "patch" };

    private readonly string _path;
    private readonly StringBuilder _text = new();
    private readonly List<string> _parts = new();
    private readonly List<ServedDocumentSlot> _slots = new();
    private int _cut;

    private OpenApiDocumentWriter(string path) => _path = path;

    /// <summary>The document at <paramref name="root"/> (an object) as text with slots.</summary>
    public static ServedDocumentText Write(string path, JsonNode root)
    {
        var writer = new OpenApiDocumentWriter(path);
        writer.WriteObject(root, Where.Root, operation: null);
        writer._parts.Add(writer._text.ToString(writer._cut, writer._text.Length - writer._cut));
        return new ServedDocumentText(writer._parts.ToEquatableArray(), writer._slots.ToEquatableArray());
    }

    /// <summary>Where in the document an object stands, as far as the slots care.</summary>
    private enum Where
    {
        Other,
        Root,
        Paths,
        PathItem,
        Operation,
        Responses,
        Components,
        Servers,
        Data,
    }

    private void Write(JsonNode node, Where where, string? operation)
    {
        switch (node.Kind)
        {
            case JsonNodeKind.Object:
                WriteObject(node, where, operation);
                return;
            case JsonNodeKind.Array:
                _text.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    _text.Append(i > 0 ? "," : string.Empty);
                    Write(node.Items[i], where == Where.Servers ? Where.Servers : where == Where.Data ? Where.Data : Where.Other, operation: null);
                }

                _text.Append(']');
                return;
            default:
                JsonText.Write(node, _text);
                return;
        }
    }

    private void WriteObject(JsonNode node, Where where, string? operation)
    {
        _text.Append('{');
        var needsComma = false;
        for (var i = 0; i < node.Members.Count; i++)
        {
            var member = node.Members[i];
            if (where != Where.Data && member.Name == "$ref" && member.Value is { Kind: JsonNodeKind.String } target && !target.Text!.StartsWith("#", StringComparison.Ordinal))
            {
                // A reference to a schema file: the resolver writes it, or nothing (the slot carries its comma).
                var comma = needsComma ? SlotComma.Before : i < node.Members.Count - 1 ? SlotComma.After : SlotComma.None;
                Slot(new ServedDocumentSlot(ServedDocumentSlotKind.SchemaReference, SchemaPaths.ResolveReference(_path, target.Text), comma));
                needsComma = comma == SlotComma.Before;
                continue;
            }

            _text.Append(needsComma ? "," : string.Empty);
            needsComma = true;
            JsonText.WriteString(member.Name, _text);
            _text.Append(':');
            if (where == Where.Servers && member.Name == "url" && member.Value is { Kind: JsonNodeKind.String } url)
            {
                JsonText.WriteString(WithoutTrailingSlash(url.Text!), _text);
                continue;
            }

            var (inner, innerOperation) = Below(where, operation, member.Name);
            Write(member.Value, inner, innerOperation);
        }

        // Whether an end slot needs a comma depends on whether the slots before it in this object were filled:
        // the resolver decides from the text it has written (SlotComma.None here).
        switch (where)
        {
            case Where.Responses when operation is not null:
                Slot(new ServedDocumentSlot(ServedDocumentSlotKind.OperationResponses, operation, SlotComma.None));
                break;
            case Where.Components:
                Slot(new ServedDocumentSlot(ServedDocumentSlotKind.ComponentSchemas, null, SlotComma.None));
                break;
            case Where.Root when node.FirstMember("components") is null:
                Slot(new ServedDocumentSlot(ServedDocumentSlotKind.Components, null, SlotComma.None));
                break;
        }

        _text.Append('}');
    }

    /// <summary>Where the value of member <paramref name="name"/> of an object at <paramref name="where"/> stands.</summary>
    private static (Where Where, string? Operation) Below(Where where, string? operation, string name)
    {
        if (where == Where.Data || s_dataMembers.Contains(name) || name.StartsWith("x-", StringComparison.Ordinal))
        {
            return (Where.Data, null);
        }

        return where switch
        {
            Where.Root when name == "paths" => (Where.Paths, null),
            Where.Root when name == "components" => (Where.Components, null),
            Where.Paths => (Where.PathItem, name),
            Where.PathItem when s_methods.Contains(name) => (Where.Operation, name.ToUpperInvariant() + " " + operation),
            Where.Operation when name == "responses" => (Where.Responses, operation),
            _ when name == "servers" => (Where.Servers, null),
            _ => (Where.Other, null),
        };
    }

    private void Slot(ServedDocumentSlot slot)
    {
        _parts.Add(_text.ToString(_cut, _text.Length - _cut));
        _cut = _text.Length;
        _slots.Add(slot);
    }

    private static string WithoutTrailingSlash(string url)
    {
        var end = url.Length;
        while (end > 1 && url[end - 1] == '/')
        {
            end--;
        }

        return url.Substring(0, end);
    }
}
