namespace CaseContracts.Generator.Pipeline;

/// <summary>Names of the pipeline steps, for incrementality tests (<c>trackIncrementalGeneratorSteps</c>).</summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string SchemaFolder = nameof(SchemaFolder);
    public const string Documents = nameof(Documents);
    public const string DocumentInputs = nameof(DocumentInputs);
    public const string IndexParts = nameof(IndexParts);
    public const string Index = nameof(Index);
    public const string MetaSchemas = nameof(MetaSchemas);
    public const string MetaSchemaValidators = nameof(MetaSchemaValidators);
    public const string ResolvedDocuments = nameof(ResolvedDocuments);
    public const string Types = nameof(Types);
    public const string Validators = nameof(Validators);
    public const string RuntimeNamespace = nameof(RuntimeNamespace);
    public const string Capabilities = nameof(Capabilities);
    public const string Operations = nameof(Operations);
    public const string Endpoints = nameof(Endpoints);
    public const string ApiOperations = nameof(ApiOperations);
    public const string ApiOperationInputs = nameof(ApiOperationInputs);
    public const string ResolvedApiOperations = nameof(ResolvedApiOperations);
    public const string ApiOperationSet = nameof(ApiOperationSet);
    public const string ApiOperationSpecs = nameof(ApiOperationSpecs);
    public const string ApiMaps = nameof(ApiMaps);
    public const string RuntimeFiles = nameof(RuntimeFiles);
    public const string DocumentOpenApiComponents = nameof(DocumentOpenApiComponents);
    public const string OpenApiComponents = nameof(OpenApiComponents);
    public const string ServedDocuments = nameof(ServedDocuments);
}
