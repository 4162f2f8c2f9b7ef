using System;
using CaseContracts.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator.Pipeline.Stages;

/// <summary>The one guarded way generated files are added: an emitter that throws costs its file and a CC0009 at the schema file it came from, never the whole output.</summary>
internal static class SourceOutput
{
    public const string EmitStage = "emitting ";

    /// <param name="schemaFile">The schema file the generated file comes from (where a failure is reported).</param>
    public static void Add(SourceProductionContext output, string hintName, string schemaFile, Func<string> emit)
    {
        string source;
        try
        {
            source = emit();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            output.ReportDiagnostic(StageFailure.At(schemaFile, EmitStage + hintName, e).ToDiagnostic());
            return;
        }

        output.AddSource(hintName, source);
    }

    public static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
