using System.Linq;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Generator.Analyzers;

/// <summary>
/// Checks JSON files against a schema at build time: every AdditionalFiles item with the metadata
/// <c>CaseContractsSchema="name"</c> (made visible to the compiler by the package's props).
/// Diagnostics are located at the line and column in the file; they carry no fixes.
/// </summary>
internal static class JsonFileChecker
{
    /// <summary>The item metadata naming the schema, as the compiler passes it.</summary>
    public const string SchemaMetadata = "build_metadata.AdditionalFiles.CaseContractsSchema";

    public static void Register(CompilationStartAnalysisContext start, ContractModel? model)
        => start.RegisterAdditionalFileAction(context => Check(context, model));

    private static void Check(AdditionalFileAnalysisContext context, ContractModel? model)
    {
        var file = context.AdditionalFile;
        if (!context.Options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(SchemaMetadata, out var name) || string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var text = file.GetText(context.CancellationToken);
        if (text is null)
        {
            return;
        }

        name = name.Trim();
        if (model is null || !model.Schemas.TryGetValue(name, out var schema))
        {
            var known = model is null || model.SchemaNames.Count == 0 ? "none" : string.Join(", ", model.SchemaNames);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownSchemaName, At(file.Path, text, new TextSpan(0, 0)), name, known));
            return;
        }

        var json = text.ToString();
        var parsed = JsonTextParser.Parse(json);
        var reports = parsed.Root is null
            ? new[] { ViolationReports.Malformed(parsed.Error!) }
            : new ViolationReports(model.Program, schema.Label, ValueSource.ReadOnlyJson, json)
                .Limited(model.Program.Evaluate(parsed.Root, schema.RootMethod), parsed.Root)
                .ToArray();
        foreach (var report in reports)
        {
            context.ReportDiagnostic(Diagnostic.Create(report.Descriptor, At(file.Path, text, new TextSpan(report.Start, report.Length)), report.MessageArgs));
        }
    }

    private static Location At(string path, SourceText text, TextSpan span)
        => Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
}
