using System.Collections.Immutable;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Pipeline.Stages;

/// <summary>What the per-file stages after reading work on: one schema file's document, the cross-file index and the options.</summary>
internal sealed record DocumentInput(SchemaDocument Document, SchemaIndex Index, GeneratorOptions Options);

/// <summary>What an OpenAPI operation's stage works on: the operation (one per step, so editing one re-runs only its own), the index and the options.</summary>
internal sealed record ApiOperationInput(Model.Api.ApiOperation Operation, SchemaIndex Index, GeneratorOptions Options);

/// <summary>What the OpenAPI component stage works on: one document and the index (names of the components it refers to).</summary>
internal sealed record ComponentInput(SchemaDocument Document, SchemaIndex Index, bool Wanted);

/// <summary>What the served-document stage works on: one declared OpenAPI document, the index, every schema component and the namespace.</summary>
internal sealed record ServedDocumentInput(Model.Api.ApiDocument Api, SchemaIndex Index, EquatableArray<OpenApiComponentSpec> Components, string Namespace);

/// <summary>The document to serve (none when building it failed), and why not.</summary>
internal sealed record ServedDocumentResult(ServedDocumentSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What a type's emission needs: the type and what the consuming compilation offers.</summary>
internal sealed record TypeOutput(TypeSpec Type, GenerationCapabilities Capabilities);

/// <summary>What the endpoint files need: every endpoint and what the compilation offers.</summary>
internal sealed record EndpointsOutput(ContractEndpointsSpec Contract, GenerationCapabilities Capabilities);

/// <summary>What the OpenAPI transformer needs: every endpoint, the schema components and what the compilation offers.</summary>
internal sealed record OpenApiOutput(ContractEndpointsSpec Contract, EquatableArray<OpenApiComponentSpec> Components, GenerationCapabilities Capabilities);

/// <summary>The validators of one schema file (none when it has no schema positions or planning failed), and why not.</summary>
internal sealed record ValidatorPlan(string FilePath, ValidatorFileSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One schema file's OpenAPI components, and any failure resolving them.</summary>
internal sealed record DocumentComponents(EquatableArray<OpenApiComponentSpec> Components, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Every operation of the contract resolved together.</summary>
internal sealed record EndpointSetResult(ContractEndpointsSpec Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static EndpointSetResult Of(ImmutableArray<OperationResolution> resolutions, string @namespace)
    {
        var (spec, diagnostics) = EndpointSet.Create(resolutions, @namespace);
        return new EndpointSetResult(spec, diagnostics);
    }
}
