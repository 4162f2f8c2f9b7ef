using System;
using System.Text;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// Names of generated validator methods, derived from a schema position's key relative to the schema
/// folder: readable, stable across machines (no absolute paths), unique (a short hash of the key).
/// </summary>
internal static class ValidatorNames
{
    public const string ClassName = "SchemaValidators";

    /// <summary>
    /// The validation runtime's validator for a <c>$ref</c> that closes a cycle (<see cref="ReferenceCycles"/>):
    /// it rejects the value instead of following the cycle.
    /// </summary>
    public const string ReferenceCycle = "RejectReferenceCycle";

    public static string Method(string key, GeneratorOptions options)
    {
        var relative = Relative(key, options);
        return "Validate_" + Sanitize(relative) + "_" + Hash(relative);
    }

    /// <summary>The entry point validating a whole document (file) against its root schema.</summary>
    public static string DocumentEntry(string filePath, GeneratorOptions options)
        => "ValidateDocument_" + Sanitize(Relative(filePath, options));

    public static string Relative(string key, GeneratorOptions options)
    {
        var root = SchemaRoot(options);
        return key.Length > root.Length && key[root.Length] == '/' && key.StartsWith(root, StringComparison.Ordinal)
            ? key.Substring(root.Length + 1)
            : key.TrimStart('/');
    }

    // Asked for every schema position's method name: the folder is normalised once per options, not once per name.
    private static string SchemaRoot(GeneratorOptions options)
    {
        if (s_lastRoot is { } last && ReferenceEquals(last.Options, options))
        {
            return last.Root;
        }

        var root = options.SchemaDirectory.StartsWith("/", StringComparison.Ordinal)
            ? options.SchemaDirectory
            : SchemaPaths.Normalize(options.ProjectDirectory + "/" + options.SchemaDirectory);
        s_lastRoot = new RootOf(options, root);
        return root;
    }

    private static RootOf? s_lastRoot;

    private sealed record RootOf(GeneratorOptions Options, string Root);

    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace(".schema.json", string.Empty).Replace("#", string.Empty))
        {
            builder.Append(c < 128 && char.IsLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString().Trim('_');
    }

    // FNV-1a: stable across processes and platforms (string.GetHashCode is randomised).
    private static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
