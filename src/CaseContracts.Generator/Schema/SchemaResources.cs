using System;
using System.Collections.Generic;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// The URIs one schema file gives its positions: the file itself, every <c>$id</c> (draft 4: <c>id</c>)
/// resolved against the base URI around it, and every anchor (<c>$anchor</c>, <c>$dynamicAnchor</c>, or a
/// draft-4 to 7 <c>$id</c> that is a plain <c>#name</c> fragment). A <c>$ref</c> is resolved against its
/// position's base URI and then looked up here, so a reference never leaves the project: a URI no file
/// registers stays unresolved (CC0002), it is never fetched.
/// </summary>
internal sealed class SchemaResources
{
    private readonly Dictionary<string, string> _keysByUri = new(StringComparer.Ordinal);

    /// <param name="path">The file's normalised path.</param>
    /// <param name="publishedUri">The file's URI under the project's <c>CaseContractsSchemaBaseUri</c>, or null.</param>
    public SchemaResources(string path, string? publishedUri = null)
    {
        Path = path;
        Published = publishedUri is not null && Uri.TryCreate(publishedUri, UriKind.Absolute, out var published) ? published : null;
        FileUri = Published ?? FileUriOf(path);
        if (FileUri is not null)
        {
            _keysByUri[Strip(FileUri)] = SchemaPaths.Key(path, SchemaPaths.RootPointer);
        }
    }

    /// <summary>The file's URI under the project's schema base URI, or null when the project sets none.</summary>
    public Uri? Published { get; }

    /// <summary>Every absolute URI this file registers, but <c>file:</c> ones, with the key it names: what other files may refer to.</summary>
    public IEnumerable<KeyValuePair<string, string>> PublishedUris
    {
        get
        {
            foreach (var entry in _keysByUri)
            {
                if (!entry.Key.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>The file's normalised path.</summary>
    public string Path { get; }

    /// <summary>The file as a URI (<c>file:///dir/a.schema.json</c>): the base URI where no <c>$id</c> says otherwise.</summary>
    public Uri? FileUri { get; }

    /// <summary>True once any <c>$id</c> or anchor is registered: only then does resolving need URIs at all.</summary>
    public bool HasIdentifiers { get; private set; }

    /// <summary>Registers <paramref name="uri"/> (absolute, its fragment an anchor or empty) as naming the position <paramref name="key"/>. The first registration wins.</summary>
    public void Register(Uri uri, string key)
    {
        HasIdentifiers = true;
        var name = Strip(uri);
        if (!_keysByUri.ContainsKey(name))
        {
            _keysByUri.Add(name, key);
        }
    }

    /// <summary>The base URI a position's <c>$id</c> value establishes under <paramref name="outer"/>, or null when it is not a URI reference.</summary>
    public static Uri? Resolve(Uri? outer, string reference)
    {
        try
        {
            if (IsAbsoluteUri(reference, out var absolute))
            {
                return absolute;
            }

            return outer is null ? null : new Uri(outer, reference);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The key <paramref name="reference"/>, written at a position whose base URI is <paramref name="baseUri"/>,
    /// points to: a JSON pointer or an anchor in a resource this file registers, else a file beside this one.
    /// </summary>
    public string ResolveReference(Uri? baseUri, string reference)
    {
        if ((!HasIdentifiers && !IsAbsoluteUri(reference, out _)) || baseUri is null)
        {
            return SchemaPaths.ResolveReference(Path, reference);
        }

        if (Resolve(baseUri, reference) is not { } target)
        {
            return SchemaPaths.ResolveReference(Path, reference);
        }

        var fragment = Uri.UnescapeDataString(target.Fragment.Length > 0 ? target.Fragment.Substring(1) : string.Empty);
        var document = WithoutFragment(target);
        if (_keysByUri.TryGetValue(document, out var resource))
        {
            if (fragment.Length == 0 || fragment.StartsWith("/", StringComparison.Ordinal))
            {
                var (file, pointer) = SchemaPaths.SplitKey(resource);
                return SchemaPaths.Key(file, pointer + fragment);
            }

            if (_keysByUri.TryGetValue(document + "#" + fragment, out var anchored))
            {
                return anchored;
            }
        }

        // A relative reference under a web $id this file does not define ("tsconfig#/definitions/x" under
        // https://json.schemastore.org/tsoa) keeps its URI as key, like an absolute one: the project's index resolves it
        // to the file that registers that URI (its $id), else to the file at that place beside this one
        // (SchemaIndex.Resolve: the files of a project sit side by side as their URIs do).
        if (target.IsFile)
        {
            // Another file of the project, reached through a file base URI.
            var path = Uri.UnescapeDataString(target.AbsolutePath);
            path = path.Length > 2 && path[0] == '/' && path[2] == ':' ? path.Substring(1) : path;
            return SchemaPaths.Key(SchemaPaths.Normalize(path), "#" + fragment);
        }

        // A URI this file does not register: the project's index resolves it if another file registers it (its $id,
        // an anchor, its published URI); else its key names no position, and the reference is reported unresolved.
        return SchemaPaths.Key(document, "#" + fragment);
    }

    private static Uri? FileUriOf(string path)
    {
        try
        {
            return new Uri("file://" + (path.StartsWith("/", StringComparison.Ordinal) ? string.Empty : "/") + path);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>An absolute URI with a scheme. A path starting with "/" is not one (Uri would read it as a Unix file URI): it is relative to the base.</summary>
    private static bool IsAbsoluteUri(string reference, out Uri absolute)
    {
        absolute = null!;
        return !reference.StartsWith("/", StringComparison.Ordinal) && !reference.StartsWith("\\", StringComparison.Ordinal)
            && Uri.TryCreate(reference, UriKind.Absolute, out absolute!);
    }

    /// <summary>The URI without an empty fragment ("x#" and "x" name the same resource); an anchor's fragment stays.</summary>
    private static string Strip(Uri uri)
    {
        var text = uri.AbsoluteUri;
        return text.EndsWith("#", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : text;
    }

    private static string WithoutFragment(Uri uri)
    {
        var text = uri.AbsoluteUri;
        var hash = text.IndexOf('#');
        return hash < 0 ? text : text.Substring(0, hash);
    }
}
