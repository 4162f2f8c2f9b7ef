using System;
using System.Linq;
using System.Threading;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Emit;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;
using CaseContracts.Generator.Pipeline;
using CaseContracts.Generator.Schema;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator;

/// <summary>
/// Turns the JSON Schema files of a project (AdditionalFiles under <c>schema/</c>) into records, unions,
/// enums and their JSON readers/writers. Data flows one way: schema text → <see cref="SchemaReader"/> →
/// <see cref="SchemaDocument"/> (per file) → <see cref="SchemaIndex"/> (small, location-free cross-file projection) →
/// <see cref="TypeResolver"/> → <see cref="TypeSpec"/> (per type) → emitters. A request schema's
/// <c>x-operation</c> becomes an <see cref="EndpointSpec"/> (<see cref="OperationResolver"/>) and, in a web
/// project, a minimal-API endpoint.
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
            .Select(static (o, _) => new SchemaFolder(o.ProjectDirectory, o.SchemaDirectory))
            .WithTrackingName(TrackingNames.SchemaFolder);

        var documents = context.AdditionalTextsProvider
            .Combine(folder)
            .Where(static pair => pair.Right.Contains(pair.Left.Path))
            .Select(static (pair, cancellationToken) => ReadDocument(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.Documents);

        // Projected per file before collecting: an edit that leaves a file's part equal stops there.
        var index = documents
            .Select(static (document, _) => SchemaIndexPart.Of(document))
            .WithTrackingName(TrackingNames.IndexParts)
            .Collect()
            .Select(static (parts, _) => SchemaIndex.Create(parts))
            .WithTrackingName(TrackingNames.Index);

        var resolved = documents
            .Combine(index)
            .Combine(options)
            .Select(static (input, _) => ResolveDocument(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.ResolvedDocuments);

        var types = resolved
            .SelectMany(static (document, _) => document.Types)
            .WithTrackingName(TrackingNames.Types);

        var validators = documents
            .Combine(index)
            .Combine(options)
            .Select(static (input, _) => PlanValidators(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Validators);

        var runtimeNamespace = options
            .Select(static (o, _) => o.Namespace)
            .WithTrackingName(TrackingNames.RuntimeNamespace);

        var capabilities = context.CompilationProvider
            .Select(static (compilation, _) => ReadCapabilities(compilation))
            .WithTrackingName(TrackingNames.Capabilities);

        var operations = documents
            .Where(static document => document.Operation is not null)
            .Combine(index)
            .Combine(options)
            .Select(static (input, _) => ResolveOperation(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Operations);

        var endpoints = operations
            .Collect()
            .Combine(runtimeNamespace)
            .Select(static (input, _) => EndpointSet.Create(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Endpoints);

        // Only a project that documents its endpoints with Microsoft.AspNetCore.OpenApi needs the schema texts resolved.
        var openApiComponents = documents
            .Combine(index)
            .Combine(capabilities.Select(static (c, _) => c.HasAspNetCore && c.HasOpenApi))
            .Select(static (input, _) => input.Right ? ResolveComponents(input.Left.Left, input.Left.Right) : default)
            .WithTrackingName(TrackingNames.DocumentOpenApiComponents)
            .Collect()
            .Select(static (all, _) => all.SelectMany(static c => c).ToEquatableArray())
            .WithTrackingName(TrackingNames.OpenApiComponents);

        context.RegisterSourceOutput(types.Combine(capabilities), static (output, input) => EmitType(output, input.Left, input.Right));
        context.RegisterSourceOutput(validators, static (output, file) => EmitValidators(output, file));
        context.RegisterSourceOutput(runtimeNamespace, static (output, ns) => output.AddSource(ValidationRuntimeEmitter.HintName(ns), ValidationRuntimeEmitter.Emit(ns)));
        context.RegisterSourceOutput(documents.Select(static (d, _) => d.Diagnostics), static (output, d) => Report(output, d));
        context.RegisterSourceOutput(resolved.Select(static (d, _) => d.Diagnostics), static (output, d) => Report(output, d));
        context.RegisterSourceOutput(endpoints.Select(static (e, _) => e.Diagnostics), static (output, d) => Report(output, d));
        context.RegisterSourceOutput(endpoints.Combine(capabilities), static (output, input) => EmitEndpoints(output, input.Left.Spec, input.Right));
        context.RegisterSourceOutput(endpoints.Combine(openApiComponents).Combine(capabilities),
            static (output, input) => EmitOpenApi(output, input.Left.Left.Spec, input.Left.Right, input.Right));
    }

    private static GenerationCapabilities ReadCapabilities(Compilation compilation) => new(
        HasPipeReader: compilation.GetTypeByMetadataName("System.IO.Pipelines.PipeReader") is not null,
        HasAspNetCore: compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder") is not null
                       && compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext") is not null,
        HasOpenApi: compilation.GetTypeByMetadataName("Microsoft.AspNetCore.OpenApi.OpenApiOptions") is not null);

    private static OperationResolution ResolveOperation(SchemaDocument document, SchemaIndex index, GeneratorOptions options)
    {
        try
        {
            return OperationResolver.Resolve(document, index, options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var location = document.Operation?.Location ?? SourceLocation.StartOf(document.FilePath);
            return new OperationResolution(document.FilePath, null, location, new[] { InternalError(location, e) }.ToEquatableArray());
        }
    }

    private static EquatableArray<OpenApiComponentSpec> ResolveComponents(SchemaDocument document, SchemaIndex index)
    {
        try
        {
            return OpenApiComponentResolver.Resolve(document, index);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The schema texts were written by the reader; should one still fail, the document leaves it
            // out (its endpoint still works) rather than the whole output being lost.
            return default;
        }
    }

    // Endpoints need ASP.NET Core; without it an x-operation is read and checked, and generates nothing.
    private static void EmitEndpoints(SourceProductionContext output, ContractEndpointsSpec contract, GenerationCapabilities capabilities)
    {
        if (!capabilities.HasAspNetCore || contract.Endpoints.IsEmpty)
        {
            return;
        }

        AddSource(output, EndpointRuntimeEmitter.HintName(contract.Namespace), () => EndpointRuntimeEmitter.Emit(contract.Namespace));
        foreach (var endpoint in contract.Endpoints)
        {
            AddSource(output, endpoint.HintName, () => EndpointEmitter.Emit(endpoint));
        }
    }

    private static void EmitOpenApi(SourceProductionContext output, ContractEndpointsSpec contract, EquatableArray<OpenApiComponentSpec> components, GenerationCapabilities capabilities)
    {
        if (capabilities.HasAspNetCore && capabilities.HasOpenApi && !contract.Endpoints.IsEmpty)
        {
            AddSource(output, OpenApiEmitter.HintName(contract.Namespace), () => OpenApiEmitter.Emit(contract.Namespace, components));
        }
    }

    private static void AddSource(SourceProductionContext output, string hintName, Func<string> emit)
    {
        string source;
        try
        {
            source = emit();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidSchema, Location.None, $"generating '{hintName}' failed: {e.Message}"));
            return;
        }

        output.AddSource(hintName, source);
    }

    // Each stage catches per file: one broken schema must never take the others down (an exception
    // escaping a generator drops all of its output, CS8785). The analyzers read schemas through this too.
    internal static SchemaDocument ReadDocument(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        return SchemaDocumentCache.GetOrRead(file.Path, text, () =>
        {
            try
            {
                return SchemaReader.Read(file.Path, text, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new SchemaDocument(SchemaPaths.Normalize(file.Path), default, default, default,
                    new[] { InternalError(SourceLocation.StartOf(file.Path), e) }.ToEquatableArray());
            }
        });
    }

    // The analyzers run these stages through here too, guarded alike.
    internal static DocumentTypes ResolveDocument(SchemaDocument document, SchemaIndex index, GeneratorOptions options)
    {
        try
        {
            return TypeResolver.Resolve(document, index, options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DocumentTypes(document.FilePath, default, new[] { InternalError(SourceLocation.StartOf(document.FilePath), e) }.ToEquatableArray());
        }
    }

    internal static ValidatorFileSpec? PlanValidators(SchemaDocument document, SchemaIndex index, GeneratorOptions options)
    {
        try
        {
            return ValidatorPlanner.Plan(document, index, options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Planning is string work on input the reader already checked; should it still fail, this
            // file gets no validators (its types still generate) rather than the whole output being lost.
            return null;
        }
    }

    private static void EmitValidators(SourceProductionContext output, ValidatorFileSpec? file)
    {
        if (file is null)
        {
            return;
        }

        string source;
        try
        {
            source = ValidatorEmitter.Emit(file);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidSchema, Location.None, $"generating the validators of '{file.HintName}' failed: {e.Message}"));
            return;
        }

        output.AddSource(file.HintName, source);
    }

    private static void EmitType(SourceProductionContext output, TypeSpec type, GenerationCapabilities capabilities)
    {
        string source;
        try
        {
            source = type switch
            {
                ObjectTypeSpec record => RecordEmitter.Emit(record, capabilities),
                UnionTypeSpec union => UnionEmitter.Emit(union, capabilities),
                EnumTypeSpec enumeration => EnumEmitter.Emit(enumeration),
                _ => throw new InvalidOperationException("No emitter for " + type.GetType().Name),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidSchema, Location.None, $"generating '{type.Name}' failed: {e.Message}"));
            return;
        }

        output.AddSource(type.HintName, source);
    }

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static DiagnosticInfo InternalError(SourceLocation location, Exception e)
        => DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, location, $"the schema could not be processed ({e.GetType().Name}: {e.Message})");
}
