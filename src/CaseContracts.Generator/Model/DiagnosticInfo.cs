using System.Linq;
using CaseContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator.Model;

/// <summary>
/// A diagnostic carried as data through the pipeline (descriptor id, location, message arguments)
/// and turned into a <see cref="Diagnostic"/> only in the reporting step.
/// </summary>
internal sealed record DiagnosticInfo(string DescriptorId, SourceLocation Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceLocation location, params string[] messageArgs)
        => new(descriptor.Id, location, messageArgs.ToEquatableArray());

    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        DiagnosticDescriptors.ById(DescriptorId),
        Location.ToLocation(),
        MessageArgs.Cast<object>().ToArray());
}
