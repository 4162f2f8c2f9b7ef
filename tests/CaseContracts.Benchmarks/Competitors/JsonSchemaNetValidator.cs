using System;
using System.Text.Json;
using Json.Schema;

namespace CaseContracts.Benchmarks.Competitors;

/// <summary>
/// JsonSchema.Net 8.0.5 (draft 7) over the repository's <c>schema/</c>: every file registered under
/// one base URI, so the cross-file <c>$ref</c>s resolve among them and nothing is fetched.
/// </summary>
public sealed class JsonSchemaNetValidator
{
    private static readonly Uri BaseUri = new("https://casecontracts.benchmark/schema/");

    // Flag: the verdict alone, the fastest way to ask. List: every error with its location, what our
    // TryParse returns; asked for only once the verdict is "invalid", as a careful user would.
    private static readonly EvaluationOptions VerdictOnly = new() { OutputFormat = OutputFormat.Flag };
    private static readonly EvaluationOptions EveryError = new() { OutputFormat = OutputFormat.List };

    private readonly JsonSchema _request;

    private JsonSchemaNetValidator(JsonSchema request) => _request = request;

    /// <summary>Builds every schema file; returns the request schema's validator.</summary>
    public static JsonSchemaNetValidator Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07 };
        JsonSchema? request = null;
        foreach (var (relative, text) in RepositorySchemas.Files)
        {
            var schema = JsonSchema.FromText(text, options, new Uri(BaseUri, relative));
            if (relative == RepositorySchemas.RequestFile)
            {
                request = schema;
            }
        }

        return new JsonSchemaNetValidator(request!);
    }

    /// <summary>The verdict on an already parsed document, and, when it is invalid, every error.</summary>
    public EvaluationResults Evaluate(JsonElement document)
    {
        var verdict = _request.Evaluate(document, VerdictOnly);
        return verdict.IsValid ? verdict : _request.Evaluate(document, EveryError);
    }
}
