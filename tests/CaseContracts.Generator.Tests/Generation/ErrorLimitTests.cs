using System;
using System.Linq;
using System.Reflection;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// A run reports at most a limit of errors (100 unless the caller says otherwise) and then one more that says how
/// many were left out; errors past the limit still count, so no verdict (anyOf, oneOf, the document's) changes.
/// </summary>
public sealed class ErrorLimitTests
{
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Doc",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "numbers": { "type": "array", "items": { "type": "string" } },
            "either": { "anyOf": [ { "type": "array", "items": { "type": "string" } }, { "type": "integer" } ] }
          }
        }
        """;

    private const string Consumer = """
        using System.Linq;
        namespace Consumer
        {
            public static class Probe
            {
                public static string Errors(string json, int maxErrors)
                {
                    var bytes = System.Text.Encoding.UTF8.GetBytes(json);
                    var result = maxErrors == 0 ? global::Limits.Doc.TryParse(bytes) : global::Limits.Doc.TryParse(bytes, maxErrors);
                    return result.IsValid ? "valid" : string.Join("|", result.Errors.Select(e => e.Path + " " + e.Keyword + " " + e.Message));
                }
            }
        }
        """;

    private static readonly Lazy<MethodInfo> s_errors = new(() =>
    {
        var result = GeneratorHarness.Run(
            new ContractGenerator(),
            [new InMemoryAdditionalText(SchemaFiles.VirtualSchemaDirectory + "doc.schema.json", Schema)],
            [Consumer],
            globalOptions: new System.Collections.Generic.Dictionary<string, string> { ["build_property.CaseContractsNamespace"] = "Limits" });
        result.AssertCompilesWithoutWarnings();
        return result.EmitAndLoad().GetType("Consumer.Probe", throwOnError: true)!.GetMethod("Errors")!;
    });

    [Fact]
    public void By_default_the_first_100_errors_are_reported_then_one_saying_how_many_more_were_found()
    {
        var errors = Errors(Numbers(250), maxErrors: 0);

        Assert.Equal(101, errors.Length);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"/numbers/{i} type"), errors.Take(100).Select(e => string.Join(" ", e.Split(' ').Take(2))));
        Assert.Equal(" errorLimit 150 more errors were not reported (the first 100 are).", errors[100]);
    }

    [Fact]
    public void The_limit_is_set_per_call()
    {
        var errors = Errors(Numbers(10), maxErrors: 3);

        Assert.Equal(["/numbers/0", "/numbers/1", "/numbers/2", ""], errors.Select(e => e.Split(' ')[0]));
        Assert.EndsWith("7 more errors were not reported (the first 3 are).", errors[3]);
    }

    [Fact]
    public void Exactly_as_many_errors_as_the_limit_are_reported_without_a_note()
    {
        var errors = Errors(Numbers(3), maxErrors: 3);

        Assert.Equal(3, errors.Length);
        Assert.DoesNotContain(errors, e => e.Contains("errorLimit", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_past_the_limit_still_decide_an_anyOf_branch_so_an_invalid_document_is_never_reported_valid()
    {
        // The first error uses the whole limit; the anyOf branches fail only past it.
        var json = """{"numbers":[1],"either":[1,2]}""";

        var errors = Errors(json, maxErrors: 1);

        Assert.NotEqual(["valid"], errors);
        Assert.StartsWith("/numbers/0 type", errors[0], StringComparison.Ordinal);
        Assert.Contains("errorLimit", errors[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_anyOf_branch_after_the_limit_is_still_valid()
    {
        var errors = Errors("""{"numbers":[1,2],"either":["a"]}""", maxErrors: 1);

        Assert.Equal(2, errors.Length);
        Assert.EndsWith("1 more errors were not reported (the first 1 are).", errors[1]);
    }

    [Fact]
    public void A_limit_below_one_is_refused()
    {
        var e = Assert.Throws<TargetInvocationException>(() => Errors(Numbers(1), maxErrors: -1));
        Assert.IsType<ArgumentOutOfRangeException>(e.InnerException);
    }

    private static string Numbers(int count) => """{"numbers":[""" + string.Join(",", Enumerable.Range(0, count)) + "]}";

    private static string[] Errors(string json, int maxErrors) => ((string)s_errors.Value.Invoke(null, [json, maxErrors])!).Split('|');
}
