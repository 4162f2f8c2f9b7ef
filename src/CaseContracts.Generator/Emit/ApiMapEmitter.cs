using System.Linq;
using CaseContracts.Generator.Model;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// The operations of one OpenAPI document together → <c>I&lt;Title&gt;ApiHandler</c> (every operation's handler
/// interface) and <c>Map&lt;Title&gt;Api&lt;THandler&gt;()</c>, which maps them all in one route group.
/// </summary>
internal static class ApiMapEmitter
{
    public static string HintName(string @namespace, string apiName) => @namespace + "." + apiName + "Api.g.cs";

    /// <param name="operations">The document's operations, all with the same <see cref="ApiOperationSpec.ApiName"/>.</param>
    public static string Emit(EquatableArray<ApiOperationSpec> operations)
    {
        var first = operations[0];
        var api = first.ApiName + "Api";
        var handler = "I" + api + "Handler";
        var writer = SourceWriter.ForGeneratedFile();
        writer.Open("namespace " + first.Namespace);
        writer.Line($"/// <summary>Handles every operation of <c>{SourceWriter.EscapeXml(first.DocumentFile)}</c>: one class implementing each operation's handler interface.</summary>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Line($"public interface {handler} : " + string.Join(", ", operations.Select(ApiOperationEmitter.HandlerInterface)));
        writer.Open(string.Empty);
        writer.Close();
        writer.Line();
        writer.Line($"/// <summary>Maps the operations of <c>{SourceWriter.EscapeXml(first.DocumentFile)}</c> together.</summary>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public static class {api}");
        writer.Line("/// <summary>");
        writer.Line($"/// Maps every operation of <c>{SourceWriter.EscapeXml(first.DocumentFile)}</c> (" + string.Join(", ", operations.Select(o => "<c>" + SourceWriter.EscapeXml(o.OperationId) + "</c>")) + ")");
        writer.Line("/// to a <typeparamref name=\"THandler\"/> resolved from each request's services (register it, e.g. <c>AddScoped</c>), in one route");
        writer.Line("/// group; the operations that declare security require authorization.");
        writer.Line("/// </summary>");
        writer.Line("/// <typeparam name=\"THandler\">The handler type.</typeparam>");
        writer.Line("/// <param name=\"endpoints\">The application or a route group.</param>");
        writer.Line("/// <param name=\"options\">The body limit and other options; the defaults when null.</param>");
        writer.Line("/// <returns>The group's builder, to add conventions to every operation.</returns>");
        writer.Line($"public static global::Microsoft.AspNetCore.Routing.RouteGroupBuilder Map{api}<THandler>(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, ContractEndpointOptions? options = null)");
        writer.Line($"    where THandler : class, {handler}");
        writer.Open(string.Empty);
        writer.Line("var group = global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGroup(endpoints, string.Empty);");
        foreach (var operation in operations)
        {
            writer.Line($"{ApiOperationEmitter.EndpointClass(operation)}.Map{operation.Name}<THandler>(group, options);");
        }

        writer.Line("return group;");
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
