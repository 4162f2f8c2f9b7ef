using System;
using CaseContracts.Generator.Diagnostics;
using CaseContracts.Generator.Model;

namespace CaseContracts.Generator.Pipeline.Stages;

/// <summary>
/// A stage that throws on one schema file becomes one diagnostic (CC0009) at the start of that file: the
/// other files keep generating (an exception escaping a generator drops all of its output, CS8785), and the
/// user sees which file and which stage, never a silent gap. The exception's text is an implementation
/// detail and stays out of the message; its type name is what a bug report needs.
/// </summary>
internal static class StageFailure
{
    public static DiagnosticInfo At(string schemaFile, string stage, Exception exception)
        => DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, SourceLocation.StartOf(schemaFile), stage, exception.GetType().Name);
}
