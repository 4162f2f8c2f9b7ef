using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CaseContracts.CodeFixes;
using CaseContracts.Generator;
using CaseContracts.Generator.Analyzers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CaseContracts.Analyzers.Tests.Infrastructure;

/// <summary>
/// An analyzer (and code fix) test of a project that uses CaseContracts: the schema AdditionalFiles
/// and the MSBuild options CaseContracts.props makes visible, the contract's types in namespace
/// <c>Contract</c>, and JSON files with a schema name. By default the contract is referenced as an
/// assembly compiled once per run (<see cref="SchemaSet.CompiledContract"/>), which keeps tests fast;
/// <c>runGenerator: true</c> runs the generator inside the test project instead, as a real build does.
/// </summary>
internal sealed class ContractTest : CSharpCodeFixTest<ContractAnalyzer, ContractCodeFixProvider, DefaultVerifier>
{
    public const string ProjectFolder = "/0/";
    public const string SchemaFolder = ProjectFolder + "schema/";

    /// <summary>What CaseContracts.props makes visible to the compiler, as MSBuild passes it.</summary>
    public static IReadOnlyDictionary<string, string> GlobalOptions { get; } = new Dictionary<string, string>
    {
        ["build_property.ProjectDir"] = ProjectFolder,
        ["build_property.CaseContractsNamespace"] = "Contract",
    };

    private readonly bool _runGenerator;
    private readonly List<(string Path, string Schema)> _jsonFiles = new();

    public ContractTest(SchemaSet schemas, bool runGenerator = false)
    {
        _runGenerator = runGenerator;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(LocalReferences.Net);
        if (!runGenerator)
        {
            TestState.AdditionalReferences.Add(schemas.CompiledContract);
        }

        // Generated sources are the generator tests' business; the suppression and generated-code re-runs
        // would triple each test's time (generated code has its own test).
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck | TestBehaviors.SkipSuppressionCheck | TestBehaviors.SkipGeneratedCodeCheck;
        foreach (var file in schemas.Files)
        {
            TestState.AdditionalFiles.Add(file);
        }

        WriteGlobalConfig();
    }

    /// <summary>Adds a JSON file checked against <paramref name="schema"/> (the <c>CaseContractsSchema</c> item metadata).</summary>
    public ContractTest WithJsonFile(string path, string json, string schema)
    {
        TestState.AdditionalFiles.Add((path, json));
        _jsonFiles.Add((path, schema));
        WriteGlobalConfig();
        return this;
    }

    /// <summary>Adds expected diagnostics (fluent, for tests built in one expression).</summary>
    public ContractTest Expecting(params DiagnosticResult[] expected)
    {
        ExpectedDiagnostics.AddRange(expected);
        return this;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => _runGenerator ? new[] { typeof(ContractGenerator) } : Array.Empty<Type>();

    /// <summary>The options as MSBuild writes them for the compiler: a global AnalyzerConfig file, with a section per JSON file.</summary>
    public static string GlobalConfig(IEnumerable<(string Path, string Schema)> jsonFiles)
    {
        var config = new StringBuilder().AppendLine("is_global = true");
        foreach (var (key, value) in GlobalOptions)
        {
            config.AppendLine(key + " = " + value);
        }

        foreach (var (path, schema) in jsonFiles)
        {
            config.AppendLine().AppendLine("[" + path + "]").AppendLine(JsonFileChecker.SchemaMetadata + " = " + schema);
        }

        return config.ToString();
    }

    private void WriteGlobalConfig()
    {
        TestState.AnalyzerConfigFiles.Clear();
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(_jsonFiles)));
    }
}
