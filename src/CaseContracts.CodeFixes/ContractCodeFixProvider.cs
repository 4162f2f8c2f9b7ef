using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using CaseContracts.Generator.Analyzers.Fixes;
using CaseContracts.Generator.Analyzers.Literals;
using CaseContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace CaseContracts.CodeFixes;

/// <summary>
/// Applies the fixes the contract analyzer suggests with its diagnostics: rename an unknown field to
/// the likely one, remove it, add a missing field as <c>null</c> where the schema allows null, replace
/// an invalid value with the closest allowed one. The analyzer decides each edit (it knows the JSON
/// and the schema); this provider only writes it, in the literal's own form (escapes in a regular
/// string, doubled quotes in a verbatim one, indentation in a raw one). Diagnostics in JSON files
/// carry no fixes: a C# code fix does not edit AdditionalFiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContractCodeFixProvider)), Shared]
public sealed class ContractCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnknownField.Id,
        DiagnosticDescriptors.MissingRequiredField.Id,
        DiagnosticDescriptors.ValueNotAllowed.Id,
        DiagnosticDescriptors.ValueOutOfLimits.Id,
        DiagnosticDescriptors.UnknownVariant.Id,
        DiagnosticDescriptors.FieldMustBeNull.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var fix in SuggestedFix.FromProperties(diagnostic.Properties))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, cancellationToken => ApplyAsync(context.Document, diagnostic, fix, cancellationToken), fix.EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, SuggestedFix fix, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (fix.Target == FixTarget.CSharpExpression)
        {
            return document.WithText(text.WithChanges(new TextChange(diagnostic.Location.SourceSpan, fix.Text)));
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || StringLiteralText.Read(root.FindToken(diagnostic.Location.SourceSpan.Start)) is not { } literal)
        {
            return document;
        }

        // Offsets are in the literal's value: map them to the characters that write them.
        var span = literal.SourceSpan(fix.Start, fix.Length);
        return document.WithText(text.WithChanges(new TextChange(span, literal.Encode(fix.Text))));
    }
}
