using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.References;
using NJsonSchemaError = NJsonSchema.Validation.ValidationError;

namespace CaseContracts.Benchmarks.Competitors;

/// <summary>
/// NJsonSchema 11.6.2 over the repository's <c>schema/</c>: the request schema, its cross-file
/// <c>$ref</c>s resolved from the embedded files (never the disk or the network).
/// </summary>
/// <remarks>
/// NJsonSchema does not model <c>const</c> (it lands in extension data and its validator ignores it),
/// so the connector's discriminator would go unchecked: <c>"type": ".swimlane"</c> with Jira-shaped
/// fields would pass. Each <c>const</c> is therefore given to it as the one-value <c>enum</c> that
/// means the same in draft 7, so that it verifies the same rules as the other contenders.
/// </remarks>
public sealed class NJsonSchemaValidator
{
    private const string VirtualRoot = "/casecontracts-benchmark/schema/";

    private readonly JsonSchema _request;

    private NJsonSchemaValidator(JsonSchema request) => _request = request;

    /// <summary>Loads the request schema and everything it references.</summary>
    public static NJsonSchemaValidator Load()
    {
        var files = RepositorySchemas.Files.ToDictionary(f => VirtualRoot + f.Key, f => ConstAsEnum(f.Value), StringComparer.Ordinal);
        var requestPath = VirtualRoot + RepositorySchemas.RequestFile;
        var request = JsonSchema.FromJsonAsync(
                files[requestPath],
                requestPath,
                schema => new EmbeddedFileResolver(schema, files))
            .GetAwaiter().GetResult();
        return new NJsonSchemaValidator(request);
    }

    /// <summary>Every error NJsonSchema finds (it always collects all of them); empty when valid.</summary>
    public ICollection<NJsonSchemaError> Validate(string json) => _request.Validate(json);

    /// <summary>The schema text with every <c>const</c> at a schema position given as the one-value <c>enum</c>.</summary>
    internal static string ConstAsEnum(string schemaText)
    {
        var root = JsonNode.Parse(schemaText)!;
        Rewrite(root);
        return root.ToJsonString();
    }

    // Only at schema positions: a property *named* "const" under "properties" is a member, not the keyword.
    private static void Rewrite(JsonNode? schema)
    {
        if (schema is not JsonObject obj)
        {
            return;
        }

        if (obj["const"] is var constant && obj.ContainsKey("const"))
        {
            obj.Remove("const");
            obj["enum"] = new JsonArray(constant);
        }

        foreach (var (keyword, value) in obj.ToList())
        {
            switch (keyword)
            {
                case "properties" or "definitions" or "$defs" or "patternProperties" or "dependencies" when value is JsonObject map:
                    foreach (var (_, member) in map.ToList())
                    {
                        Rewrite(member);
                    }

                    break;
                case "allOf" or "anyOf" or "oneOf" or "items" or "prefixItems" when value is JsonArray array:
                    foreach (var member in array)
                    {
                        Rewrite(member);
                    }

                    break;
                case "items" or "additionalProperties" or "additionalItems" or "not" or "if" or "then" or "else" or "contains" or "propertyNames":
                    Rewrite(value);
                    break;
            }
        }
    }

    /// <summary>Resolves file references among the embedded schema files; anything else fails loudly.</summary>
    private sealed class EmbeddedFileResolver(JsonSchema root, IReadOnlyDictionary<string, string> files)
        : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
        {
            var path = filePath.Replace('\\', '/');
            if (!files.TryGetValue(path, out var text))
            {
                throw new InvalidOperationException($"'{filePath}' is not one of the schema files");
            }

            return await JsonSchema.FromJsonAsync(text, path, _ => this, cancellationToken).ConfigureAwait(false);
        }

        public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException($"no network: '{url}' is not one of the schema files");
    }
}
