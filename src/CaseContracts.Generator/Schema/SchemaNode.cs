using System;
using System.Collections.Generic;
using System.Globalization;
using CaseContracts.Generator.Json;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// One schema position of a schema file: the located JSON it is written as (an object of keywords, or
/// <c>true</c>/<c>false</c>), its JSON pointer and key, and the positions below it. The one model of a
/// schema: type shapes (<see cref="SchemaWalker"/>), validation rules (<see cref="ConstraintReader"/>),
/// references (<see cref="SchemaScanner"/>) and OpenAPI texts (<see cref="ComponentReader"/>) are all read
/// from it, and every diagnostic points into the text through it. Keyword values stay raw located JSON
/// (<see cref="JsonNode"/>) read through typed accessors, so a keyword added later (or a draft that spells
/// one differently) needs no change here.
/// </summary>
internal sealed class SchemaNode
{
    private static readonly IReadOnlyList<SchemaNode> s_none = System.Array.Empty<SchemaNode>();
    private Dictionary<string, IReadOnlyList<SchemaNode>>? _children;

    private readonly SchemaResources _resources;

    private SchemaNode(string path, string pointer, JsonNode json, string? name, SchemaDraft draft, SchemaResources resources, Uri? baseUri)
    {
        Draft = draft;
        _resources = resources;
        BaseUri = baseUri;
        Pointer = pointer;
        Key = SchemaPaths.Key(path, pointer);
        Json = json;
        Name = name;
    }

    /// <summary>Reads the schema positions of a file, from its root.</summary>
    public static SchemaNode Root(string path, JsonNode json, SchemaDraft draft = SchemaDrafts.Default, string? fileUri = null)
    {
        var resources = new SchemaResources(path, fileUri);
        return Build(path, SchemaPaths.RootPointer, json, null, draft, resources, resources.FileUri);
    }

    /// <summary>
    /// Reads the schema positions of a schema written inside another JSON document (an OpenAPI document's inline
    /// parameter schema), keyed by its place there (<paramref name="pointer"/>), so rules and errors name it like any schema file's.
    /// </summary>
    public static SchemaNode At(string path, string pointer, JsonNode json, SchemaDraft draft = SchemaDrafts.Default)
    {
        var resources = new SchemaResources(path);
        return Build(path, pointer, json, null, draft, resources, resources.FileUri);
    }

    /// <summary>The base URI of this position: the file's, or the one the nearest <c>$id</c> (draft 4: <c>id</c>) around it sets.</summary>
    public Uri? BaseUri { get; }

    /// <summary>The absolute URIs (not <c>file:</c>) the file gives its positions (its published URI, <c>$id</c>s, anchors): other files may refer to them.</summary>
    public IEnumerable<KeyValuePair<string, string>> PublishedUris => _resources.PublishedUris;

    /// <summary>The key the <c>$ref</c> <paramref name="reference"/> written here points to (see <see cref="SchemaResources"/>).</summary>
    public string ResolveReference(string reference) => _resources.ResolveReference(BaseUri, reference);

    /// <summary>The draft the file is read as (its <c>$schema</c>, else the project's default): where drafts differ, readers ask.</summary>
    public SchemaDraft Draft { get; }

    /// <summary>The position's JSON pointer in its file (<c>#</c>, <c>#/properties/title</c>).</summary>
    public string Pointer { get; }

    /// <summary>The file's normalised path and <see cref="Pointer"/>: how references and rules name this position.</summary>
    public string Key { get; }

    /// <summary>The JSON at this position, with its place in the text.</summary>
    public JsonNode Json { get; }

    /// <summary>For an entry of a map keyword (<c>properties</c>, <c>definitions</c>): its name.</summary>
    public string? Name { get; }

    /// <summary>An object of keywords (anything else is a boolean schema or not a schema at all).</summary>
    public bool IsObject => Json.Kind == JsonNodeKind.Object;

    /// <summary><c>true</c> or <c>false</c> as a whole schema.</summary>
    public bool IsBoolean => Json.Kind == JsonNodeKind.Boolean;

    /// <summary>The keywords in document order.</summary>
    public IReadOnlyList<JsonMember> Keywords => Json.Members;

    /// <summary>The keyword named <paramref name="name"/> (its name and value, located), or null.</summary>
    public JsonMember? Keyword(string name) => IsObject ? Json.FirstMember(name) : null;

    public bool Has(string keyword) => Keyword(keyword) is not null;

    /// <summary>The value of <paramref name="keyword"/>, or null.</summary>
    public JsonNode? Value(string keyword) => Keyword(keyword)?.Value;

    /// <summary>The value of <paramref name="keyword"/> when it is a string, else null.</summary>
    public string? String(string keyword) => Value(keyword) is { Kind: JsonNodeKind.String } value ? value.Text : null;

    /// <summary>The value of <paramref name="keyword"/> when it is a boolean, else null.</summary>
    public bool? Boolean(string keyword) => Value(keyword) is { Kind: JsonNodeKind.Boolean } value ? value.Text == "true" : null;

    /// <summary>The value of <paramref name="keyword"/> when it is an array, else null.</summary>
    public IReadOnlyList<JsonNode>? Array(string keyword) => Value(keyword) is { Kind: JsonNodeKind.Array } value ? value.Items : null;

    /// <summary>The strings of an array-of-strings keyword (<c>required</c>), others skipped; null when absent or not an array.</summary>
    public List<string>? Strings(string keyword)
    {
        if (Array(keyword) is not { } items)
        {
            return null;
        }

        var strings = new List<string>();
        foreach (var item in items)
        {
            if (item.Kind == JsonNodeKind.String)
            {
                strings.Add(item.Text!);
            }
        }

        return strings;
    }

