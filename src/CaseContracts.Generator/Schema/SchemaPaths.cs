using System;
using System.Collections.Generic;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// Pure string operations on schema paths and <c>$ref</c> values. No file system access: the
/// compiler gives us paths, and references are resolved only among the schema AdditionalFiles.
/// </summary>
internal static class SchemaPaths
{
    public const string RootPointer = "#";

    /// <summary>Forward slashes, no <c>.</c>/<c>..</c> segments.</summary>
    public static string Normalize(string path)
    {
        if (IsNormal(path))
        {
            // Most calls get a key's file part, normal already: no split, no join, no new string.
            return path;
        }

        var slashed = path.Replace('\\', '/');
        var rooted = slashed.StartsWith("/", StringComparison.Ordinal);
        var segments = new List<string>();
        foreach (var segment in slashed.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return (rooted ? "/" : string.Empty) + string.Join("/", segments);
    }

    /// <summary>Whether <see cref="Normalize"/> would return <paramref name="path"/> unchanged: no backslash, no empty, <c>.</c> or <c>..</c> segment.</summary>
    private static bool IsNormal(string path)
    {
        if (path.Length == 0)
        {
            return true;
        }

        var segmentStart = path[0] == '/' ? 1 : 0;
        for (var i = segmentStart; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] == '\\')
            {
                return false;
            }

            if (i == path.Length || path[i] == '/')
            {
                var length = i - segmentStart;
                if (length == 0 || (length <= 2 && path[segmentStart] == '.' && (length == 1 || path[segmentStart + 1] == '.')))
                {
                    return false;
                }

                segmentStart = i + 1;
            }
        }

        return true;
    }

    public static string Directory(string normalizedPath)
    {
        var slash = normalizedPath.LastIndexOf('/');
        return slash < 0 ? string.Empty : normalizedPath.Substring(0, slash + 1);
    }

    /// <summary>The file name without its directory and without <c>.schema.json</c> / <c>.json</c>.</summary>
    public static string Stem(string normalizedPath)
    {
        var name = normalizedPath.Substring(normalizedPath.LastIndexOf('/') + 1);
        foreach (var suffix in new[] { ".schema.json", ".json" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name.Substring(0, name.Length - suffix.Length);
            }
        }

        return name;
    }

    /// <summary>The key of a schema: normalised file path plus JSON pointer fragment.</summary>
    public static string Key(string normalizedPath, string pointer) => normalizedPath + pointer;

    /// <summary>
    /// The key a <c>$ref</c> written in <paramref name="documentPath"/> points to:
    /// <c>other.schema.json#/definitions/x</c> → <c>/dir/other.schema.json#/definitions/x</c>.
    /// </summary>
    public static string ResolveReference(string documentPath, string reference)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        // A $ref is a URI: its fragment is percent-encoded ("%25" is "%"), then a JSON pointer.
        var fragment = hash < 0 ? RootPointer : Uri.UnescapeDataString(reference.Substring(hash));

        var file = filePart.Length == 0
            ? documentPath
            : Normalize(filePart.StartsWith("/", StringComparison.Ordinal) ? filePart : Directory(documentPath) + filePart);
        return Key(file, fragment);
    }

    /// <summary>Splits a key into its file and its pointer.</summary>
    public static (string File, string Pointer) SplitKey(string key)
    {
        var hash = key.IndexOf('#');
        return hash < 0 ? (key, RootPointer) : (key.Substring(0, hash), key.Substring(hash));
    }

    /// <summary>Escapes one JSON pointer segment (RFC 6901).</summary>
    public static string EscapePointerSegment(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
