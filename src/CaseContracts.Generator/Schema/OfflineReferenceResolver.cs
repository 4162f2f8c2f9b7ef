using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.References;

namespace CaseContracts.Generator.Schema;

/// <summary>
/// NJsonSchema's reference resolver, made inert: it never reads a file or a URL (a compiler must
/// not) and never fails on a missing target. Every <c>$ref</c> becomes an empty placeholder; the
/// generator resolves references itself, among the schema AdditionalFiles, by key.
/// </summary>
internal sealed class OfflineReferenceResolver : JsonReferenceResolver
{
    public OfflineReferenceResolver(JsonSchema root)
        : base(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
    }

    public override string ResolveFilePath(string documentPath, string jsonPath) => jsonPath;

    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken)
        => Task.FromResult(Placeholder());

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken)
        => Task.FromResult(Placeholder());

    public override IJsonReference ResolveDocumentReference(object rootObject, string jsonPath, Type targetType, Newtonsoft.Json.Serialization.IContractResolver contractResolver)
        => Placeholder();

    private static IJsonReference Placeholder() => new JsonSchema { ExtensionData = new Dictionary<string, object?>() };
}