    /// <summary>The positions under <paramref name="keyword"/> (one for <c>items</c>, one per member of <c>allOf</c> or entry of <c>properties</c>).</summary>
    public IReadOnlyList<SchemaNode> Children(string keyword)
        => _children is not null && _children.TryGetValue(keyword, out var children) ? children : s_none;

    /// <summary>The one position under a single-schema keyword (<c>items</c>, <c>additionalProperties</c>), or null.</summary>
    public SchemaNode? Child(string keyword)
        => Children(keyword) is { Count: 1 } one && Value(keyword)?.Kind is JsonNodeKind.Object or JsonNodeKind.Boolean ? one[0] : null;

    /// <summary>The entry <paramref name="name"/> of a map keyword, or null.</summary>
    public SchemaNode? Entry(string keyword, string name)
    {
        foreach (var child in Children(keyword))
        {
            if (child.Name == name)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The reusable schemas defined here: <c>definitions</c> (drafts 4 to 7, still read later) then <c>$defs</c> (2019-09 on, read in every draft: a name no earlier draft gives another meaning).</summary>
    public IEnumerable<SchemaNode> Definitions()
    {
        foreach (var definition in Children("definitions"))
        {
            yield return definition;
        }

        foreach (var definition in Children("$defs"))
        {
            yield return definition;
        }
    }

    /// <summary>Every position directly below this one, keyword by keyword in document order.</summary>
    public IEnumerable<SchemaNode> AllChildren()
    {
        foreach (var keyword in Keywords)
        {
            foreach (var child in Children(keyword.Name))
            {
                yield return child;
            }
        }
    }

    private static SchemaNode Build(string path, string pointer, JsonNode json, string? name, SchemaDraft draft, SchemaResources resources, Uri? outerBase)
    {
        var baseUri = json.Kind == JsonNodeKind.Object ? Identify(json, draft, resources, outerBase, SchemaPaths.Key(path, pointer)) : outerBase;
        var node = new SchemaNode(path, pointer, json, name, draft, resources, baseUri);
        if (!node.IsObject)
        {
            return node;
        }

        foreach (var keyword in json.Members)
        {
            var children = new List<SchemaNode>();
            var at = pointer + "/" + SchemaPaths.EscapePointerSegment(keyword.Name);
            switch (SchemaKeywords.ShapeOf(keyword.Name))
            {
                // A keyword's value that has the wrong shape holds no positions; the meta-schema check reports it.
                case SubSchemaShape.Single or SubSchemaShape.SingleOrArray when keyword.Value.Kind is JsonNodeKind.Object or JsonNodeKind.Boolean:
                    children.Add(Build(path, at, keyword.Value, null, draft, resources, baseUri));
                    break;
                case SubSchemaShape.Array or SubSchemaShape.SingleOrArray when keyword.Value.Kind == JsonNodeKind.Array:
                    for (var i = 0; i < keyword.Value.Items.Count; i++)
                    {
                        children.Add(Build(path, at + "/" + i.ToString(CultureInfo.InvariantCulture), keyword.Value.Items[i], null, draft, resources, baseUri));
                    }

                    break;
                case SubSchemaShape.Map when keyword.Value.Kind == JsonNodeKind.Object:
                    foreach (var entry in keyword.Value.Members)
                    {
                        if (entry.Value.Kind is not (JsonNodeKind.Object or JsonNodeKind.Boolean) && keyword.Name == "dependencies")
                        {
                            continue;
                        }

                        children.Add(Build(path, at + "/" + SchemaPaths.EscapePointerSegment(entry.Name), entry.Value, entry.Name, draft, resources, baseUri));
                    }

                    break;
                default:
                    continue;
            }

            // The first of duplicate keywords counts (duplicates are reported when the file is read).
            node._children ??= new Dictionary<string, IReadOnlyList<SchemaNode>>(StringComparer.Ordinal);
            if (!node._children.ContainsKey(keyword.Name))
            {
                node._children.Add(keyword.Name, children);
            }
        }

        return node;
    }

    /// <summary>Registers the identifiers a schema object declares and returns the base URI inside it.</summary>
    private static Uri? Identify(JsonNode json, SchemaDraft draft, SchemaResources resources, Uri? outerBase, string key)
    {
        var baseUri = outerBase;
        var id = json.FirstMember(draft.IdKeyword()) is { Value: { Kind: JsonNodeKind.String } idValue } ? idValue.Text! : null;

        // Up to draft 7, $ref makes every keyword beside it ignored, $id included.
        if (id is not null && !(draft <= SchemaDraft.Draft7 && json.FirstMember("$ref") is not null))
        {
            if (id.StartsWith("#", StringComparison.Ordinal) && draft <= SchemaDraft.Draft7)
            {
                // A plain-name fragment: an anchor, not a new base.
                if (SchemaResources.Resolve(outerBase, id) is { } anchor)
                {
                    resources.Register(anchor, key);
                }
            }
            else if (SchemaResources.Resolve(outerBase, id) is { } identified)
            {
                baseUri = identified;
                resources.Register(identified, key);
            }
        }

        if (draft >= SchemaDraft.Draft201909)
        {
            foreach (var anchorKeyword in new[] { "$anchor", "$dynamicAnchor" })
            {
                if (json.FirstMember(anchorKeyword) is { Value: { Kind: JsonNodeKind.String } name } && baseUri is not null
                    && SchemaResources.Resolve(baseUri, "#" + name.Text) is { } anchor)
                {
                    resources.Register(anchor, key);
                }
            }
        }

        return baseUri;
    }
}
