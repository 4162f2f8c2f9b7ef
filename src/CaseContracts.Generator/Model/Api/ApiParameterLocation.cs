namespace CaseContracts.Generator.Model.Api;

/// <summary>Where a parameter is sent (a Parameter Object's <c>in</c>); cookies are not supported.</summary>
internal enum ApiParameterLocation
{
    Path,
    Query,
    Header,
}
