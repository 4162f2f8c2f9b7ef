using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// A schema that applies itself to the same value without reading into it (through <c>$ref</c>, <c>allOf</c>,
/// <c>anyOf</c>, <c>oneOf</c>, in one file or across files) is reported as CC0008 at the <c>$ref</c> that closes
/// the cycle, and its generated validator rejects the value there instead of calling itself until the stack
/// overflows. The generated code runs in a child process: should the cycle come back, one test fails, not the
/// test host. Recursion through <c>properties</c> and <c>items</c> reads into the value, ends, and keeps working.
/// </summary>
public sealed class ReferenceCycleTests
{
    private const string Dir = SchemaFiles.VirtualSchemaDirectory;
    private const string CycleError = "$ref: the schema refers to itself without end (see diagnostic CC0008)";

    /// <summary>Shape, schema, line and column of the closing $ref, the cycle as reported, and the error every value gets.</summary>
    public static TheoryData<string, string, int, int, string, string> OneFileCycles() => new()
    {
        {
            "a root that is a $ref to itself",
            """
            {
              "$ref": "#"
            }
            """,
            2, 11, "loop.schema.json# → loop.schema.json#", CycleError
        },
        {
            "a root that allOfs itself",
            """
            {
              "allOf": [
                { "$ref": "#" }
              ]
            }
            """,
            3, 15, "loop.schema.json#/allOf/0 → loop.schema.json# → loop.schema.json#/allOf/0", CycleError
        },
        {
            "an anyOf of a definition that oneOfs the root",
            """
            {
              "anyOf": [ { "$ref": "#/definitions/a" } ],
              "definitions": {
                "a": {
                  "oneOf": [ { "$ref": "#" } ]
                }
              }
            }
            """,
            5, 28, "loop.schema.json#/definitions/a/oneOf/0 → loop.schema.json# → loop.schema.json#/anyOf/0 → loop.schema.json#/definitions/a → loop.schema.json#/definitions/a/oneOf/0",
            // The rejecting $ref is a branch of oneOf and anyOf: a branch that fails, whose errors they drop for their own.
            "anyOf: matches none of the schemas in anyOf"
        },
        {
            "two definitions that refer to each other",
            """
            {
              "definitions": {
                "a": { "$ref": "#/definitions/b" },
                "b": { "$ref": "#/definitions/a" }
              },
              "allOf": [ { "$ref": "#/definitions/a" } ]
            }
            """,
            4, 20, "loop.schema.json#/definitions/b → loop.schema.json#/definitions/a → loop.schema.json#/definitions/b", CycleError
        },
    };

    [Theory]
    [MemberData(nameof(OneFileCycles))]
    public void A_cycle_in_one_file_is_reported_at_the_ref_that_closes_it_and_rejects_values_instead_of_overflowing(
        string shape, string schema, int line, int column, string cycle, string error)
    {
        var result = Generate(("loop.schema.json", schema));

        var diagnostic = AssertSingleCycle(result, "loop.schema.json", line, column);
        Assert.Contains($"({cycle})", diagnostic.GetMessage(), StringComparison.Ordinal);
        result.AssertCompilesWithoutWarnings();
        var run = ChildProcessRun.Validate(result, "ValidateDocument_loop", "{}", "1", "[{\"a\":null}]");
        Assert.True(run.ExitCode == 0, $"{shape}: the validator ended the process ({run.ExitCode}): {Head(run.Error)}");
        Assert.Equal(3, run.Lines.Count);
        Assert.All(run.Lines, line => Assert.Equal(error, line));
    }

    [Fact]
    public void A_cycle_across_two_files_is_reported_once_in_the_file_whose_ref_closes_it()
    {
        var result = Generate(
            ("a.schema.json", """
                {
                  "title": "A",
                  "allOf": [ { "$ref": "b.schema.json" } ]
                }
                """),
            ("b.schema.json", """
                {
                  "title": "B",
                  "$ref": "a.schema.json"
                }
                """));

        var diagnostic = AssertSingleCycle(result, "b.schema.json", line: 3, column: 11);
        Assert.Equal(
            "$ref 'a.schema.json' closes a cycle of schemas applied to the same value (b.schema.json# → a.schema.json# → a.schema.json#/allOf/0 → b.schema.json#); "
            + "validation would never end, so the generated validator rejects every value at this $ref",
            diagnostic.GetMessage());
        result.AssertCompilesWithoutWarnings();
        var fromA = ChildProcessRun.Validate(result, "ValidateDocument_a", "{}", "\"text\"");
        var fromB = ChildProcessRun.Validate(result, "ValidateDocument_b", "{}");
        Assert.Equal((0, 0), (fromA.ExitCode, fromB.ExitCode));
        Assert.Equal([CycleError, CycleError], fromA.Lines);
        Assert.Equal([CycleError], fromB.Lines);
    }

