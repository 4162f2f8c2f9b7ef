namespace CaseContracts.Generator.Model.Specs;

/// <summary>One declared response of an <see cref="ApiOperationSpec"/>: the result factory that answers it.</summary>
/// <param name="Status">The status code, or null for <c>default</c> (the factory then takes the status).</param>
/// <param name="Factory">The factory's name (<c>Ok</c>, <c>Created</c>, <c>NoContent</c>, <c>NotFound</c>, <c>Status418</c>, <c>Default</c>).</param>
/// <param name="BodyType">The JSON body's generated type, <c>global::</c>-qualified; null without a JSON body.</param>
/// <param name="IsError">A 4xx/5xx (or <c>default</c>) without a JSON body: answered with the API's error body.</param>
/// <param name="HasLocation">The response declares a <c>Location</c> header: the factory takes it.</param>
internal sealed record ApiResponseSpec(int? Status, string Factory, string Description, string? BodyType, bool IsError, bool HasLocation);
