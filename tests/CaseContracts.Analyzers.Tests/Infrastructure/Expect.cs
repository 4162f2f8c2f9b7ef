using CaseContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CaseContracts.Analyzers.Tests.Infrastructure;

/// <summary>Expected diagnostics by name, at a markup location (<c>{|#0:...|}</c>), with their message arguments.</summary>
internal static class Expect
{
    public static DiagnosticResult UnknownField(int location, string name, string owner, string fields)
        => At(DiagnosticDescriptors.UnknownField, location, name, owner, fields);

    public static DiagnosticResult WrongType(int location, string field, string expected, string actual)
        => At(DiagnosticDescriptors.WrongJsonType, location, field, expected, actual);

    public static DiagnosticResult MissingField(int location, string name, string owner)
        => At(DiagnosticDescriptors.MissingRequiredField, location, name, owner);

    public static DiagnosticResult NotAllowed(int location, string field, string value, string allowed)
        => At(DiagnosticDescriptors.ValueNotAllowed, location, field, value, allowed);

    public static DiagnosticResult OutOfLimits(int location, string field, string message)
        => At(DiagnosticDescriptors.ValueOutOfLimits, location, field, message);

    public static DiagnosticResult UnknownVariant(int location, string value, string discriminator, string union, string known)
        => At(DiagnosticDescriptors.UnknownVariant, location, value, discriminator, union, known);

    public static DiagnosticResult MustBeNull(int location, string field, string owner)
        => At(DiagnosticDescriptors.FieldMustBeNull, location, field, owner);

    public static DiagnosticResult Malformed(int location, string message)
        => At(DiagnosticDescriptors.MalformedJson, location, message);

    public static DiagnosticResult UnknownSchema(int location, string name, string known)
        => At(DiagnosticDescriptors.UnknownSchemaName, location, name, known);

    public static DiagnosticResult NoMatch(int location, string field, string message)
        => At(DiagnosticDescriptors.NoMatchingSchema, location, field, message);

    /// <summary>The repository contract's schema names, as CC0208 lists them.</summary>
    public const string ContractSchemaNames = "add-comment-request, case, case-list, cases-status-response, comment, comment-list, connector, connectors/jira, connectors/none, connectors/resilient, connectors/servicenow, create-case-request, find-cases-response, reporter-list, settings, tag-list, update-cases-request, update-comment-request, user";

    /// <summary>The connector types, as CC0205 lists them.</summary>
    public const string ConnectorTypes = ".jira, .servicenow, .resilient, .none";

    private static DiagnosticResult At(DiagnosticDescriptor descriptor, int location, params object[] arguments)
        => new DiagnosticResult(descriptor).WithLocation(location).WithArguments(arguments);
}
