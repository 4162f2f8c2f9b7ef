namespace CaseContracts.Generator.Model.Api;

/// <summary>The body an API answers its errors with (the document's <c>x-error-profile</c>).</summary>
internal enum ApiErrorProfile
{
    /// <summary>RFC 9457 <c>application/problem+json</c>, neutral wording: the default.</summary>
    ProblemDetails,

    /// <summary>Kibana's error body and words, for an API that reproduces Kibana's (<c>"x-error-profile": "kibana"</c>).</summary>
    Kibana,
}
