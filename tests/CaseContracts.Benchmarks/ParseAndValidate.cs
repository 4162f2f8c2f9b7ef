using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CaseContracts.Benchmarks.Contract;

namespace CaseContracts.Benchmarks;

/// <summary>
/// P1: reading a request body into typed values, with and without validation. The run-time schema
/// validators users would pick instead are in <c>ParseAndValidate.Competitors.cs</c>.
/// </summary>
[MemoryDiagnoser]
public partial class ParseAndValidate
{
    private byte[] _body = null!;

    [Params("api-page-example", "200-tags", "10-errors")]
    public string Input { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _body = Input switch
        {
            "api-page-example" => Inputs.ApiPageExample,
            "200-tags" => Inputs.TwoHundredTags,
            _ => Inputs.TenErrors,
        };
        HandWrittenReader.EnsureAgreesWithGenerated(_body);
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen, no validation")]
    public object? SystemTextJson()
    {
        try
        {
            return JsonSerializer.Deserialize(_body, StjContext.Default.StjRequest);
        }
        catch (JsonException e)
        {
            return e;
        }
    }

    // Returns the errors' count too, so an invalid body's work cannot be optimised away; no boxing of the struct result.
    [Benchmark(Description = "CaseContracts TryParse (validated)")]
    public (CreateCaseRequest? Value, int Errors) CaseContracts()
    {
        var result = CreateCaseRequest.TryParse(_body);
        return (result.Value, result.Errors.Count);
    }

    // The yardstick: the same contract read and validated by hand in one pass (same records, same errors).
    [Benchmark(Description = "Hand-written one-pass reader")]
    public (CreateCaseRequest? Value, int Errors) HandWritten()
    {
        var result = HandWrittenReader.TryParse(_body);
        return (result.Value, result.Errors.Count);
    }
}
