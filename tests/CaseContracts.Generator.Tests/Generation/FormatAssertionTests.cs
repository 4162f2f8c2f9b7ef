using System.Collections.Generic;
using System.Reflection;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// <c>format</c> is an annotation by default (draft 7); with <c>CaseContractsAssertFormats=true</c> the
/// generated validators check <c>date-time</c>, <c>uuid</c> and <c>email</c>.
/// </summary>
public sealed class FormatAssertionTests
{
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Stamp",
          "type": "object",
          "properties": {
            "at": { "type": "string", "format": "date-time" },
            "id": { "type": "string", "format": "uuid" },
            "mail": { "type": "string", "format": "email" }
          }
        }
        """;

    private const string Consumer = """
        namespace Consumer
        {
            public static class Probe
            {
                public static string Check(string json)
                {
                    var result = global::Formats.Stamp.TryParse(System.Text.Encoding.UTF8.GetBytes(json));
                    return result.IsValid ? "valid" : string.Join(";", System.Linq.Enumerable.Select(result.Errors, e => e.Path + " " + e.Keyword));
                }
            }
        }
        """;

    [Theory]
    [InlineData("""{"at":"2020-05-13T09:16:17.416Z","id":"66b9aa00-94fa-11ea-9f74-e7e108796192","mail":"ahunley@imf.usa.gov"}""", "valid")]
    [InlineData("""{"at":"2020-05-13T09:16:17+02:00"}""", "valid")]
    [InlineData("""{"at":"2020-05-13 09:16"}""", "/at format")]
    [InlineData("""{"at":"2020-13-45T09:16:17Z"}""", "/at format")]
    [InlineData("""{"id":"66b9aa0094fa11ea9f74e7e108796192"}""", "/id format")]
    [InlineData("""{"mail":"no-at-sign"}""", "/mail format")]
    [InlineData("""{"mail":"two@@signs"}""", "/mail format")]
    public void Formats_are_asserted_when_opted_in(string json, string expected)
    {
        Assert.Equal(expected, Check(assertFormats: true, json));
    }

    [Fact]
    public void Formats_are_annotations_by_default()
    {
        Assert.Equal("valid", Check(assertFormats: false, """{"at":"yesterday","id":"x","mail":"nobody"}"""));
    }

    private static string Check(bool assertFormats, string json)
    {
        var result = GeneratorHarness.Run(
            new ContractGenerator(),
            [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "stamp.schema.json", Schema)],
            [Consumer],
            globalOptions: new Dictionary<string, string>
            {
                ["build_property.CaseContractsNamespace"] = "Formats",
                ["build_property.CaseContractsAssertFormats"] = assertFormats ? "true" : "",
            });
        result.AssertCompilesWithoutWarnings();
        try
        {
            return (string)result.EmitAndLoad().GetType("Consumer.Probe", throwOnError: true)!.GetMethod("Check")!.Invoke(null, [json])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
