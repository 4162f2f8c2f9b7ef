using System;
using System.IO;
using System.Linq;
using CaseContracts.Generator.Emit;
using CaseContracts.Generator.Tests.Generation;
using Xunit;

namespace CaseContracts.Generator.Tests.Codebase;

/// <summary>
/// The runtime support of the generated code is the C# of src/CaseContracts.Runtime: every file there (but the
/// CompileOnly stand-ins) is embedded in the generator as written and reaches the generated code.
/// </summary>
public sealed class RuntimeSourceTests
{
    public static TheoryData<string> RuntimeFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Repository.PathOf("src", "CaseContracts.Runtime"), "*.cs", SearchOption.AllDirectories)
                     .Select(path => Path.GetRelativePath(Repository.PathOf("src", "CaseContracts.Runtime"), path).Replace('\\', '/'))
                     .Where(path => !path.StartsWith("CompileOnly/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
                     .OrderBy(path => path, StringComparer.Ordinal))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuntimeFiles))]
    public void Runtime_file_is_embedded_in_the_generator_as_written(string file)
    {
        var written = File.ReadAllText(Repository.PathOf("src", "CaseContracts.Runtime", file)).Replace("\r\n", "\n");

        Assert.Equal(written, RuntimeSources.Text(Path.GetFileName(file)).Replace("\r\n", "\n"));
    }

    [Theory]
    [MemberData(nameof(RuntimeFiles))]
    public void Runtime_file_reaches_the_generated_code_of_a_web_project(string file)
        => Assert.Contains(RepositoryWebRun.Result.GeneratedSources.Values.Concat(s_ticketApi.Value.GeneratedSources.Values), source => source.Contains(Expected(file), StringComparison.Ordinal));

    // The repository's contract (x-operation, Kibana's errors) and the ticket API (an OpenAPI document, problem details) together use every runtime file.
    private static readonly Lazy<Infrastructure.GeneratorHarnessResult> s_ticketApi = new(() => OpenApi.TicketApi.Run());

    private static string Expected(string file)
    {
        // Its code, indented into the generated namespace block; [GeneratedCode] written out.
        var code = RuntimeSources.Code(Path.GetFileName(file));
        return string.Join("\n", code.Split('\n').Select(line => line.Length == 0 ? line : "    " + line))
            .Replace("[GeneratedCode]", SourceWriter.GeneratedCodeAttribute, StringComparison.Ordinal);
    }

    [Fact]
    public void The_emitted_code_of_a_runtime_file_starts_after_its_namespace()
    {
        var code = RuntimeSources.Code(RuntimeSources.Formats);

        Assert.StartsWith("/// <summary>", code, StringComparison.Ordinal);
        Assert.DoesNotContain("namespace", code, StringComparison.Ordinal);
        Assert.DoesNotContain("#if", code, StringComparison.Ordinal);
    }
}
