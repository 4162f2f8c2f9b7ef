using System;
using System.Collections.Immutable;
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
/// <see cref="SchemaDocument"/> (per file) → <see cref="SchemaIndex"/> (small cross-file projection) →
/// <see cref="TypeResolver"/> → <see cref="TypeSpec"/> (per type) → emitters.
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

        var index = documents
            .Collect()
            .Select(static (all, _) => SchemaIndex.Create(all))
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

        var indexDiagnostics = index
            .Select(static (all, _) => NameCollisions.Report(all).ToEquatableArray())
            .WithTrackingName(TrackingNames.IndexDiagnostics);

        var capabilities = context.CompilationProvider
            .Select(static (compilation, _) => new GenerationCapabilities(compilation.GetTypeByMetadataName("System.IO.Pipelines.PipeReader") is not null))
            .WithTrackingName(TrackingNames.Capabilities);

        context.RegisterSourceOutput(types.Combine(capabilities), static (output, input) => EmitType(output, input.Left, input.Right));
        context.RegisterSourceOutput(validators, static (output, file) => EmitValidators(output, file));
        context.RegisterSourceOutput(runtimeNamespace, static (output, ns) => output.AddSource(ValidationRuntimeEmitter.HintName(ns), ValidationRuntimeEmitter.Emit(ns)));
        context.RegisterSourceOutput(documents.Select(static (d, _) => d.Diagnostics), static (output, d) => Report(output, d));
        context.RegisterSourceOutput(resolved.Select(static (d, _) => d.Diagnostics), static (output, d) => Report(output, d));
        context.RegisterSourceOutput(indexDiagnostics, static (output, d) => Report(output, d));
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

    private static DocumentTypes ResolveDocument(SchemaDocument document, SchemaIndex index, GeneratorOptions options)
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

    private static ValidatorFileSpec? PlanValidators(SchemaDocument document, SchemaIndex index, GeneratorOptions options)
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
