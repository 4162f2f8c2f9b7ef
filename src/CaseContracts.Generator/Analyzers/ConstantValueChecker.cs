using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CaseContracts.Generator.Analyzers.Fixes;
using CaseContracts.Generator.Json;
using CaseContracts.Generator.Model.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CaseContracts.Generator.Analyzers;

/// <summary>
/// Checks compile-time constants given to a generated type's members, in object initializers
/// (<c>new JiraFields { IssueType = "" }</c>) and <c>with</c> expressions: each constant is checked
/// against its property's schema (enum, const, lengths, pattern, bounds, a collection expression of
/// constants against its item count and items, <c>null</c> where the schema has no null) and reported
/// at the value. Values that are not constants are left to <c>Validate()</c> at run time.
/// </summary>
internal sealed class ConstantValueChecker
{
    private readonly ContractModel _model;
    private readonly Dictionary<INamedTypeSymbol, ContractType> _types;
    private readonly HashSet<string> _typeNames;

    private ConstantValueChecker(ContractModel model, Dictionary<INamedTypeSymbol, ContractType> types)
    {
        _model = model;
        _types = types;
        _typeNames = new HashSet<string>(types.Keys.Select(t => t.Name), StringComparer.Ordinal);
    }

    public static void Register(CompilationStartAnalysisContext start, ContractModel model, Dictionary<INamedTypeSymbol, ContractType> types)
    {
        var checker = new ConstantValueChecker(model, types);
        start.RegisterSyntaxNodeAction(checker.Analyze, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression, SyntaxKind.WithExpression);
    }

    private void Analyze(SyntaxNodeAnalysisContext context)
    {
        var initializer = context.Node switch
        {
            BaseObjectCreationExpressionSyntax creation => creation.Initializer,
            WithExpressionSyntax with => with.Initializer,
            _ => null,
        };

        // Syntax first: only a member assignment can give a member a value, and `new T { … }` must name a contract type.
        var assignments = initializer?.Expressions.OfType<AssignmentExpressionSyntax>().Where(a => a.Left is IdentifierNameSyntax).ToList();
        if (assignments is not { Count: > 0 }
            || (context.Node is ObjectCreationExpressionSyntax { Type: var written } && !_typeNames.Contains(RightmostName(written)))
            || context.SemanticModel.GetTypeInfo(context.Node, context.CancellationToken).Type is not INamedTypeSymbol type
            || !_types.TryGetValue(type, out var contractType))
        {
            return;
        }

        foreach (var assignment in assignments)
        {
            var name = ((IdentifierNameSyntax)assignment.Left).Identifier.ValueText;
            if (contractType.Members.TryGetValue(name, out var member) && member.Kind is not (ValueKind.Enum or ValueKind.Json)
                && ConstantJson(assignment.Right, context.SemanticModel, context.CancellationToken) is { } value)
            {
                Check(value, member, context);
            }
        }
    }

    private void Check(JsonNode value, ContractMember member, SyntaxNodeAnalysisContext context)
    {
        var tree = context.Node.SyntaxTree;
        var reports = new ViolationReports(_model.Program, member.JsonName, ValueSource.CSharpConstant, string.Empty, integralConstant: member.Kind == ValueKind.Integer);
        foreach (var report in reports.Limited(_model.Program.Evaluate(value, member.ValidatorMethod), value))
        {
            var location = Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(report.Start, report.Length));
            context.ReportDiagnostic(Diagnostic.Create(report.Descriptor, location, SuggestedFix.ToProperties(report.Fixes), report.MessageArgs));
        }
    }

    /// <summary>
    /// The constant an expression stands for, as the JSON it is written as, with source spans: a scalar
    /// constant, or a collection expression / array initializer all of whose elements are constants.
    /// </summary>
    private static JsonNode? ConstantJson(ExpressionSyntax written, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var expression = Unwrap(written);
        var elements = expression switch
        {
            CollectionExpressionSyntax collection => collection.Elements.Select(e => e is ExpressionElementSyntax element ? element.Expression : null).ToList(),
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Select(e => (ExpressionSyntax?)e).ToList(),
            ImplicitArrayCreationExpressionSyntax { Initializer: var initializer } => initializer.Expressions.Select(e => (ExpressionSyntax?)e).ToList(),
            _ => null,
        };
        if (elements is not null)
        {
            var items = new List<JsonNode>(elements.Count);
            foreach (var element in elements)
            {
                if (element is null || ConstantJson(element, semanticModel, cancellationToken) is not { } item)
                {
                    return null;
                }

                items.Add(item);
            }

            return JsonNode.Array(items, written.SpanStart, written.Span.Length);
        }

        var constant = semanticModel.GetConstantValue(expression, cancellationToken);
        if (!constant.HasValue)
        {
            return null;
        }

        var (start, length) = (written.SpanStart, written.Span.Length);
        return constant.Value switch
        {
            null => JsonNode.Null(start, length),
            string text => JsonNode.String(text, start, length),
            bool flag => JsonNode.Boolean(flag, start, length),
            double number when double.IsNaN(number) || double.IsInfinity(number) => null,
            float number when float.IsNaN(number) || float.IsInfinity(number) => null,
            double number => JsonNode.Number(number.ToString("R", CultureInfo.InvariantCulture), start, length),
            float number => JsonNode.Number(((double)number).ToString("R", CultureInfo.InvariantCulture), start, length),
            decimal number => JsonNode.Number(number.ToString(CultureInfo.InvariantCulture), start, length),
            sbyte or byte or short or ushort or int or uint or long or ulong => JsonNode.Number(Convert.ToString(constant.Value, CultureInfo.InvariantCulture)!, start, length),
            _ => null,
        };
    }

    private static string RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    // (x) and x! are x: the null-forgiving operator does not make null a value the schema allows.
    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    expression = suppressed.Operand;
                    break;
                default:
                    return expression;
            }
        }
    }
}
