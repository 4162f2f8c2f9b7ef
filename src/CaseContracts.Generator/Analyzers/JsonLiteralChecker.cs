using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using CaseContracts.Generator.Analyzers.Fixes;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Analyzers.Literals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CaseContracts.Generator.Analyzers;

/// <summary>
/// Checks JSON written in C# string literals (regular, verbatim, raw, <c>u8</c>) where its schema is
/// known: passed to a generated type's <c>Parse</c>/<c>TryParse</c>, or to a parameter marked
/// <c>[CaseContractsSchema("name")]</c>. A <c>const</c> passed by name is followed to its literal.
/// Diagnostics point at the exact characters inside the literal, and carry fixes that edit the JSON.
/// </summary>
internal sealed class JsonLiteralChecker
{
    private static readonly HashSet<string> s_parseMethods = new(System.StringComparer.Ordinal) { "Parse", "TryParse" };

    private readonly ContractModel _model;
    private readonly Dictionary<INamedTypeSymbol, ContractType> _types;

    // A const used by several calls is checked (and reported) once per schema.
    private readonly ConcurrentDictionary<(SyntaxTree Tree, int Position, string Schema), byte> _checked = new();

    private JsonLiteralChecker(ContractModel model, Dictionary<INamedTypeSymbol, ContractType> types)
    {
        _model = model;
        _types = types;
    }

    public static void Register(CompilationStartAnalysisContext start, ContractModel model, Dictionary<INamedTypeSymbol, ContractType> types)
    {
        var checker = new JsonLiteralChecker(model, types);
        start.RegisterSyntaxNodeAction(checker.AnalyzeCall, SyntaxKind.InvocationExpression, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
    }

    private void AnalyzeCall(SyntaxNodeAnalysisContext context)
    {
        var arguments = context.Node switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        };
        if (arguments is null || arguments.Arguments.Count == 0)
        {
            return;
        }

        // Syntax first: only string literals, and for a parse call also names (a const), can hold constant JSON.
        var isParseCall = context.Node is InvocationExpressionSyntax { Expression: var callee } && s_parseMethods.Contains(SimpleName(callee));
        var candidates = arguments.Arguments.Where(a => IsStringLiteral(a.Expression) || (isParseCall && a.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax)).ToList();
        if (candidates.Count == 0 || context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol is not IMethodSymbol method)
        {
            return;
        }

        foreach (var argument in candidates)
        {
            if (ParameterOf(method, argument, arguments) is { } parameter
                && TargetOf(method, parameter) is { } target
                && LiteralOf(argument.Expression, context.SemanticModel, context.CancellationToken) is { } literal
                && _checked.TryAdd((literal.SyntaxTree!, literal.SpanStart, target.RootMethod), 0))
            {
                Check(literal, target, context.ReportDiagnostic);
            }
        }
    }

    private void Check(SyntaxToken token, ContractSchema target, System.Action<Diagnostic> report)
    {
        var literal = StringLiteralText.Read(token);
        var json = literal?.Value ?? token.ValueText;

        // Positions inside the literal only when its text maps back exactly; otherwise the whole literal, no fixes.
        Location At(int start, int length) => literal is null ? token.GetLocation() : Location.Create(token.SyntaxTree!, literal.SourceSpan(start, length));

        var parsed = JsonTextParser.Parse(json);
        if (parsed.Root is null)
        {
            var malformed = ViolationReports.Malformed(parsed.Error!);
            report(Diagnostic.Create(malformed.Descriptor, At(malformed.Start, malformed.Length), malformed.MessageArgs));
            return;
        }

        var reports = new ViolationReports(_model.Program, target.Label, literal is null ? ValueSource.ReadOnlyJson : ValueSource.JsonLiteral, json);
        foreach (var described in reports.Limited(_model.Program.Evaluate(parsed.Root, target.RootMethod), parsed.Root))
        {
            report(Diagnostic.Create(described.Descriptor, At(described.Start, described.Length), SuggestedFix.ToProperties(described.Fixes), described.MessageArgs));
        }
    }

    /// <summary>The schema JSON passed to <paramref name="parameter"/> must follow, or null when none is known.</summary>
    private ContractSchema? TargetOf(IMethodSymbol method, IParameterSymbol parameter)
    {
        if (SchemaAttributeChecker.SchemaNameOf(parameter) is { } name)
        {
            return _model.Schemas.TryGetValue(name, out var named) ? named : null;
        }

        var isParseEntryPoint = method.IsStatic && s_parseMethods.Contains(method.Name) && parameter.Ordinal == 0
            && (parameter.Type.SpecialType == SpecialType.System_String || IsReadOnlySpanOfByte(parameter.Type));
        return isParseEntryPoint && method.ContainingType is { } owner && _types.TryGetValue(owner, out var type)
            ? new ContractSchema(type.Name, type.ValidatorMethod, type.Name)
            : null;
    }

    private static bool IsReadOnlySpanOfByte(ITypeSymbol type)
        => type is INamedTypeSymbol { Name: "ReadOnlySpan", TypeArguments: [{ SpecialType: SpecialType.System_Byte }] } span
           && span.ContainingNamespace?.ToDisplayString() == "System";

    private static IParameterSymbol? ParameterOf(IMethodSymbol method, ArgumentSyntax argument, ArgumentListSyntax arguments)
    {
        if (argument.NameColon is { } nameColon)
        {
            return method.Parameters.FirstOrDefault(p => p.Name == nameColon.Name.Identifier.ValueText);
        }

        var index = arguments.Arguments.IndexOf(argument);
        return index < method.Parameters.Length ? method.Parameters[index] : null;
    }

    /// <summary>The string literal token holding the argument's value: the literal itself, or the one a <c>const</c> is initialised with.</summary>
    private static SyntaxToken? LiteralOf(ExpressionSyntax expression, SemanticModel semanticModel, System.Threading.CancellationToken cancellationToken)
    {
        if (expression is LiteralExpressionSyntax literal)
        {
            return StringLiteralText.IsStringLiteral(literal.Token) ? literal.Token : null;
        }

        var symbol = semanticModel.GetSymbolInfo(expression, cancellationToken).Symbol;
        var isConst = symbol is ILocalSymbol { IsConst: true } or IFieldSymbol { IsConst: true };
        if (!isConst || symbol!.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax initializer }
               && StringLiteralText.IsStringLiteral(initializer.Token)
            ? initializer.Token
            : null;
    }

    private static bool IsStringLiteral(ExpressionSyntax expression)
        => expression.Kind() is SyntaxKind.StringLiteralExpression or SyntaxKind.Utf8StringLiteralExpression;

    private static string SimpleName(ExpressionSyntax callee) => callee switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => string.Empty,
    };
}
