using System.Threading;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Schema;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CaseContracts.Generator.Pipeline;

/// <summary>Reads <see cref="GeneratorOptions"/> from MSBuild properties (<c>CompilerVisibleProperty</c>); empty means default.</summary>
internal static class GeneratorOptionsReader
{
    public static GeneratorOptions Read(AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GlobalOptions;
        var @namespace = Property(options, "CaseContractsNamespace") ?? Property(options, "RootNamespace") ?? GeneratorOptions.DefaultNamespace;
        var schemaDirectory = Property(options, "CaseContractsSchemaDirectory") ?? GeneratorOptions.DefaultSchemaDirectory;
        var projectDirectory = Property(options, "ProjectDir") ?? string.Empty;
        var assertFormats = string.Equals(Property(options, "CaseContractsAssertFormats"), "true", System.StringComparison.OrdinalIgnoreCase);
        // A value that names no draft keeps the default: the meta-schema check of each file still holds it to one draft.
        var defaultDraft = SchemaDrafts.FromOption(Property(options, "CaseContractsDefaultDraft")) ?? SchemaDrafts.Default;
        // The URI the schema folder is published at: a $ref to a URI under it names the file at that path.
        var baseUri = Property(options, "CaseContractsSchemaBaseUri") is { } uri && System.Uri.TryCreate(uri, System.UriKind.Absolute, out var parsed) && !parsed.IsFile
            ? (parsed.AbsoluteUri.EndsWith("/", System.StringComparison.Ordinal) ? parsed.AbsoluteUri : parsed.AbsoluteUri + "/")
            : null;
        // A value that names no profile keeps the default (problem details), as an unknown draft does.
        var errorProfile = Property(options, "CaseContractsErrorProfile")?.ToLowerInvariant() switch
        {
            "kibana" => Model.Api.ApiErrorProfile.Kibana,
            "problem-details" => Model.Api.ApiErrorProfile.ProblemDetails,
            _ => (Model.Api.ApiErrorProfile?)null,
        };
        return new GeneratorOptions(@namespace, SchemaPaths.Normalize(schemaDirectory), SchemaPaths.Normalize(projectDirectory), assertFormats, defaultDraft, errorProfile, baseUri);
    }

    private static string? Property(AnalyzerConfigOptions options, string name)
        => options.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
