namespace CaseContracts.Generator.Model.Api;

/// <summary>A Security Scheme Object of <c>components.securitySchemes</c>.</summary>
/// <param name="Name">Its key in <c>components.securitySchemes</c>.</param>
/// <param name="Type"><c>http</c>, <c>apiKey</c>, <c>oauth2</c>, <c>openIdConnect</c> or <c>mutualTLS</c>.</param>
/// <param name="Scheme">For <c>http</c>: the authorization scheme (<c>basic</c>, <c>bearer</c>…).</param>
/// <param name="ParameterName">For <c>apiKey</c>: the header, query or cookie name.</param>
/// <param name="ParameterIn">For <c>apiKey</c>: <c>header</c>, <c>query</c> or <c>cookie</c>.</param>
/// <param name="Json">The scheme as written (compact JSON), for the served document.</param>
internal sealed record ApiSecurityScheme(string Name, string Type, string? Scheme, string? ParameterName, string? ParameterIn, string? Description, string Json);
