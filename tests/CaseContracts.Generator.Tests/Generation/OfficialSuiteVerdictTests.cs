using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// The generated validators decide exactly as the JSON Schema specification does: every group of the
/// official suite of a draft is generated (one schema file per group, all in one compilation, read as that
/// draft), compiled and run on every test instance of the group. A group is skipped only with its reason:
/// a feature CaseContracts reports as unsupported, or a known gap listed in <see cref="OfficialSuiteGaps"/>.
/// </summary>
public sealed class OfficialSuiteVerdictTests(ITestOutputHelper output)
{
    public static TheoryData<string> Drafts() => new(OfficialSuite.Drafts.Select(d => d.Folder));

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Generated_validators_agree_with_the_suite_on_every_group_that_is_not_skipped_for_a_stated_reason(string folder)
    {
        var draft = OfficialSuite.Drafts.Single(d => d.Folder == folder);
        var files = draft.Files().ToList();
        var groups = new List<(string Name, string File, string Description, System.Text.Json.Nodes.JsonArray Tests)>();
        var schemas = new List<AdditionalText>();
        var skipped = new List<string>();
        var total = 0;
        var totalTests = 0;
        foreach (var file in files)
        {
            var index = 0;
            foreach (var group in draft.Groups(file))
            {
                total++;
                var tests = group!["tests"]!.AsArray();
                totalTests += tests.Count;
                var name = file.Replace(".json", string.Empty) + "_" + index++;
                var description = group["description"]!.ToString();
                var reason = draft.UnsupportedFeature(group["schema"]) is { } feature ? "uses " + feature : OfficialSuiteGaps.Reason(folder, file, description);
                if (reason is not null)
                {
                    skipped.Add($"{file}: {description} ({tests.Count} tests): {reason}");
                    continue;
                }

                groups.Add((name, file, description, tests));
                schemas.Add(new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "suite/" + name + ".schema.json", group["schema"]!.ToJsonString()));
            }
        }

        schemas.AddRange(draft.Remotes().Select(r => new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + r.RelativePath, r.Json)));
        var options = draft.Options();
        var result = GeneratorHarness.Run(new ContractGenerator(), schemas, globalOptions: options);
        Assert.Null(result.GeneratorException);
        Assert.Empty(result.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var validators = result.EmitAndLoad().GetType(GeneratorHarness.DefaultRootNamespace + ".SchemaValidators", throwOnError: true)!;

        var run = 0;
        var failures = new List<string>();
        foreach (var (name, file, description, tests) in groups)
        {
            var entry = validators.GetMethod("ValidateDocument_suite_" + name.Replace('-', '_'), BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                ?? throw new InvalidOperationException("no validator for " + name);
            foreach (var test in tests)
            {
                run++;
                var data = Encoding.UTF8.GetBytes(test!["data"]?.ToJsonString() ?? "null");
                var errors = Validate(entry, data);
                var expected = test["valid"]!.GetValue<bool>();
                if ((errors is null) != expected)
                {
                    failures.Add($"{file}: {description} / {test["description"]}: expected {(expected ? "valid" : "invalid")}, data {Truncate(test["data"]?.ToJsonString() ?? "null")}");
                }
            }
        }

        output.WriteLine($"{folder}: files: {files.Count}, groups: {total} ({groups.Count} run, {skipped.Count} skipped), tests: {totalTests} ({run} run, {run - failures.Count} passed, {totalTests - run} skipped)");
        foreach (var skip in skipped)
        {
            output.WriteLine("skipped: " + skip);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {run} {folder} suite tests disagree:\n" + string.Join("\n", failures));
        Assert.True(run > 100, $"only {run} {folder} suite tests ran");
    }

    [Fact]
    public void Every_known_gap_names_a_group_of_the_suite()
    {
        var groups = OfficialSuite.Drafts
            .SelectMany(d => d.Files().SelectMany(f => d.Groups(f).Select(g => OfficialSuiteGaps.Key(d.Folder, f, g!["description"]!.ToString()))))
            .ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(OfficialSuiteGaps.Keys, k => !groups.Contains(k));
    }

    private static object? Validate(MethodInfo entry, byte[] data)
    {
        // ValidateDocument_x(ReadOnlySpan<byte>, out string? malformed) cannot be invoked through reflection
        // with a span; a delegate of the matching shape can.
        var validate = entry.CreateDelegate<ValidateDocument>();
        return validate(data, out _);
    }

    private delegate object? ValidateDocument(ReadOnlySpan<byte> utf8Json, out string? malformed);

    private static string Truncate(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
