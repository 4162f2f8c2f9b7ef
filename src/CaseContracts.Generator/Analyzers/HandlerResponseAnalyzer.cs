using System.Collections.Immutable;
using System.Linq;
using CaseContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CaseContracts.Generator.Analyzers;

/// <summary>
/// CC0107: the handler of an operation declared in an OpenAPI document answers something other than one of its
/// declared responses: it returns a value that is not the operation's generated <c>…Result</c> (an <c>IResult</c>,
/// <c>TypedResults.NotFound()</c>, a status code), or it sets the response's status code itself. A handler is a lambda
/// or method given as the operation's generated <c>…Handler</c> delegate, or a method implementing its generated
/// <c>I…Handler</c> interface; its result type is the generated class without conversions, whose factories are the
/// declared responses.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerResponseAnalyzer : DiagnosticAnalyzer
{
    private const string GeneratorName = "CaseContracts.Generator";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UndeclaredResponse);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var response = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponse");
            var valueTask = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            if (response is null || valueTask is null)
            {
                return; // no ASP.NET Core: no generated endpoints
            }

            start.RegisterOperationAction(operation => AnalyzeReturn(operation, valueTask), OperationKind.Return);
            start.RegisterOperationAction(operation => AnalyzeStatusCode(operation, response, valueTask), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeReturn(OperationAnalysisContext context, INamedTypeSymbol valueTask)
    {
        var @return = (IReturnOperation)context.Operation;
        if (@return.ReturnedValue is not { } returned || FindHandler(@return, context.ContainingSymbol, valueTask) is not { } handler)
        {
            return;
        }

        var value = returned;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (value.Type is not { TypeKind: not TypeKind.Error } type || value.ConstantValue is { HasValue: true, Value: null })
        {
            return;
        }

        var answersResult = SymbolEqualityComparer.Default.Equals(type, handler.Result)
            || (!handler.IsAsync && type is INamedTypeSymbol { IsGenericType: true } named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, valueTask)
                && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], handler.Result));
        if (!answersResult)
        {
            Report(context, returned.Syntax.GetLocation(), handler, "a value of type '" + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "'");
        }
    }

    private static void AnalyzeStatusCode(OperationAnalysisContext context, INamedTypeSymbol response, INamedTypeSymbol valueTask)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "StatusCode" } property
            && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, response)
            && FindHandler(assignment, context.ContainingSymbol, valueTask) is { } handler)
        {
            Report(context, assignment.Syntax.GetLocation(), handler, "a status code it sets on the response itself");
        }
    }

    private static void Report(OperationAnalysisContext context, Location location, Handler handler, string what)
    {
        var factories = handler.Result.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && SymbolEqualityComparer.Default.Equals(m.ReturnType, handler.Result))
            .Select(m => handler.Result.Name + "." + m.Name + "(…)")
            .Distinct();
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UndeclaredResponse, location, handler.OperationName, what, string.Join(", ", factories)));
    }

    /// <summary>The handler <paramref name="operation"/> is directly in (not in a lambda nested in it), or null when it is in none.</summary>
    private static Handler? FindHandler(IOperation operation, ISymbol containingSymbol, INamedTypeSymbol valueTask)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation function)
            {
                // The innermost function decides: a lambda inside a handler (a LINQ selector…) is not the handler.
                return DelegateOf(function) is { DelegateInvokeMethod: { } invoke } @delegate && IsGenerated(@delegate)
                    ? HandlerOf(invoke.ReturnType, function.Symbol.IsAsync, valueTask)
                    : null;
            }

            if (parent is ILocalFunctionOperation)
            {
                return null;
            }
        }

        if (containingSymbol is not IMethodSymbol method || method.ContainingType is not { } type)
        {
            return null;
        }

        foreach (var @interface in type.AllInterfaces.Where(IsGenerated))
        {
            foreach (var member in @interface.GetMembers().OfType<IMethodSymbol>())
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                {
                    return HandlerOf(member.ReturnType, method.IsAsync, valueTask);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The delegate type a lambda is given as. When what it returns converts to nothing the delegate allows, the call it
    /// is an argument of fails to bind and the lambda is converted to no type: the delegate is then the one the
    /// parameter of the call's candidate methods has.
    /// </summary>
    private static INamedTypeSymbol? DelegateOf(IAnonymousFunctionOperation function)
    {
        if (function.Parent is IDelegateCreationOperation { Type: INamedTypeSymbol created })
        {
            return created;
        }

        if (function.Syntax.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentListSyntax { Parent: { } call } list } argument
            || function.SemanticModel is not { } model)
        {
            return null;
        }

        var position = list.Arguments.IndexOf(argument);
        foreach (var candidate in model.GetSymbolInfo(call).CandidateSymbols.OfType<IMethodSymbol>())
        {
            // A reduced extension method (app.MapX(…)) lists its parameters without the receiver, as the call does.
            var parameters = candidate.Parameters;
            var parameter = argument.NameColon is { } name ? parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText) : position < parameters.Length ? parameters[position] : null;
            if (parameter?.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate } @delegate)
            {
                return @delegate;
            }
        }

        return null;
    }

    /// <summary>A handler's <c>ValueTask&lt;…Result&gt;</c> return type → the result class, when it is one the generator made.</summary>
    private static Handler? HandlerOf(ITypeSymbol returnType, bool isAsync, INamedTypeSymbol valueTask)
        => returnType is INamedTypeSymbol { IsGenericType: true } task && SymbolEqualityComparer.Default.Equals(task.OriginalDefinition, valueTask)
           && task.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Class } result && result.Name.EndsWith("Result", System.StringComparison.Ordinal) && IsGenerated(result)
            ? new Handler(result, result.Name.Substring(0, result.Name.Length - "Result".Length), isAsync)
            : null;

    private static bool IsGenerated(ISymbol symbol)
        => symbol.GetAttributes().Any(a => a.AttributeClass is { Name: "GeneratedCodeAttribute" } && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value as string == GeneratorName);

    private sealed class Handler(INamedTypeSymbol result, string operationName, bool isAsync)
    {
        public INamedTypeSymbol Result { get; } = result;

        public string OperationName { get; } = operationName;

        public bool IsAsync { get; } = isAsync;
    }
}
