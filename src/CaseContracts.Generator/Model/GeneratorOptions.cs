using CaseContracts.Generator.Schema;

namespace CaseContracts.Generator.Model;

/// <summary>The MSBuild options the generator reads (see README "Options"), defaults applied.</summary>
/// <param name="Namespace">Namespace of generated types: <c>CaseContractsNamespace</c>, else the project's <c>RootNamespace</c>, else <c>CaseContracts.Generated</c>.</param>
/// <param name="SchemaDirectory">Folder of schema files relative to the project: <c>CaseContractsSchemaDirectory</c>, default <c>schema</c>.</param>
/// <param name="ProjectDirectory">The project's folder (normalised), to locate <paramref name="SchemaDirectory"/>.</param>
/// <param name="AssertFormats"><c>CaseContractsAssertFormats</c>: check <c>format</c> (date-time, uuid, email) instead of treating it as an annotation; default false, as draft 7 specifies.</param>
/// <param name="DefaultDraft"><c>CaseContractsDefaultDraft</c>: the draft of a schema file without <c>$schema</c>; default draft 7.</param>
/// <param name="ErrorProfile"><c>CaseContractsErrorProfile</c>: the error format of an OpenAPI document that names none (<c>kibana</c> or <c>problem-details</c>, the default); <c>kibana</c> also emits Kibana's wording of validation errors (<c>KibanaMessages</c>) without any endpoint.</param>
/// <param name="SchemaBaseUri"><c>CaseContractsSchemaBaseUri</c>: the absolute URI the schema folder is published at (ending in a slash), or null.</param>
internal sealed record GeneratorOptions(string Namespace, string SchemaDirectory, string ProjectDirectory, bool AssertFormats = false, SchemaDraft DefaultDraft = SchemaDrafts.Default, Api.ApiErrorProfile? ErrorProfile = null, string? SchemaBaseUri = null)
{
    public const string DefaultNamespace = "CaseContracts.Generated";
    public const string DefaultSchemaDirectory = "schema";
}
