using System;
using System.Reflection;
using CaseContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// Every schema file has a public entry point, whatever its root: a root that is not an object or a discriminated
/// union gets a document record holding the value (<c>Value</c>) with the same <c>TryParse</c> as every root; a title
/// names a type only when it reads as a name; two JSON names that read as one C# name are told apart by number.
/// </summary>
public sealed class DocumentRecordTests
{
    private const string Consumer = """
        namespace Consumer
        {
            public static class Calls
            {
                private static byte[] Utf8(string json) => global::System.Text.Encoding.UTF8.GetBytes(json);

                public static string Tags(string json)
                {
                    var result = global::TestProject.Tags.TryParse(Utf8(json));
                    return result.IsValid ? "tags:" + string.Join(",", result.Value.Value) : "invalid:" + result.Errors.Count;
                }

                public static string Status(string json)
                {
                    var result = global::TestProject.StatusDocument.TryParse(Utf8(json));
                    return result.IsValid ? "status:" + result.Value.Value : "invalid:" + result.Errors.Count;
                }

                public static string Widget(string json)
                {
                    var result = global::TestProject.Widget.TryParse(Utf8(json));
                    return result.IsValid ? "widget:" + result.Value.CreatedAt + "|" + result.Value.CreatedAt2 : "invalid:" + result.Errors.Count;
                }

                public static string TagsRoundTrip(string json) => global::TestProject.Tags.TryParse(Utf8(json)).Value!.ToJson();
            }
        }
        """;

    private static readonly Lazy<(GeneratorHarnessResult Result, Type Calls)> s_compiled = new(() =>
    {
        var result = GeneratorHarness.Run(new ContractGenerator(),
        [
            new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "tags.schema.json",
                """{ "$schema": "http://json-schema.org/draft-07/schema#", "type": "array", "items": { "type": "string", "minLength": 1 } }"""),
            new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "status.schema.json",
                """{ "$schema": "http://json-schema.org/draft-07/schema#", "enum": ["open", "closed"] }"""),
            new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "widget.schema.json",
                """
                { "$schema": "http://json-schema.org/draft-07/schema#", "title": "JSON schema for widget files", "type": "object",
                  "properties": { "created_at": { "type": "string" }, "createdAt": { "type": "integer" } }, "additionalProperties": false }
                """),
        ], [Consumer]);
        return (result, result.EmitAndLoad().GetType("Consumer.Calls", throwOnError: true)!);
    });

    [Fact]
    public void Roots_that_are_not_records_generate_document_records_without_diagnostics()
    {
        var result = s_compiled.Value.Result;

        Assert.Empty(result.GeneratorDiagnostics);
        result.AssertCompilesWithoutWarnings();
        Assert.Contains("TestProject.Tags.g.cs", result.GeneratedSources.Keys);
        Assert.Contains("TestProject.StatusDocument.g.cs", result.GeneratedSources.Keys);
    }

    [Theory]
    [InlineData("[\"a\",\"b\"]", "tags:a,b")]
    [InlineData("[\"a\",\"\"]", "invalid:1")]
    [InlineData("{}", "invalid:1")]
    public void An_array_root_is_parsed_and_validated_through_its_document_record(string json, string expected)
        => Assert.Equal(expected, Call("Tags", json));

    [Theory]
    [InlineData("\"closed\"", "status:Closed")]
    [InlineData("\"reopened\"", "invalid:1")]
    public void A_string_enum_root_is_parsed_through_its_Document_record(string json, string expected)
        => Assert.Equal(expected, Call("Status", json));

    [Fact]
    public void A_document_record_writes_its_value_back_as_the_document()
        => Assert.Equal("[\"a\",\"b\"]", Call("TagsRoundTrip", "[ \"a\", \"b\" ]"));

    [Fact]
    public void A_title_that_is_a_sentence_leaves_the_name_to_the_file_and_JSON_names_that_read_alike_are_numbered()
        => Assert.Equal("widget:x|3", Call("Widget", """{ "created_at": "x", "createdAt": 3 }"""));

    private static string Call(string method, string json)
    {
        try
        {
            return (string)s_compiled.Value.Calls.GetMethod(method)!.Invoke(null, [json])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