    [Fact]
    public void A_record_whose_property_is_only_a_reference_cycle_still_generates_and_rejects_that_property()
    {
        var result = Generate(("order.schema.json", """
            {
              "title": "Order",
              "type": "object",
              "properties": {
                "id": { "type": "string" },
                "note": { "$ref": "#/definitions/a" }
              },
              "definitions": {
                "a": { "$ref": "#/definitions/b" },
                "b": { "$ref": "#/definitions/a" }
              }
            }
            """));

        AssertSingleCycle(result, "order.schema.json", line: 10, column: 20);
        result.AssertCompilesWithoutWarnings();
        // The alias chain a → b → a names no type: the member is plain JSON.
        Assert.Contains("public global::System.Text.Json.JsonElement? Note { get; init; }", result.GeneratedSources["TestProject.Order.g.cs"], StringComparison.Ordinal);
        var parsed = ChildProcessRun.Run(result, """
            internal static class ChildProgram
            {
                private static void Main(string[] args)
                {
                    foreach (var json in args)
                    {
                        var result = global::TestProject.Order.TryParse(global::System.Text.Encoding.UTF8.GetBytes(json));
                        global::System.Console.WriteLine(result.IsValid ? "valid " + result.Value!.Id : string.Join(" | ", global::System.Linq.Enumerable.Select(result.Errors, e => e.Path + " " + e.Keyword)));
                    }
                }
            }
            """, """{"id":"1"}""", """{"id":"2","note":"text"}""");

        Assert.Equal(0, parsed.ExitCode);
        Assert.Equal(["valid 1", "/note $ref"], parsed.Lines);
    }

