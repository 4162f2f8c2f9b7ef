using System;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// Which AdditionalFiles are schema files (<c>.json</c> files under the schema folder), and the draft a file
/// that names none is read as: everything the read of one file depends on besides its text.
/// </summary>
/// <param name="BaseUri">The URI the folder is published at (<c>CaseContractsSchemaBaseUri</c>, ending in <c>/</c>), or null: each file's URI is then that plus its path in the folder.</param>
internal sealed record SchemaFolder(string ProjectDirectory, string SchemaDirectory, SchemaDraft DefaultDraft = SchemaDrafts.Default, string? BaseUri = null)
{
    /// <summary>The URI of the file at <paramref name="filePath"/> under <see cref="BaseUri"/>, or null (no base URI, or not in the folder).</summary>
    public string? UriOf(string filePath)
    {
        if (BaseUri is null)
        {
            return null;
        }

        var path = SchemaPaths.Normalize(filePath);
        var rooted = SchemaDirectory.StartsWith("/", StringComparison.Ordinal) || SchemaDirectory.Contains(":");
        string? relative = null;
        if (ProjectDirectory.Length > 0 || rooted)
        {
            var folder = (rooted ? SchemaDirectory : SchemaPaths.Normalize(ProjectDirectory + "/" + SchemaDirectory)) + "/";
            relative = path.StartsWith(folder, StringComparison.OrdinalIgnoreCase) ? path.Substring(folder.Length) : null;
        }
        else
        {
            var at = ("/" + path).IndexOf("/" + SchemaDirectory + "/", StringComparison.OrdinalIgnoreCase);
            relative = at >= 0 ? path.Substring(at + SchemaDirectory.Length + 1) : null;
        }

        return relative is null ? null : BaseUri + string.Join("/", System.Linq.Enumerable.Select(relative.Split('/'), Uri.EscapeDataString));
    }

    public bool Contains(string filePath)
    {
        if (!filePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var path = SchemaPaths.Normalize(filePath);
        var rooted = SchemaDirectory.StartsWith("/", StringComparison.Ordinal) || SchemaDirectory.Contains(":");
        if (ProjectDirectory.Length > 0 || rooted)
        {
            var folder = rooted ? SchemaDirectory : SchemaPaths.Normalize(ProjectDirectory + "/" + SchemaDirectory);
            return path.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase);
        }

        // Without the project's folder (a compilation not driven by MSBuild), any folder of that name counts.
        return ("/" + path).IndexOf("/" + SchemaDirectory + "/", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
