using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit.Sdk;

namespace CaseContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Runs generated code in a process of its own: a failure that ends a process (a stack overflow cannot be
/// caught) then fails the one test that caused it instead of taking the whole test host down.
/// </summary>
public static class ChildProcessRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>What the child process did.</summary>
    /// <param name="ExitCode">Its exit code (a stack overflow aborts it: 134 on Linux).</param>
    /// <param name="Lines">What it wrote to standard output, line by line.</param>
    /// <param name="Error">What it wrote to standard error.</param>
    public sealed record Outcome(int ExitCode, IReadOnlyList<string> Lines, string Error);

    /// <summary>
    /// Validates each of <paramref name="instances"/> with the generated <c>SchemaValidators.<paramref name="documentEntry"/></c>
    /// in a child process. Each instance gives one line: <c>valid</c>, <c>malformed</c>, or its errors as
    /// <c>path keyword: message</c> (<c>keyword: message</c> for the document itself), joined by <c> | </c>.
    /// </summary>
    public static Outcome Validate(GeneratorHarnessResult result, string documentEntry, params string[] instances)
    {
        var program = $$"""
            internal static class ChildProgram
            {
                private static void Main(string[] args)
                {
                    foreach (var json in args)
                    {
                        var errors = global::{{GeneratorHarness.DefaultRootNamespace}}.SchemaValidators.{{documentEntry}}(global::System.Text.Encoding.UTF8.GetBytes(json), out var malformed);
                        global::System.Console.WriteLine(malformed is not null ? "malformed"
                            : errors is null ? "valid"
                            : string.Join(" | ", global::System.Linq.Enumerable.Select(errors, e => (e.Path + " " + e.Keyword).TrimStart() + ": " + e.Message)));
                    }
                }
            }
            """;
        return Run(result, program, instances);
    }

    /// <summary>Compiles the generator's output with <paramref name="program"/> (which has a <c>Main</c>) and runs it with <paramref name="arguments"/>.</summary>
    public static Outcome Run(GeneratorHarnessResult result, string program, params string[] arguments)
    {
        var compilation = result.OutputCompilation
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(program, GeneratorHarness.ParseOptions, path: "/project/ChildProgram.cs"))
            .WithOptions(((CSharpCompilationOptions)result.OutputCompilation.Options).WithOutputKind(OutputKind.ConsoleApplication))
            .WithAssemblyName("ChildProgram");
        var directory = Directory.CreateTempSubdirectory("casecontracts-child-");
        try
        {
            var assembly = Path.Combine(directory.FullName, "ChildProgram.dll");
            EmitResult emitted;
            using (var stream = File.Create(assembly))
            {
                emitted = compilation.Emit(stream);
            }

            if (!emitted.Success)
            {
                throw new XunitException("The child program does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            // The running runtime, which the references were taken from (TrustedPlatformReferences).
            File.WriteAllText(Path.Combine(directory.FullName, "ChildProgram.runtimeconfig.json"), $$"""
                { "runtimeOptions": { "tfm": "net{{Environment.Version.Major}}.{{Environment.Version.Minor}}", "framework": { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version}}" } } }
                """);
            return Start(assembly, arguments);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Outcome Start(string assembly, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new XunitException($"The child program did not end within {Timeout}.");
        }

        process.WaitForExit();
        var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
        return new Outcome(process.ExitCode, lines, error.Result);
    }
}
