using System;
using System.Linq;
using CaseContracts.Generator.Emit;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Pipeline;
using CaseContracts.Generator.Pipeline.Stages;
using CaseContracts.Generator.Schema;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator;

/// <summary>
/// Turns the JSON Schema files of a project (AdditionalFiles under <c>schema/</c>) into records, unions,
/// enums and their JSON readers/writers. Data flows one way: schema text → <see cref="ReadStage"/> →
/// <see cref="SchemaDocument"/> (per file) → <see cref="SchemaIndex"/> (small, location-free cross-file projection) →
/// <see cref="TypeStage"/> / <see cref="ValidatorStage"/> / <see cref="OperationStage"/> (per file, on a
/// <see cref="DocumentInput"/>) → specs → emitters, each file added through <see cref="SourceOutput.Add"/>. The
/// stages live in <c>Pipeline/Stages</c>; the analyzers run the same ones (<c>Analyzers/ContractModel</c>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ContractGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static output =>
        {
            output.AddSource(JsonSupportEmitter.HintName, JsonSupportEmitter.Emit());
            output.AddSource(SchemaAttributeEmitter.HintName, SchemaAttributeEmitter.Emit());
        });

        var options = context.AnalyzerConfigOptionsProvider
            .Select(GeneratorOptionsReader.Read)
            .WithTrackingName(TrackingNames.Options);

        var folder = options
            .Select(static (o, _) => new SchemaFolder(o.ProjectDirectory, o.SchemaDirectory, o.DefaultDraft, o.SchemaBaseUri))
            .WithTrackingName(TrackingNames.SchemaFolder);

        var documents = context.AdditionalTextsProvider
            .Combine(folder)
            .Where(static pair => pair.Right.Contains(pair.Left.Path))
            .Select(static (pair, cancellationToken) => ReadStage.Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Documents);

        // The drafts' meta-schemas the files name by URI ("$ref": "http://json-schema.org/draft-07/schema#"): documents of
        // the project read from the generator's own copies (never fetched), in the index and with validators of their own.
        var metaSchemas = documents
            .Select(static (document, _) => MetaSchemaCatalogue.ReferencedBy(document))
            .Collect()
            .Select(static (all, _) => all.SelectMany(static names => names).Distinct(StringComparer.Ordinal).OrderBy(static name => name, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.MetaSchemas);

        // Projected per file before collecting: an edit that leaves a file's part equal stops there.
        var index = documents
            .Select(static (document, _) => SchemaIndexPart.Of(document))
            .WithTrackingName(TrackingNames.IndexParts)
            .Collect()
            .Combine(metaSchemas)
            .Select(static (input, _) => SchemaIndex.Create(input.Left.Concat(MetaSchemaCatalogue.Documents(input.Right).Select(SchemaIndexPart.Of))))
            .WithTrackingName(TrackingNames.Index);

        var inputs = documents
            .Combine(index)
            .Combine(options)
            .Select(static (input, _) => new DocumentInput(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.DocumentInputs);

        var resolved = inputs
            .Select(static (input, _) => TypeStage.Resolve(input))
            .WithTrackingName(TrackingNames.ResolvedDocuments);

        var types = resolved
            .SelectMany(static (document, _) => document.Types)
            .WithTrackingName(TrackingNames.Types);

        var validators = inputs
            .Select(static (input, _) => ValidatorStage.Plan(input))
            .WithTrackingName(TrackingNames.Validators);

        var metaSchemaValidators = metaSchemas
            .SelectMany(static (names, _) => names)
            .Combine(index)
            .Combine(options)
            .Select(static (input, _) => MetaSchemaCatalogue.Documents(input.Left.Left)
                .Select(document => ValidatorStage.Plan(new DocumentInput(document, input.Left.Right, input.Right)))
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.MetaSchemaValidators);

        var runtimeNamespace = options
            .Select(static (o, _) => o.Namespace)
            .WithTrackingName(TrackingNames.RuntimeNamespace);

        var capabilities = context.CompilationProvider
            .Select(static (compilation, _) => GenerationCapabilities.Of(compilation))
            .WithTrackingName(TrackingNames.Capabilities);

        var endpoints = inputs
            .Where(static input => input.Document.Operation is not null)
            .Select(static (input, _) => OperationStage.Resolve(input))
            .WithTrackingName(TrackingNames.Operations)
            .Collect()
            .Combine(runtimeNamespace)
            .Select(static (input, _) => EndpointSetResult.Of(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Endpoints);

        // One step per operation of an OpenAPI document: editing one operation re-runs only its own steps.
        var apiOperations = documents
            .SelectMany(static (document, _) => document.Api?.Operations ?? default)
            .WithTrackingName(TrackingNames.ApiOperations)
            .Combine(index)
            .Combine(options)
            .Select(static (input, _) => new ApiOperationInput(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.ApiOperationInputs)
            .Select(static (input, _) => ApiOperationStage.Resolve(input))
            .WithTrackingName(TrackingNames.ResolvedApiOperations);

        var apiOperationSet = apiOperations
            .Collect()
            .Combine(endpoints)
            .Select(static (input, _) => ApiOperationSet.Create(input.Left, input.Right.Spec))
            .WithTrackingName(TrackingNames.ApiOperationSet);

        // Only a web project needs the schema texts resolved: for Microsoft.AspNetCore.OpenApi's document, or to serve its own.
        var documentComponents = documents
            .Combine(index)
            .Combine(capabilities.Select(static (c, _) => c.HasAspNetCore))
            .Select(static (input, _) => OpenApiComponentStage.Resolve(new ComponentInput(input.Left.Left, input.Left.Right, input.Right)))
            .WithTrackingName(TrackingNames.DocumentOpenApiComponents);

        var openApiComponents = documentComponents
            .Collect()
            .Select(static (all, _) => all.SelectMany(static c => c.Components).ToEquatableArray())
            .WithTrackingName(TrackingNames.OpenApiComponents);

        // One served document per declared OpenAPI document, in a web project (it is served by a mapped endpoint).
        var servedDocuments = documents
            .Where(static document => document.Api is not null)
            .Select(static (document, _) => document.Api!)
            .Combine(index)
            .Combine(openApiComponents)
            .Combine(runtimeNamespace)
            .Combine(capabilities.Select(static (c, _) => c.HasAspNetCore))
            .Where(static input => input.Right)
            .Select(static (input, _) => ServedDocumentStage.Resolve(new ServedDocumentInput(input.Left.Left.Left.Left, input.Left.Left.Left.Right, input.Left.Left.Right, input.Left.Right)))
            .WithTrackingName(TrackingNames.ServedDocuments);

        var endpointOutput = endpoints
            .Combine(capabilities)
            .Select(static (input, _) => new EndpointsOutput(input.Left.Spec, input.Right));

        // One output per operation: an edit to one operation leaves the others' specs, and so their files, as they were.
        var apiOperationSpecs = apiOperationSet
            .SelectMany(static (set, _) => set.Specs)
            .WithTrackingName(TrackingNames.ApiOperationSpecs);

        var apiMaps = apiOperationSet
            .SelectMany(static (set, _) => set.Specs
                .GroupBy(static o => o.DocumentPath, StringComparer.Ordinal)
                .Select(static g => new ApiMapSpec(ApiMapEmitter.HintName(g.First().Namespace, g.First().ApiName), g.Key, g.ToEquatableArray())))
            .WithTrackingName(TrackingNames.ApiMaps);

        var runtimeFiles = endpoints
            .Combine(apiOperationSet)
            .Combine(capabilities)
            .Combine(options.Select(static (o, _) => o.ErrorProfile == Model.Api.ApiErrorProfile.Kibana))
            .Select(static (input, _) => RuntimeFiles(input.Left.Left.Left.Spec, input.Left.Left.Right, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.RuntimeFiles);

        var openApiOutput = endpoints
            .Combine(openApiComponents)
            .Combine(capabilities)
            .Select(static (input, _) => new OpenApiOutput(input.Left.Left.Spec, input.Left.Right, input.Right));

        context.RegisterSourceOutput(types.Combine(capabilities), static (output, input) => EmitType(output, new TypeOutput(input.Left, input.Right)));
        context.RegisterSourceOutput(validators, static (output, plan) => EmitValidators(output, plan));
        context.RegisterSourceOutput(metaSchemaValidators, static (output, plans) =>
        {
            // The meta-schemas are the generator's: nothing in them is the project's to be told about.
            foreach (var plan in plans)
            {
                EmitValidators(output, plan with { Diagnostics = default });
            }
        });
        context.RegisterSourceOutput(runtimeNamespace, static (output, ns) => output.AddSource(ValidationRuntimeEmitter.HintName(ns), ValidationRuntimeEmitter.Emit(ns)));
        context.RegisterSourceOutput(documents.Select(static (d, _) => d.Diagnostics), SourceOutput.Report);
        context.RegisterSourceOutput(resolved.Select(static (d, _) => d.Diagnostics), SourceOutput.Report);
        context.RegisterSourceOutput(endpoints.Select(static (e, _) => e.Diagnostics), SourceOutput.Report);
        context.RegisterSourceOutput(apiOperations.Select(static (o, _) => o.Diagnostics), SourceOutput.Report);
        context.RegisterSourceOutput(apiOperationSet.Select(static (o, _) => o.Diagnostics), SourceOutput.Report);
        context.RegisterSourceOutput(documentComponents.Select(static (c, _) => c.Diagnostics), SourceOutput.Report);
        context.RegisterSourceOutput(endpointOutput, static (output, input) => EmitEndpoints(output, input));
        context.RegisterSourceOutput(runtimeFiles, static (output, spec) => EmitRuntimeFiles(output, spec));
        context.RegisterSourceOutput(apiOperationSpecs.Combine(capabilities), static (output, input) =>
        {
            if (input.Right.HasAspNetCore)
            {
                SourceOutput.Add(output, input.Left.HintName, input.Left.DocumentPath, () => ApiOperationEmitter.Emit(input.Left));
            }
        });
        context.RegisterSourceOutput(apiMaps.Combine(capabilities), static (output, input) =>
        {
            if (input.Right.HasAspNetCore)
            {
                SourceOutput.Add(output, input.Left.HintName, input.Left.DocumentPath, () => ApiMapEmitter.Emit(input.Left.Operations));
            }
        });
        context.RegisterSourceOutput(openApiOutput, static (output, input) => EmitOpenApi(output, input));
        context.RegisterSourceOutput(servedDocuments, static (output, result) => EmitServedDocument(output, result));
    }

    private static void EmitType(SourceProductionContext output, TypeOutput input)
        => SourceOutput.Add(output, input.Type.HintName, input.Type.SchemaFile, () => input.Type switch
        {
            ObjectTypeSpec record => RecordEmitter.Emit(record, input.Capabilities),
            UnionTypeSpec union => UnionEmitter.Emit(union, input.Capabilities),
            EnumTypeSpec enumeration => EnumEmitter.Emit(enumeration),
            DocumentTypeSpec document => DocumentEmitter.Emit(document, input.Capabilities),
            KindUnionTypeSpec union => KindUnionEmitter.Emit(union, input.Capabilities),
            _ => throw new InvalidOperationException("No emitter for " + input.Type.GetType().Name),
        });

    private static void EmitValidators(SourceProductionContext output, ValidatorPlan plan)
    {
        SourceOutput.Report(output, plan.Diagnostics);
        if (plan.Spec is { } file)
        {
            SourceOutput.Add(output, file.HintName, plan.FilePath, () => ValidatorEmitter.Emit(file));
        }
    }

    // Endpoints need ASP.NET Core; without it an x-operation is read and checked, and generates nothing.
    private static void EmitEndpoints(SourceProductionContext output, EndpointsOutput input)
    {
        var contract = input.Contract;
        if (!input.Capabilities.HasAspNetCore || contract.Endpoints.IsEmpty)
        {
            return;
        }

        foreach (var endpoint in contract.Endpoints)
        {
            SourceOutput.Add(output, endpoint.HintName, endpoint.SchemaPath, () => EndpointEmitter.Emit(endpoint));
        }
    }

    /// <summary>
    /// What the endpoints need of the runtime, and nothing more: Kibana's error body and words only for <c>x-operation</c>s
    /// and documents that ask for them (<c>"x-error-profile": "kibana"</c>), problem details only for the others.
    /// </summary>
    private static RuntimeFilesSpec RuntimeFiles(ContractEndpointsSpec shorthand, ApiOperationSetResult api, GenerationCapabilities capabilities, bool kibanaOption)
    {
        var kibana = !shorthand.Endpoints.IsEmpty || api.Specs.Any(static o => o.ErrorProfile == Model.Api.ApiErrorProfile.Kibana);
        var web = capabilities.HasAspNetCore;
        var reportPath = !shorthand.Endpoints.IsEmpty ? shorthand.Endpoints[0].SchemaPath : !api.Specs.IsEmpty ? api.Specs[0].DocumentPath : string.Empty;
        return new RuntimeFilesSpec(
            shorthand.Namespace,
            Endpoints: web && (!shorthand.Endpoints.IsEmpty || !api.Specs.IsEmpty),
            KibanaEndpoints: web && kibana,
            KibanaMessages: kibana || kibanaOption,
            ProblemDetails: web && api.Specs.Any(static o => o.ErrorProfile == Model.Api.ApiErrorProfile.ProblemDetails),
            Operations: web && !api.Specs.IsEmpty,
            reportPath);
    }

    // The files all endpoints share are reported, should they fail, at the first endpoint's file.
    private static void EmitRuntimeFiles(SourceProductionContext output, RuntimeFilesSpec spec)
    {
        var ns = spec.Namespace;
        if (spec.Endpoints)
        {
            SourceOutput.Add(output, EndpointRuntimeEmitter.HintName(ns), spec.ReportPath, () => EndpointRuntimeEmitter.Emit(ns));
        }

        if (spec.KibanaEndpoints)
        {
            SourceOutput.Add(output, RuntimeFileEmitter.HintName(ns, "KibanaEndpoints"), spec.ReportPath, () => RuntimeFileEmitter.Emit(ns, RuntimeSources.KibanaEndpoints));
        }

        if (spec.KibanaMessages)
        {
            SourceOutput.Add(output, RuntimeFileEmitter.HintName(ns, "KibanaMessages"), spec.ReportPath, () => RuntimeFileEmitter.Emit(ns, RuntimeSources.KibanaMessages));
        }

        if (spec.ProblemDetails)
        {
            SourceOutput.Add(output, RuntimeFileEmitter.HintName(ns, "ProblemDetails"), spec.ReportPath, () => RuntimeFileEmitter.Emit(ns, RuntimeSources.ProblemDetails));
        }

        if (spec.Operations)
        {
            SourceOutput.Add(output, RuntimeFileEmitter.HintName(ns, "Operations"), spec.ReportPath, () => RuntimeFileEmitter.Emit(ns, RuntimeSources.OperationRuntime));
        }
    }

    private static void EmitServedDocument(SourceProductionContext output, ServedDocumentResult result)
    {
        SourceOutput.Report(output, result.Diagnostics);
        if (result.Spec is { } spec)
        {
            SourceOutput.Add(output, spec.HintName, spec.FilePath, () => ServedDocumentEmitter.Emit(spec));
        }
    }

    private static void EmitOpenApi(SourceProductionContext output, OpenApiOutput input)
    {
        var contract = input.Contract;
        if (input.Capabilities.HasAspNetCore && input.Capabilities.HasOpenApi && !contract.Endpoints.IsEmpty)
        {
            SourceOutput.Add(output, OpenApiEmitter.HintName(contract.Namespace), contract.Endpoints[0].SchemaPath, () => OpenApiEmitter.Emit(contract.Namespace, input.Components));
        }
    }
}
