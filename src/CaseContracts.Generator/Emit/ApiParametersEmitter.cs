using System.Linq;
using CaseContracts.Generator.Model.Api;
using CaseContracts.Generator.Model.Specs;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// An OpenAPI operation's parameters → the <c>&lt;OperationId&gt;Parameters</c> record and its reader: each value's
/// text is turned into the JSON value its schema's type says, checked by that schema position's generated validator
/// (errors at <c>/path/id</c>, <c>/query/page</c>…), and bound to its C# type. A missing required one is <c>required</c>;
/// a <c>default</c> stands for an absent one.
/// </summary>
internal static class ApiParametersEmitter
{
    public static string TypeName(ApiOperationSpec operation) => operation.Name + "Parameters";

    public static void Emit(SourceWriter writer, ApiOperationSpec operation, string operationText)
    {
        var type = TypeName(operation);
        writer.Line($"/// <summary>The path, query and header parameters of {operationText}, each read and validated against its schema.</summary>");
        foreach (var parameter in operation.Parameters)
        {
            var description = parameter.Description is null ? string.Empty : " " + SourceWriter.EscapeXml(parameter.Description.Replace("\r", " ").Replace("\n", " "));
            var presence = parameter.Required ? "required" : parameter.DefaultJson is null ? "optional: null when absent" : "optional: " + SourceWriter.EscapeXml(parameter.DefaultJson) + " when absent";
            writer.Line($"/// <param name=\"{parameter.PropertyName}\">The {parameter.In.ToString().ToLowerInvariant()} parameter <c>{SourceWriter.EscapeXml(parameter.Name)}</c> ({presence}).{description}</param>");
        }

        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Line($"public sealed record {type}(" + string.Join(", ", operation.Parameters.Select(p => PropertyType(p) + " " + p.PropertyName)) + ")");
        writer.Open(string.Empty);
        writer.Line("/// <summary>Reads every parameter of the request; null when any is missing or invalid (the errors are in <paramref name=\"reading\"/>).</summary>");
        writer.Open($"internal static {type}? Read(global::Microsoft.AspNetCore.Http.HttpRequest request, ParameterReading reading)");
        foreach (var parameter in operation.Parameters)
        {
            writer.Line($"var {Local(parameter)} = {ReadCall(parameter)};");
        }

        writer.Line("return reading.HasErrors ? null : new " + type + "(" + string.Join(", ", operation.Parameters.Select(p => Local(p) + (IsNonNullable(p) && !IsValueType(p) ? "!" : string.Empty))) + ");");
        writer.Close();
        writer.Close();
        writer.Line();
    }

    private static string Local(ApiParameterSpec parameter) => "@" + Schema.Naming.ToCamelCase(parameter.PropertyName).TrimStart('@');

    // Present whenever the record is made: required, or given a default.
    private static bool IsNonNullable(ApiParameterSpec parameter) => parameter.Required || parameter.DefaultJson is not null;

    private static bool IsValueType(ApiParameterSpec parameter)
        => !parameter.IsArray && (parameter.EnumReader is not null || parameter.Scalar is ApiScalar.Integer or ApiScalar.Number or ApiScalar.Boolean or ApiScalar.Uuid);

    private static string PropertyType(ApiParameterSpec parameter)
    {
        var type = parameter.IsArray ? $"global::System.Collections.Generic.IReadOnlyList<{parameter.ValueType}>" : parameter.ValueType;
        return IsNonNullable(parameter) ? type : type + "?";
    }

    private static string ReadCall(ApiParameterSpec parameter)
    {
        var values = parameter.In switch
        {
            ApiParameterLocation.Path => $"ParameterReading.Path(request, {CSharpLiterals.String(parameter.Name)})",
            ApiParameterLocation.Query => $"request.Query[{CSharpLiterals.String(parameter.Name)}]",
            _ => $"request.Headers[{CSharpLiterals.String(parameter.Name)}]",
        };
        var text = parameter.IsJson ? "ParameterText.Json" : parameter.Scalar switch
        {
            ApiScalar.Integer or ApiScalar.Number => "ParameterText.Number",
            ApiScalar.Boolean => "ParameterText.Boolean",
            _ => "ParameterText.String",
        };
        var pointer = CSharpLiterals.String(parameter.Pointer);
        var defaultJson = parameter.DefaultJson is null ? "default" : CSharpLiterals.Utf8(parameter.DefaultJson);
        var validate = parameter.Validator.Length == 0 ? "null" : "SchemaValidators." + parameter.Validator;
        var bind = parameter.EnumReader ?? parameter.Scalar switch
        {
            ApiScalar.Integer => "ParameterReading.ReadInt64",
            ApiScalar.Number => "ParameterReading.ReadDouble",
            ApiScalar.Boolean => "ParameterReading.ReadBoolean",
            ApiScalar.Uuid => "ParameterReading.ReadGuid",
            _ => "ParameterReading.ReadString",
        };
        var message = CSharpLiterals.String(parameter.EnumReader is not null ? "must be one of the values its schema allows" : parameter.Scalar switch
        {
            ApiScalar.Integer => "must be an integer from -9223372036854775808 to 9223372036854775807",
            ApiScalar.Number => "must be a finite number",
            ApiScalar.Boolean => "must be true or false",
            ApiScalar.Uuid => "must be a UUID (8-4-4-4-12 hexadecimal digits)",
            _ => "must be a string",
        });
        var split = !parameter.IsJson && (parameter.In != ApiParameterLocation.Query || !parameter.Explode) ? "true" : "false";
        var required = parameter.Required ? "true" : "false";
        if (parameter.IsArray)
        {
            return $"reading.ReadArray<{parameter.ValueType}>({values}, {pointer}, {text}, split: {split}, required: {required}, {defaultJson}, {validate}, {bind}, {message})";
        }

        if (!IsNonNullable(parameter) && IsValueType(parameter))
        {
            return $"reading.ReadOptional<{parameter.ValueType}>({values}, {pointer}, {text}, {defaultJson}, {validate}, {bind}, {message})";
        }

        var absent = IsValueType(parameter) ? "default" : "null";
        var type = IsValueType(parameter) ? parameter.ValueType : parameter.ValueType + "?";
        return $"reading.Read<{type}>({values}, {pointer}, {text}, array: false, split: false, required: {required}, {defaultJson}, {validate}, {bind}, {message}, {absent})";
    }
}
