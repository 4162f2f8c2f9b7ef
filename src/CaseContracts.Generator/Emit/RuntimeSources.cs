using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;

namespace CaseContracts.Generator.Emit;

/// <summary>
/// The runtime support of the generated code: real C# files of <c>src/CaseContracts.Runtime</c>, compiled and tested
/// there, embedded in this assembly as resources (see the csproj) and written into each consuming compilation by the
/// runtime emitters. A file's own namespace is where the repository compiles it; the emitter decides where it goes.
/// </summary>
internal static class RuntimeSources
{
    /// <summary>The JSON helpers every generated reader and writer calls (<c>CaseContracts.Internal.JsonSupport</c>).</summary>
    public const string JsonSupport = "JsonSupport.cs";

    /// <summary>Schema patterns as the generated code runs them (<c>CaseContracts.Internal.SchemaPattern</c>).</summary>
    public const string SchemaPattern = "SchemaPattern.cs";

    /// <summary>The format rules, shared with the build-time checks (<c>CaseContracts.Internal.Formats</c>).</summary>
    public const string Formats = "Formats.cs";

    /// <summary>The validation results and the validators' shared state, one copy per contract namespace.</summary>
    public const string ValidationRuntime = "ValidationRuntime.cs";

    /// <summary>The members of an indexed document's objects, looked up by name (written with <see cref="ValidationRuntime"/>).</summary>
    public const string MemberTable = "MemberTable.cs";

    /// <summary>The minimal-API plumbing of the generated endpoints (ASP.NET Core projects only).</summary>
    public const string EndpointRuntime = "EndpointRuntime.cs";

    /// <summary>Kibana's error body, the <c>x-operation</c> result and metadata, and Kibana's error format (<c>x-operation</c>s and <c>"x-error-profile": "kibana"</c> only).</summary>
    public const string KibanaEndpoints = "KibanaEndpoints.cs";

    /// <summary>Kibana's wording of validation errors (contracts that answer in Kibana's words only).</summary>
    public const string KibanaMessages = "KibanaMessages.cs";

    /// <summary>RFC 9457 problem details, the default error format of an OpenAPI document's operations.</summary>
    public const string ProblemDetails = "ProblemDetails.cs";

    /// <summary>The parameter reading, mapping and result writing of an OpenAPI document's operations.</summary>
    public const string OperationRuntime = "OperationRuntime.cs";

    /// <summary>The OpenAPI transformers' fixed part (projects that reference Microsoft.AspNetCore.OpenApi).</summary>
    public const string ContractOpenApi = "ContractOpenApi.cs";

    private const string ResourcePrefix = "CaseContracts.Runtime.";

    /// <summary>
    /// Writes the code of runtime file <paramref name="fileName"/> at the writer's indentation: everything after the
    /// file's preamble (comments, preprocessor lines and its namespace declaration), with <c>[GeneratedCode]</c>
    /// standing for <see cref="SourceWriter.GeneratedCodeAttribute"/>.
    /// </summary>
    public static SourceWriter WriteCode(this SourceWriter writer, string fileName)
        => writer.Lines(s_indented.GetOrAdd((fileName, writer.Indentation), static key => SourceWriter.Indent(Code(key.FileName), key.Indentation)));

    // The runtime files are thousands of lines: split, attributed and indented once per generator load, not once per
    // run (each is written into every compilation the generator runs on).
    private static readonly ConcurrentDictionary<(string FileName, int Indentation), string> s_indented = new();

    /// <summary>The code of runtime file <paramref name="fileName"/> (see <see cref="WriteCode"/>), lines ending in <c>\n</c>.</summary>
    public static string Code(string fileName) => s_code.GetOrAdd(fileName, ReadCode);

    // Read once per generator load: the files are fixed text inside this assembly.
    private static readonly ConcurrentDictionary<string, string> s_code = new(StringComparer.Ordinal);

    private static string ReadCode(string fileName)
    {
        var lines = Text(fileName).Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        var first = 0;
        while (first < lines.Length && IsPreamble(lines[first]))
        {
            first++;
        }

        return string.Join("\n", lines, first, lines.Length - first);
    }

    /// <summary>The text of embedded runtime file <paramref name="fileName"/> as written in the repository.</summary>
    /// <exception cref="InvalidOperationException">This assembly was built without the file (a build error, not a user's).</exception>
    public static string Text(string fileName)
    {
        using var stream = typeof(RuntimeSources).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException("The generator was built without its runtime file " + fileName + ".");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static bool IsPreamble(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length == 0
            || (trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith("///", StringComparison.Ordinal))
            || trimmed.StartsWith("#", StringComparison.Ordinal)
            || (trimmed.StartsWith("namespace ", StringComparison.Ordinal) && trimmed.EndsWith(";", StringComparison.Ordinal));
    }
}
