using System.Collections.Generic;
using System.Collections.Immutable;
using CaseContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CaseContracts.Generator.Analyzers;

/// <summary>
/// Flags values that break the contract at build time, wherever they are written: C# constants given
/// to generated types (<see cref="ConstantValueChecker"/>), JSON in C# string literals passed to a parse
/// entry point or a <c>[CaseContractsSchema]</c> parameter (<see cref="JsonLiteralChecker"/>), and JSON
/// files marked with a schema (<see cref="JsonFileChecker"/>). The contract is read once per
/// compilation (<see cref="ContractModel"/>) through the generator's own stages.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.CreateRange(DiagnosticDescriptors.Contract);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        // Generated code is ours (the contract's own parse calls) or another generator's: not the user's values.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var model = ContractModel.Create(start.Options.AdditionalFiles, start.Options.AnalyzerConfigOptionsProvider, start.CancellationToken);
            JsonFileChecker.Register(start, model);
            if (model is null)
            {
                return;
            }

            var types = ResolveTypes(start.Compilation, model);
            SchemaAttributeChecker.Register(start, model);
            JsonLiteralChecker.Register(start, model, types);
            if (types.Count > 0)
            {
                ConstantValueChecker.Register(start, model, types);
            }
        });
    }

    /// <summary>The generated types as symbols of this compilation (absent when the generator did not run).</summary>
    private static Dictionary<INamedTypeSymbol, ContractType> ResolveTypes(Compilation compilation, ContractModel model)
    {
        var types = new Dictionary<INamedTypeSymbol, ContractType>(SymbolEqualityComparer.Default);
        foreach (var type in model.Types.Values)
        {
            if (compilation.GetTypeByMetadataName(type.MetadataName) is { } symbol)
            {
                types[symbol] = type;
            }
        }

        return types;
    }
}
