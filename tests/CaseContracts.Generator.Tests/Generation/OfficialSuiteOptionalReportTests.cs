using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// The suite's <c>optional/</c> tests (bignum, ecmascript-regex, non-bmp-regex, float-overflow, format/*…) are not
/// required by the specification: each draft's are generated and run (with <c>format</c> asserted, as those tests
/// expect), and the pass rate of every file is printed. What is not met, and why, is in docs/keywords.md.
/// </summary>
public sealed class OfficialSuiteOptionalReportTests(ITestOutputHelper output)
{
    public static TheoryData<string> Drafts() => new(OfficialSuite.Drafts.Select(d => d.Folder));

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Every_optional_file_is_generated_run_and_reported_with_its_pass_rate(string folder)
    {
        var draft = OfficialSuite.Drafts.Single(d => d.Folder == folder);
        var root = Path.Combine(draft.Directory, "optional");
        var files = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var groups = new List<(string File, string Name, JsonArray Tests)>();
        var schemas = new List<AdditionalText>();
        foreach (var file in files)
        {
            var index = 0;
            foreach (var group in JsonNode.Parse(File.ReadAllText(Path.Combine(root, file)))!.AsArray())
            {
                var name = "optional_" + file.Replace(".json", string.Empty).Replace('/', '_').Replace('-', '_') + "_" + index++;
                groups.Add((file, name, group!["tests"]!.AsArray()));
                schemas.Add(new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "suite/" + name + ".schema.json", group["schema"]!.ToJsonString()));
            }
        }

        schemas.AddRange(draft.Remotes().Select(r => new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + r.RelativePath, r.Json)));
        var options = draft.Options();
        options["build_property.CaseContractsAssertFormats"] = "true";
        var result = GeneratorHarness.Run(new ContractGenerator(), schemas, globalOptions: options);
        Assert.Null(result.GeneratorException);
        Assert.Empty(result.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var validators = result.EmitAndLoad().GetType(GeneratorHarness.DefaultRootNamespace + ".SchemaValidators", throwOnError: true)!;

        var report = new SortedDictionary<string, (int Groups, int Tests, int Passed)>(StringComparer.Ordinal);
        foreach (var (file, name, tests) in groups)
        {
            var entry = validators.GetMethod("ValidateDocument_suite_" + name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                ?.CreateDelegate<ValidateDocument>();
            var passed = 0;
            foreach (var test in tests)
            {
                var data = Encoding.UTF8.GetBytes(test!["data"]?.ToJsonString() ?? "null");
                // No validator (the file's root could not be read) counts as a failed test, never as a pass.
                if (entry is not null && (entry(data, out _) is null) == test["valid"]!.GetValue<bool>())
                {
                    passed++;
                }
            }

            var (g, t, p) = report.TryGetValue(file, out var row) ? row : (0, 0, 0);
            report[file] = (g + 1, t + tests.Count, p + passed);
        }

        output.WriteLine($"{folder} optional: files: {files.Count}, groups: {groups.Count}, tests: {report.Values.Sum(r => r.Tests)}, passed: {report.Values.Sum(r => r.Passed)}");
        foreach (var (file, (g, t, p)) in report)
        {
            output.WriteLine($"  {file}: groups: {g}, tests: {t}, passed: {p} ({100.0 * p / t:0.#}%)");
        }

        Assert.Equal(files, report.Keys.ToList());
        Assert.All(report, row => Assert.True(row.Value.Tests > 0, row.Key + " ran no test"));
    }

    private delegate object? ValidateDocument(ReadOnlySpan<byte> utf8Json, out string? malformed);
}