    [Fact]
    public void A_cycle_in_one_branch_of_an_anyOf_leaves_the_other_branches_deciding()
    {
        var result = Generate(("loop.schema.json", """
            {
              "anyOf": [ { "$ref": "#" }, { "type": "string", "maxLength": 3 } ]
            }
            """));

        AssertSingleCycle(result, "loop.schema.json", line: 2, column: 24);
        result.AssertCompilesWithoutWarnings();
        var run = ChildProcessRun.Validate(result, "ValidateDocument_loop", "\"abc\"", "\"abcd\"", "{}");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["valid", "anyOf: matches none of the schemas in anyOf", "anyOf: matches none of the schemas in anyOf"], run.Lines);
    }

    [Fact]
    public void A_union_whose_variant_applies_the_union_again_is_checked_member_by_member_not_dispatched_into_the_cycle()
    {
        // Dispatch on "kind" would call the circle's validator directly, which applies the union again: the
        // $ref that closes the cycle is a member of the oneOf, so the oneOf is counted through its members.
        var result = Generate(("shape.schema.json", """
            {
              "title": "Shape",
              "oneOf": [ { "$ref": "#/definitions/circle" }, { "$ref": "#/definitions/square" } ],
              "definitions": {
                "circle": {
                  "type": "object", "required": ["kind"],
                  "properties": { "kind": { "const": "circle" }, "radius": { "type": "number" } },
                  "allOf": [ { "$ref": "#" } ]
                },
                "square": {
                  "type": "object", "required": ["kind"], "additionalProperties": false,
                  "properties": { "kind": { "const": "square" }, "side": { "type": "number" } }
                }
              }
            }
            """));

        AssertSingleCycle(result, "shape.schema.json", line: 3, column: 24);
        result.AssertCompilesWithoutWarnings();
        var circle = """{"kind":"circle","radius":1}""";
        var square = """{"kind":"square","side":2}""";
        var validated = ChildProcessRun.Validate(result, "ValidateDocument_shape", circle, square, """{"kind":"square","radius":1}""");
        var parsed = ChildProcessRun.Run(result, """
            internal static class ChildProgram
            {
                private static void Main(string[] args)
                {
                    foreach (var json in args)
                    {
                        var result = global::TestProject.Shape.TryParse(global::System.Text.Encoding.UTF8.GetBytes(json));
                        global::System.Console.WriteLine(result.IsValid ? result.Value!.GetType().Name : "invalid");
                    }
                }
            }
            """, circle, square);

        Assert.Equal((0, 0), (validated.ExitCode, parsed.ExitCode));
        Assert.Equal(["oneOf: matches none of the schemas in oneOf", "valid", "oneOf: matches none of the schemas in oneOf"], validated.Lines);
        Assert.Equal(["invalid", "Square"], parsed.Lines);
    }

    [Fact]
    public void Recursion_through_properties_and_items_reads_into_the_value_and_validates_every_level()
    {
        var result = Generate(("tree.schema.json", """
            {
              "title": "Tree",
              "type": "object",
              "additionalProperties": false,
              "required": ["value"],
              "properties": {
                "value": { "type": "integer" },
                "parent": { "$ref": "#" },
                "children": { "type": "array", "items": { "allOf": [ { "$ref": "#" } ] } }
              }
            }
            """));

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        result.AssertCompilesWithoutWarnings();
        var validate = result.EmitAndLoad().GetType(GeneratorHarness.DefaultRootNamespace + ".SchemaValidators", throwOnError: true)!
            .GetMethod("ValidateDocument_tree", BindingFlags.Static | BindingFlags.NonPublic)!
            .CreateDelegate<ValidateDocument>();
        string Check(string json)
        {
            var errors = (System.Collections.IEnumerable?)validate(Encoding.UTF8.GetBytes(json), out var malformed);
            return malformed is not null ? "malformed"
                : errors is null ? "valid"
                : string.Join(" | ", errors.Cast<object>().Select(e => e.GetType().GetProperty("Path")!.GetValue(e) + " " + e.GetType().GetProperty("Keyword")!.GetValue(e)));
        }

        Assert.Equal("valid", Check("""{"value":1,"children":[{"value":2,"children":[{"value":3,"parent":{"value":4}}]},{"value":5}]}"""));
        Assert.Equal("/children/0/children/0/parent/value type", Check("""{"value":1,"children":[{"value":2,"children":[{"value":3,"parent":{"value":"4"}}]}]}"""));
        Assert.Equal("/children/0/children/0/extra additionalProperties | /children/1/value required", Check("""{"value":1,"children":[{"value":2,"children":[{"value":3,"extra":true}]},{}]}"""));
        Assert.Equal("malformed", Check(string.Concat(Enumerable.Repeat("""{"value":1,"parent":""", 70)) + """{"value":1}""" + new string('}', 70)));
    }

    [Fact]
    public void The_official_suites_infinite_loop_detection_groups_are_run_and_are_not_cycles()
    {
        // The suite's own loop-detection case applies the same definition twice to one value: no cycle, no diagnostic.
        var groups = OfficialSuite.Groups("infinite-loop-detection.json");
        Assert.NotEmpty(groups);
        Assert.All(groups, group => Assert.Null(OfficialSuite.UnsupportedFeature(group!["schema"])));

        var result = Generate(groups.Select((group, i) => ($"suite{i}.schema.json", group!["schema"]!.ToJsonString())).ToArray());

        Assert.Empty(result.GeneratorDiagnostics);
        result.AssertCompilesWithoutWarnings();
    }

    private delegate object? ValidateDocument(ReadOnlySpan<byte> utf8Json, out string? malformed);

    private static GeneratorHarnessResult Generate(params (string Name, string Schema)[] files)
        => GeneratorHarness.Run(new ContractGenerator(), files.Select(f => (AdditionalText)new InMemoryAdditionalText(Dir + f.Name, f.Schema)));

    private static Diagnostic AssertSingleCycle(GeneratorHarnessResult result, string file, int line, int column)
    {
        Assert.Null(result.GeneratorException);
        // Nothing else: no type or validator step fails on the cycle (that would be a CC0007).
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CC0008", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal((Dir + file, line, column), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        return diagnostic;
    }

    private static string Head(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
