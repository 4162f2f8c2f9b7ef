using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using CaseContracts.Generator.Tests.Infrastructure;
using CaseContracts.Generator.Tests.InfrastructureTests.Fakes;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace CaseContracts.Generator.Tests.InfrastructureTests;

public sealed class GeneratorHarnessTests
{
    [Fact]
    public void Schema_files_appear_under_the_virtual_project_schema_folder_in_ordinal_order()
    {
        ImmutableArray<AdditionalText> texts = SchemaFiles.LoadTestSchemas("HarnessSample");

        Assert.Equal(
            new[] { "/project/schema/case.schema.json", "/project/schema/connectors/none.schema.json" },
            texts.Select(text => text.Path).ToArray());
        Assert.Contains("\"NoneConnector\"", texts[1].GetText()!.ToString());
    }

    [Fact]
    public void Generated_code_is_returned_by_hint_name_and_runs_after_EmitAndLoad()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(
            new EchoGenerator(),
            new[] { new InMemoryAdditionalText("/project/schema/sample.json", "12345") },
            globalOptions: new Dictionary<string, string> { ["build_property.EchoNamespace"] = "My.Contracts" });

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Null(result.GeneratorException);
        Assert.Equal(new[] { "Echo_sample.g.cs" }, result.GeneratedSources.Keys.ToArray());
        Assert.Contains("namespace My.Contracts;", result.GeneratedSources["Echo_sample.g.cs"]);
        result.AssertCompilesWithoutWarnings();

        Assembly assembly = result.EmitAndLoad();
        Type echo = assembly.GetType("My.Contracts.Echo_sample", throwOnError: true)!;
        Assert.Equal(5, echo.GetField("Length")!.GetValue(null));
    }

    [Fact]
    public void Default_global_options_describe_a_project_at_the_virtual_project_directory()
    {
        TestAnalyzerConfigOptionsProvider provider = new(
            GeneratorHarness.DefaultGlobalOptions,
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["/project/schema/a.json"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Kind"] = "Schema" },
            });

        Assert.True(provider.GlobalOptions.TryGetValue("BUILD_PROPERTY.PROJECTDIR", out string? projectDir));
        Assert.Equal("/project/", projectDir);
        AnalyzerConfigOptionsAssert(provider, "/project/schema/a.json", "build_metadata.AdditionalFiles.Kind", "Schema");
        AnalyzerConfigOptionsAssert(provider, "/project/schema/a.json", "build_property.RootNamespace", GeneratorHarness.DefaultRootNamespace);
    }

    [Fact]
    public void Warnings_in_generated_code_are_reported_with_their_location()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(
            new FixedSourceGenerator("public class Generated { public void M() { int unused; } }"));

        Diagnostic warning = Assert.Single(result.GetGeneratedCodeDiagnostics());
        Assert.Equal("CS0168", warning.Id);
        XunitException failure = Assert.ThrowsAny<XunitException>(result.AssertCompilesWithoutWarnings);
        Assert.Contains("CS0168", failure.Message);
        Assert.Contains(FixedSourceGenerator.HintName, failure.Message);
    }

    [Fact]
    public void Warnings_in_the_test_sources_are_not_blamed_on_the_generator()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(
            new FixedSourceGenerator("public class Generated { }"),
            sources: new[] { "public class Mine { public void M() { int unused; } }" });

        Assert.Empty(result.GetGeneratedCodeDiagnostics());
        result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void EmitAndLoad_lists_every_compile_error()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(
            new FixedSourceGenerator("public class Broken { public Missing A; public AlsoMissing B; }"));

        XunitException failure = Assert.ThrowsAny<XunitException>(() => result.EmitAndLoad());

        Assert.Contains("Emitting the generated code failed", failure.Message);
        Assert.Contains("'Missing'", failure.Message);
        Assert.Contains("'AlsoMissing'", failure.Message);
    }

    [Fact]
    public void A_generator_exception_is_surfaced()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(new FixedSourceGenerator(null));

        Assert.IsType<InvalidOperationException>(result.GeneratorException);
        Assert.Contains(result.GeneratorDiagnostics, diagnostic => diagnostic.Id == "CS8785");
        XunitException failure = Assert.ThrowsAny<XunitException>(result.AssertCompilesWithoutWarnings);
        Assert.Contains("asked to fail", failure.Message);
    }

    [Fact]
    public void Generated_code_can_use_System_Text_Json_from_the_trusted_platform_assemblies()
    {
        GeneratorHarnessResult result = GeneratorHarness.Run(new FixedSourceGenerator("""
            public static class Probe
            {
                public static string Write()
                {
                    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                    using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
                    {
                        writer.WriteStartObject();
                        writer.WriteString("title"u8, "x");
                        writer.WriteEndObject();
                    }

                    return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
                }
            }
            """));

        result.AssertCompilesWithoutWarnings();
        object? json = result.EmitAndLoad().GetType("Probe")!.GetMethod("Write")!.Invoke(null, null);
        Assert.Equal("{\"title\":\"x\"}", json);
    }

    [Fact]
    public void Adding_and_removing_additional_files_updates_the_output()
    {
        GeneratorHarnessResult first = GeneratorHarness.Run(new EchoGenerator(), SchemaFiles.LoadTestSchemas("HarnessSample"));
        GeneratorHarnessResult added = first.RerunWithAddedAdditionalText(new InMemoryAdditionalText("/project/schema/extra.json", "{}"));
        GeneratorHarnessResult removed = added.RerunWithRemovedAdditionalText("/project/schema/case.schema.json");

        Assert.Equal(new[] { "Echo_case.g.cs", "Echo_none.g.cs" }, first.GeneratedSources.Keys.ToArray());
        Assert.Equal(new[] { "Echo_case.g.cs", "Echo_extra.g.cs", "Echo_none.g.cs" }, added.GeneratedSources.Keys.ToArray());
        Assert.Equal(new[] { "Echo_extra.g.cs", "Echo_none.g.cs" }, removed.GeneratedSources.Keys.ToArray());
    }

    private static void AnalyzerConfigOptionsAssert(TestAnalyzerConfigOptionsProvider provider, string path, string key, string expected)
    {
        Assert.True(provider.GetOptions(new InMemoryAdditionalText(path, string.Empty)).TryGetValue(key, out string? value), key);
        Assert.Equal(expected, value);
    }
}
