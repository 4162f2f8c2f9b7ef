using System;
using System.Linq;
using System.Reflection;
using System.Text;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// A <c>$ref</c> may name any JSON pointer of any file of the project (below <c>properties</c>, a definition nested in
/// a definition, a root property), and a file by the <c>$id</c> it declares: relative references resolve against the
/// base URI of the place they are written, and a file that declares no <c>$id</c> is found beside the one that refers to
/// it. What each of these resolves to generates without CC0002, compiles, and validates as its target says.
/// </summary>
public sealed class ReferenceResolutionTests
{
    private const string Dir = SchemaFiles.VirtualSchemaDirectory;

    private static readonly Lazy<(GeneratorHarnessResult Result, Type Validators)> s_compiled = new(() =>
    {
        var result = GeneratorHarness.Run(new ContractGenerator(),
        [
            // Positions under properties, nested definitions and $defs, root properties (flatpak, mboats, utam, sil-kit).
            new InMemoryAdditionalText(Dir + "deep.schema.json", """
                {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "$id": "https://schemas.example.com/deep.json",
                  "type": "object",
                  "properties": {
                    "version": { "type": "string", "pattern": "^[0-9]+$" },
                    "sameVersion": { "$ref": "#/properties/version" },
                    "arches": { "$ref": "#/definitions/source/properties/only-arches" },
                    "video": { "$ref": "#/definitions/outer/definitions/Video" },
                    "auth": { "$ref": "#/definitions/outer/definitions/Email/definitions/Auth" },
                    "args": { "$ref": "#/definitions/selector/$defs/args" }
                  },
                  "additionalProperties": false,
                  "definitions": {
                    "source": {
                      "type": "object",
                      "properties": { "only-arches": { "type": "array", "items": { "type": "string" }, "maxItems": 2 } }
                    },
                    "outer": {
                      "definitions": {
                        "Video": { "type": "object", "properties": { "fps": { "type": "integer", "minimum": 1 } }, "required": ["fps"] },
                        "Email": { "definitions": { "Auth": { "type": "object", "properties": { "user": { "type": "string" } }, "additionalProperties": false } } }
                      }
                    },
                    "selector": { "type": "object", "$defs": { "args": { "type": "array", "items": { "type": "integer" } } } }
                  }
                }
                """),

            // A file referred to by its $id, relative to the referring file's base URI, not by its file name (grunt-copy-task, tsoa).
            new InMemoryAdditionalText(Dir + "copy-task.schema.json", """
                {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "$id": "https://schemas.example.com/copy-task.json",
                  "type": "object",
                  "properties": {
                    "task": { "$ref": "task#/additionalProperties" },
                    "options": { "$ref": "task#/definitions/options" },
                    "path": { "$ref": "base.json#/definitions/path" }
                  }
                }
                """),
            new InMemoryAdditionalText(Dir + "task-definition.schema.json", """
                {
                  "$schema": "http://json-schema.org/draft-04/schema#",
                  "id": "https://schemas.example.com/task",
                  "type": "object",
                  "additionalProperties": { "type": "object", "properties": { "src": { "type": "string" } }, "required": ["src"] },
                  "definitions": { "options": { "type": "object", "properties": { "force": { "type": "boolean" } } } }
                }
                """),

            // A file that declares no $id: found beside the file whose base URI the reference is relative to.
            new InMemoryAdditionalText(Dir + "base.json", """
                { "$schema": "http://json-schema.org/draft-07/schema#", "definitions": { "path": { "type": "string", "minLength": 1 } } }
                """),
        ]);
        return (result, result.EmitAndLoad().GetType(GeneratorHarness.DefaultRootNamespace + ".SchemaValidators", throwOnError: true)!);
    });

    [Fact]
    public void References_to_any_position_and_by_id_resolve_without_diagnostics_and_compile()
    {
        var result = s_compiled.Value.Result;

        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        result.AssertCompilesWithoutWarnings();
    }

    [Fact]
    public void A_definition_nested_in_a_definition_becomes_a_type_named_from_its_path()
    {
        var sources = s_compiled.Value.Result.GeneratedSources.Keys;

        Assert.Contains("TestProject.OuterVideo.g.cs", sources);
        Assert.Contains("TestProject.OuterEmailAuth.g.cs", sources);
    }

    [Theory]
    [InlineData("""{ "version": "1", "sameVersion": "2" }""", true)]
    [InlineData("""{ "sameVersion": "x" }""", false)]
    [InlineData("""{ "arches": ["x86_64", "aarch64"] }""", true)]
    [InlineData("""{ "arches": ["a", "b", "c"] }""", false)]
    [InlineData("""{ "video": { "fps": 25 } }""", true)]
    [InlineData("""{ "video": { "fps": 0 } }""", false)]
    [InlineData("""{ "video": {} }""", false)]
    [InlineData("""{ "auth": { "user": "u" } }""", true)]
    [InlineData("""{ "auth": { "password": "p" } }""", false)]
    [InlineData("""{ "args": [1, 2] }""", true)]
    [InlineData("""{ "args": ["1"] }""", false)]
    public void References_below_properties_and_into_nested_definitions_validate_as_their_targets(string json, bool valid)
        => Assert.Equal(valid, Validate("deep", json));

    [Theory]
    [InlineData("""{ "task": { "src": "a" }, "options": { "force": true }, "path": "p" }""", true)]
    [InlineData("""{ "task": {} }""", false)]
    [InlineData("""{ "options": { "force": "yes" } }""", false)]
    [InlineData("""{ "path": "" }""", false)]
    public void References_to_another_file_by_its_id_or_beside_it_validate_as_their_targets(string json, bool valid)
        => Assert.Equal(valid, Validate("copy_task", json));

    private static bool Validate(string document, string json)
    {
        var entry = s_compiled.Value.Validators.GetMethod("ValidateDocument_" + document, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException("no validator for " + document + ": " + string.Join(", ", s_compiled.Value.Validators.GetMethods().Select(m => m.Name).Where(n => n.StartsWith("ValidateDocument_", StringComparison.Ordinal))));
        var errors = entry.CreateDelegate<ValidateDocument>()(Encoding.UTF8.GetBytes(json), out var malformed);
        Assert.Null(malformed);
        return errors is null;
    }

    private delegate object? ValidateDocument(ReadOnlySpan<byte> utf8Json, out string? malformed);
}
