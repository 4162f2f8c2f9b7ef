using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using CaseContracts.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs the contract analyzer over one source file in a workspace project set up as <see cref="ContractTest"/>
/// sets it up, and hands back the document and the analyzer's diagnostics: for tests about the
/// diagnostics themselves (their properties, the fixes offered for them).
/// </summary>
internal static class AnalyzerRun
{
    public static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> RunAsync(SchemaSet schemas, string source)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Test",
            "Test",
            LanguageNames.CSharp,
            filePath: ContractTest.ProjectFolder + "Test.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: LocalReferences.Net.Add(schemas.CompiledContract)));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: ContractTest.ProjectFolder + "Test0.cs");
        foreach (var (path, text) in schemas.Files)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), path, SourceText.From(text), filePath: path);
        }

        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(ContractTest.GlobalConfig([])), filePath: "/.globalconfig");
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new System.InvalidOperationException("The test source does not compile:\n" + string.Join("\n", errors));
        }

        var diagnostics = await compilation.WithAnalyzers([new ContractAnalyzer()], project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return (solution.GetDocument(documentId)!, diagnostics);
    }
}
