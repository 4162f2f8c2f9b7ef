using System.Globalization;
using System.Linq;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// An OpenAPI operation's declared responses → the <c>&lt;OperationId&gt;Result</c> class: one factory per response
/// (<c>Ok(ticket)</c>, <c>Created(ticket, location)</c>, <c>NoContent()</c>, <c>NotFound(detail)</c>) and nothing else, so
/// a handler cannot answer a status its operation does not declare. Error responses without a JSON body are answered
/// with the API's error body.
/// </summary>
internal static class ApiResultEmitter
{
    private const string HttpContext = "global::Microsoft.AspNetCore.Http.HttpContext";

    public static string TypeName(ApiOperationSpec operation) => operation.Name + "Result";

    public static void Emit(SourceWriter writer, ApiOperationSpec operation, string operationText)
    {
        var type = TypeName(operation);
        writer.Line("/// <summary>");
        writer.Line($"/// What {operationText} answers: one of its declared responses, each made by its factory");
        writer.Line("/// (" + string.Join(", ", operation.Responses.Select(r => $"<see cref=\"{r.Factory}\"/>")) + "). No other status can be answered.");
        writer.Line("/// </summary>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public sealed class {type}");
        writer.Line("private readonly int _response;");
        writer.Line("private readonly object? _body;");
        writer.Line("private readonly string? _location;");
        writer.Line("private readonly string? _detail;");
        writer.Line();
        writer.Open($"private {type}(int statusCode, int response, object? body, string? location, string? detail)");
        writer.Line("StatusCode = statusCode;");
        writer.Line("_response = response;");
        writer.Line("_body = body;");
        writer.Line("_location = location;");
        writer.Line("_detail = detail;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The status code answered.</summary>");
        writer.Line("public int StatusCode { get; }");
        writer.Line();
        for (var i = 0; i < operation.Responses.Count; i++)
        {
            EmitFactory(writer, type, operation.Responses[i], i);
        }

        writer.Line("/// <summary>Writes the response: status, headers and body (an error's in the API's error format).</summary>");
        writer.Open($"internal global::System.Threading.Tasks.Task WriteAsync({HttpContext} context, ContractErrorFormat errors)");
        writer.Open("switch (_response)");
        for (var i = 0; i < operation.Responses.Count; i++)
        {
            var response = operation.Responses[i];
            var location = response.HasLocation ? "_location" : "null";
            writer.Line($"case {i.ToString(CultureInfo.InvariantCulture)}:");
            if (response.BodyType is { } body)
            {
                writer.Line($"    return ContractOperations.WriteJsonAsync(context, StatusCode, ({body})_body!, static (value, writer) => value.WriteTo(writer), {location}).AsTask();");
            }
            else if (response.IsError)
            {
                writer.Line("    return errors.WriteDeclaredAsync(context.Response, StatusCode, _detail, context.RequestAborted);");
            }
            else
            {
                writer.Line($"    return ContractOperations.WriteEmptyAsync(context, StatusCode, {location}).AsTask();");
            }
        }

        writer.Line("default:");
        writer.Line("    throw new global::System.InvalidOperationException(\"A result made without a factory cannot be written.\");");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Line();
    }

    private static void EmitFactory(SourceWriter writer, string type, ApiResponseSpec response, int index)
    {
        var status = response.Status is { } code ? code.ToString(CultureInfo.InvariantCulture) : "statusCode";
        var what = SourceWriter.EscapeXml(response.Description.Replace("\r", " ").Replace("\n", " ").TrimEnd('.'));
        var parameters = new System.Collections.Generic.List<string>();
        if (response.Status is null)
        {
            parameters.Add("int statusCode");
        }

        writer.Line($"/// <summary>{(response.Status is { } s ? s.ToString(CultureInfo.InvariantCulture) : "Any status without a response of its own (<c>default</c>)")}: {what}.</summary>");
        if (response.Status is null)
        {
            writer.Line("/// <param name=\"statusCode\">The status answered: 4xx or 5xx.</param>");
        }

        var body = "null";
        var detail = "null";
        if (response.BodyType is { } bodyType)
        {
            writer.Line("/// <param name=\"value\">The body.</param>");
            parameters.Add(bodyType + " value");
            body = "value ?? throw new global::System.ArgumentNullException(nameof(value))";
        }
        else if (response.IsError)
        {
            writer.Line("/// <param name=\"detail\">What went wrong, for the client (the error body's detail); null for the status's own words.</param>");
            parameters.Add("string? detail = null");
            detail = "detail";
        }

        var location = "null";
        if (response.HasLocation)
        {
            writer.Line("/// <param name=\"location\">The <c>Location</c> header: where the resource is.</param>");
            parameters.Insert(response.BodyType is null ? parameters.Count : parameters.Count, "string location");
            location = "location ?? throw new global::System.ArgumentNullException(nameof(location))";
        }

        writer.Open($"public static {type} {response.Factory}({string.Join(", ", parameters)})");
        if (response.Status is null)
        {
            writer.Open("if (statusCode < 400 || statusCode > 599)");
            writer.Line("throw new global::System.ArgumentOutOfRangeException(nameof(statusCode), statusCode, \"The default response of this operation answers 4xx or 5xx.\");");
            writer.Close();
            writer.Line();
        }

        writer.Line($"return new {type}({status}, {index.ToString(CultureInfo.InvariantCulture)}, {body}, {location}, {detail});");
        writer.Close();
        writer.Line();
    }
}
