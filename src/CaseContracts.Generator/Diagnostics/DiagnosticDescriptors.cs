using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CaseContracts.Generator.Diagnostics;

/// <summary>
/// Every diagnostic CaseContracts reports, in one place. Message formats are constant (arguments
/// carry the specifics), IDs never change meaning, and each ID has a page under docs/diagnostics.
/// Release tracking: AnalyzerReleases.Shipped.md / AnalyzerReleases.Unshipped.md beside this file.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string SchemaCategory = "CaseContracts.Schema";
    private const string OperationCategory = "CaseContracts.Operation";
    private const string ContractCategory = "CaseContracts.Contract";
    private const string HelpLinkBase = "https://github.com/casecontracts/casecontracts/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor InvalidJson = Create(
        "CC0001",
        "Schema file is not valid JSON",
        "Schema file '{0}' is not valid JSON: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "CC0002",
        "$ref cannot be resolved",
        "$ref '{0}' cannot be resolved: no schema file '{1}' among the schema files, or no '{2}' inside it",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedKeyword = Create(
        "CC0003",
        "Schema keyword is not supported",
        "Keyword '{0}' is not supported by CaseContracts and would not be enforced; remove it or prefix vendor keywords with 'x-'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateDiscriminatorValue = Create(
        "CC0004",
        "Duplicate discriminator value in a union",
        "Union '{0}': discriminator '{1}' value '{2}' is used by both '{3}' and '{4}'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "CC0005",
        "Generated C# name collides",
        "The C# name '{0}' generated for '{1}' is already used by '{2}'; rename one of them (a schema's 'title' sets its type name)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotASchema = Create(
        "CC0006",
        "JSON file in the schema folder is not a JSON Schema",
        "'{0}' is in the schema folder but is not a JSON Schema ({1}); it was skipped",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidSchema = Create(
        "CC0007",
        "Schema is invalid",
        "Invalid schema: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReferenceCycle = Create(
        "CC0008",
        "Schema applies itself to the same value without end",
        "$ref '{0}' closes a cycle of schemas applied to the same value ({1}); validation would never end, so the generated validator rejects every value at this $ref",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "CC0009",
        "The generator failed on a schema file",
        "CaseContracts failed while {0} of this schema file ({1}); the other schema files were generated. This is a bug in CaseContracts: please report it with the schema.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BreaksMetaSchema = Create(
        "CC0010",
        "Schema does not conform to its draft's meta-schema",
        "'{0}' {1} (the {2} meta-schema requires it)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MisspeltKeyword = Create(
        "CC0011",
        "Unknown schema keyword looks like a misspelt one",
        "Keyword '{0}' is unknown and ignored, as JSON Schema says; did you mean '{1}'?",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidOperation = Create(
        "CC0100",
        "Operation declaration is invalid",
        "Invalid 'x-operation': {0}",
        DiagnosticSeverity.Error,
        OperationCategory);

    public static readonly DiagnosticDescriptor UnresolvedOperationResponse = Create(
        "CC0101",
        "Operation response schema cannot be resolved",
        "The response '{0}' of operation '{1}' does not resolve to a generated record or union: {2}",
        DiagnosticSeverity.Error,
        OperationCategory);

    public static readonly DiagnosticDescriptor DuplicateOperation = Create(
        "CC0102",
        "Operation is declared twice",
        "Operation '{0}' ({1} {2}) is already declared in '{3}' with the same {4}; this declaration generates no endpoint",
        DiagnosticSeverity.Error,
        OperationCategory);

    public static readonly DiagnosticDescriptor InvalidOpenApiDocument = Create(
        "CC0103",
        "OpenAPI document is invalid",
        "Invalid OpenAPI document: {0}",
        DiagnosticSeverity.Error,
        OperationCategory);

    public static readonly DiagnosticDescriptor UnresolvedOpenApiReference = Create(
        "CC0104",
        "OpenAPI $ref cannot be resolved",
        "$ref '{0}' of operation '{1}' cannot be resolved: {2}",
        DiagnosticSeverity.Error,
        OperationCategory);

    public static readonly DiagnosticDescriptor PathParameterMismatch = Create(
        "CC0105",
        "Path parameter does not match the path template",
        "Path parameter '{0}' of operation '{1}' {2}",
        DiagnosticSeverity.Error,
        OperationCategory);

    public static readonly DiagnosticDescriptor UnknownSecurityScheme = Create(
        "CC0106",
        "Security requirement names an undeclared scheme",
        "'{0}' requires security scheme '{1}', which components.securitySchemes does not declare (declared: {2})",
        DiagnosticSeverity.Error,
        OperationCategory);

    public static readonly DiagnosticDescriptor UndeclaredResponse = Create(
        "CC0107",
        "Handler answers a response its operation does not declare",
        "The handler of '{0}' answers {1}, which is none of the responses the operation declares: answer with {2}",
        DiagnosticSeverity.Error,
        OperationCategory);

    // CC02xx: values that break the contract, found by the analyzers in C# constants, JSON in C# string
    // literals and JSON files. One ID per kind of violation, whichever of the three holds the value.

    public static readonly DiagnosticDescriptor UnknownField = CreateContract(
        "CC0200",
        "Unknown field",
        "'{0}' is not a field of {1} (fields: {2})");

    public static readonly DiagnosticDescriptor WrongJsonType = CreateContract(
        "CC0201",
        "Value has the wrong JSON type",
        "'{0}' must be {1}, not {2}");

    public static readonly DiagnosticDescriptor MissingRequiredField = CreateContract(
        "CC0202",
        "Required field is missing",
        "{1} is missing required field '{0}'");

    public static readonly DiagnosticDescriptor ValueNotAllowed = CreateContract(
        "CC0203",
        "Value is not one of the allowed values",
        "'{0}' does not allow {1} (allowed: {2})");

    public static readonly DiagnosticDescriptor ValueOutOfLimits = CreateContract(
        "CC0204",
        "Value breaks a limit of the schema",
        "'{0}' {1}");

    public static readonly DiagnosticDescriptor UnknownVariant = CreateContract(
        "CC0205",
        "Unknown union type",
        "'{0}' is not a known '{1}' of {2} (known: {3})");

    public static readonly DiagnosticDescriptor FieldMustBeNull = CreateContract(
        "CC0206",
        "Field must be null",
        "{1} takes no '{0}': it must be null");

    public static readonly DiagnosticDescriptor MalformedJson = CreateContract(
        "CC0207",
        "JSON is malformed",
        "The JSON is malformed: {0}");

    public static readonly DiagnosticDescriptor UnknownSchemaName = CreateContract(
        "CC0208",
        "Unknown schema name",
        "No schema named '{0}' (schemas: {1})");

    public static readonly DiagnosticDescriptor NoMatchingSchema = CreateContract(
        "CC0209",
        "Value matches no schema",
        "'{0}' {1}");

    public static readonly DiagnosticDescriptor MoreViolations = CreateContract(
        "CC0210",
        "More violations than reported",
        "{0} more contract violations in this value were not reported (the first {1} are)");

    /// <summary>All descriptors, for the generator's reporting and the catalogue/docs consistency test.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        InvalidJson, UnresolvedReference, UnsupportedKeyword, DuplicateDiscriminatorValue, NameCollision, NotASchema, InvalidSchema, ReferenceCycle, GeneratorFailure, BreaksMetaSchema, MisspeltKeyword,
        InvalidOperation, UnresolvedOperationResponse, DuplicateOperation, InvalidOpenApiDocument, UnresolvedOpenApiReference, PathParameterMismatch, UnknownSecurityScheme, UndeclaredResponse,
        UnknownField, WrongJsonType, MissingRequiredField, ValueNotAllowed, ValueOutOfLimits, UnknownVariant, FieldMustBeNull, MalformedJson, UnknownSchemaName, NoMatchingSchema, MoreViolations,
    };

    /// <summary>The analyzers' descriptors (CC02xx).</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Contract { get; } = All.Where(d => d.Category == ContractCategory).ToArray();

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity, string category = SchemaCategory)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");

    // Warnings by default: a project decides (.editorconfig, WarningsAsErrors) whether they fail its build.
    private static DiagnosticDescriptor CreateContract(string id, string title, string messageFormat)
        => Create(id, title, messageFormat, DiagnosticSeverity.Warning, ContractCategory);
}
