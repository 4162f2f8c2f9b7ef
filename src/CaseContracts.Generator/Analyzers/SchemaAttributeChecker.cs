using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CaseContracts.Generator.Analyzers;

/// <summary>
/// <c>[CaseContractsSchema("name")]</c> must name a schema of the project: a misspelt name would
/// otherwise quietly turn the check of every call off (CC0208, at the name).
/// </summary>
internal static class SchemaAttributeChecker
{
    private const string ShortName = "CaseContractsSchema";

    public static void Register(CompilationStartAnalysisContext start, ContractModel model)
        => start.RegisterSyntaxNodeAction(context => Analyze(context, model), SyntaxKind.Attribute);

    /// <summary>The schema name a parameter's <c>[CaseContractsSchema]</c> gives, or null.</summary>
    public static string? SchemaNameOf(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (IsSchemaAttribute(attribute.AttributeClass) && attribute.ConstructorArguments is [{ Value: string name }])
            {
                return name.Trim();
            }
        }

        return null;
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, ContractModel model)
    {
        var attribute = (AttributeSyntax)context.Node;
        var written = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
        if (written is not (ShortName or SchemaAttributeEmitter.TypeName) || attribute.ArgumentList?.Arguments.FirstOrDefault() is not { } argument)
        {
            return;
        }

        if (!IsSchemaAttribute(context.SemanticModel.GetTypeInfo(attribute, context.CancellationToken).Type)
            || context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken).Value is not string name
            || model.Schemas.ContainsKey(name.Trim()))
        {
            return;
        }

        var known = model.SchemaNames.Count == 0 ? "none" : string.Join(", ", model.SchemaNames);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownSchemaName, argument.Expression.GetLocation(), name, known));
    }

    private static bool IsSchemaAttribute(ITypeSymbol? type)
        => type is { Name: SchemaAttributeEmitter.TypeName, ContainingNamespace: { Name: SchemaAttributeEmitter.Namespace, ContainingNamespace.IsGlobalNamespace: true } };
}
