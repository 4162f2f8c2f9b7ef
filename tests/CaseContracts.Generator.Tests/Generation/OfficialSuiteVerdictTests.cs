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
/// official draft-7 suite whose schema uses only supported keywords is generated (one schema file per
/// group, all in one compilation), compiled and run on every test instance of the group.
/// </summary>
public sealed class OfficialSuiteVerdictTests(ITestOutputHelper output)
{
    [Fact]
    public void Generated_validators_agree_with_the_suite_on_every_supported_test()
    {
        var files = OfficialSuite.Files().ToList();
        var groups = new List<(string Name, string File, string Description, System.Text.Json.Nodes.JsonArray Tests)>();
        var schemas = new List<AdditionalText>();
        var skipped = new List<string>();
        foreach (var file in files)
        {
            var index = 0;
            foreach (var group in OfficialSuite.Groups(file))
            {
                var name = file.Replace(".json", string.Empty) + "_" + index++;
                if (OfficialSuite.UnsupportedFeature(group!["schema"]) is { } feature)
                {
                    skipped.Add($"{file}: {group["description"]} (uses {feature})");
                    continue;
                }

                groups.Add((name, file, group["description"]!.ToString(), group["tests"]!.AsArray()));
                schemas.Add(new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "suite/" + name + ".schema.json", group["schema"]!.ToJsonString()));
            }
        }

        var result = GeneratorHarness.Run(new ContractGenerator(), schemas);
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
                var arguments = new object?[] { null, null };
                var errors = Validate(entry, data);
                var expected = test["valid"]!.GetValue<bool>();
                if ((errors is null) != expected)
                {
                    failures.Add($"{file}: {description} / {test["description"]}: expected {(expected ? "valid" : "invalid")}, data {Truncate(test["data"]?.ToJsonString() ?? "null")}");
                }
            }
        }

        output.WriteLine($"files: {files.Count}, groups: {groups.Count + skipped.Count} ({groups.Count} run, {skipped.Count} skipped), tests: {run} run, {run - failures.Count} passed");
        foreach (var skip in skipped)
        {
            output.WriteLine("skipped: " + skip);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {run} suite tests disagree:\n" + string.Join("\n", failures));
        Assert.True(run > 500, $"only {run} suite tests ran");
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
