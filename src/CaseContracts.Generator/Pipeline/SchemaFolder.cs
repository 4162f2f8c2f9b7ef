using System;
using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// Which AdditionalFiles are schema files (<c>.json</c> files under the schema folder), and the draft a file
/// that names none is read as: everything the read of one file depends on besides its text.
/// </summary>
internal sealed record SchemaFolder(string ProjectDirectory, string SchemaDirectory, SchemaDraft DefaultDraft = SchemaDrafts.Default)
{
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
