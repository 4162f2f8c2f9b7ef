using CaseContracts.Generator.Model.Api;

namespace CaseContracts.Generator.Pipeline;

/// <summary>
/// The schema of the body the generated endpoints answer their own errors with (400, 413, 415), per error
/// profile, as the served document describes it.
/// </summary>
internal static class ErrorBodySchemas
{
    /// <summary>RFC 9457 problem details with the <c>errors</c> extension the generated endpoints fill.</summary>
    private const string ProblemDetailsJson = """{"type":"object","description":"An RFC 9457 problem: what was wrong with the request.","properties":{"type":{"type":"string","format":"uri-reference","description":"A URI reference that identifies the problem type."},"title":{"type":"string","description":"A short summary of the problem type."},"status":{"type":"integer","minimum":100,"maximum":599,"description":"The HTTP status code."},"detail":{"type":"string","description":"What went wrong with this request."},"instance":{"type":"string","format":"uri-reference","description":"A URI reference that identifies this occurrence."},"errors":{"type":"array","description":"For a parameter or body that breaks its schema: every error.","items":{"type":"object","required":["pointer","keyword","message"],"properties":{"pointer":{"type":"string","description":"Where the offending value is: a JSON Pointer into the body, or /path/<name>, /query/<name>, /header/<name> for a parameter."},"keyword":{"type":"string","description":"The schema keyword that failed."},"message":{"type":"string","description":"What is wrong."}}}}}}""";

    /// <summary>Kibana's error body (the same schema <c>ContractOpenApi</c> documents <c>x-operation</c> endpoints with).</summary>
    private const string KibanaErrorJson = """{"type":"object","description":"An error, in Kibana's shape.","additionalProperties":false,"required":["statusCode","error","message"],"properties":{"statusCode":{"type":"integer","description":"The HTTP status code."},"error":{"type":"string","description":"The status code's reason phrase."},"message":{"type":"string","description":"What went wrong; for a body that breaks its schema, every error in Kibana's wording, comma-joined."},"attributes":{"type":"object","properties":{"errors":{"type":"array","description":"For a body that breaks its schema: every error.","items":{"type":"object","required":["path","keyword","message"],"properties":{"path":{"type":"string","description":"JSON Pointer of the offending value."},"keyword":{"type":"string","description":"The schema keyword that failed."},"message":{"type":"string","description":"What is wrong."}}}}}}}}""";

    /// <summary>The component name the error body's schema is given, unless a schema file already has it.</summary>
    public static string PreferredName(ApiErrorProfile profile) => profile == ApiErrorProfile.Kibana ? "KibanaError" : "ProblemDetails";

    /// <summary>The error body's media type.</summary>
    public static string MediaType(ApiErrorProfile profile) => profile == ApiErrorProfile.Kibana ? "application/json" : "application/problem+json";

    /// <summary>The error body's schema, compact JSON.</summary>
    public static string Json(ApiErrorProfile profile) => profile == ApiErrorProfile.Kibana ? KibanaErrorJson : ProblemDetailsJson;
}
