using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Pipeline;

/// <summary>What one schema file contributes to the output: its resolved types and the problems found resolving them.</summary>
internal sealed record DocumentTypes(string FilePath, EquatableArray<TypeSpec> Types, EquatableArray<DiagnosticInfo> Diagnostics);
