using System.Linq;
using System.Threading.Tasks;
using CaseContracts.Analyzers.Tests.Infrastructure;
using CaseContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CaseContracts.Analyzers.Tests.Files;

/// <summary>
/// JSON files given as AdditionalFiles with <c>CaseContractsSchema="name"</c> are checked at build time,
/// with each diagnostic at its line and column in the file.
/// </summary>
public sealed class JsonFileTests
{
    private const string Fixture = "/0/fixtures/request.json";

    private const string Source = "class Program { }";

    [Fact]
    public Task An_unknown_connector_field_is_reported_at_its_line_and_column_in_the_file()
        => RunFile("""
            {
              "title": "Phishing",
              "description": "Suspicious email",
              "tags": [],
              "connector": {
                "id": "1", "name": "Jira", "type": ".jira",
                "fields": { "issueType": "Task", "urgency": "High" }
              },
              "settings": { "syncAlerts": true }
            }
            """, "create-case-request",
            new DiagnosticResult(DiagnosticDescriptors.UnknownField).WithSpan(Fixture, 7, 38, 7, 47)
                .WithArguments("urgency", "connector '.jira'", "issueType, priority, parent"));

    [Fact]
    public Task Every_violation_in_a_file_is_reported_not_just_the_first()
        => RunFile("""
            {
              "id": "1",
              "name": "IBM",
              "type": ".resilient",
              "fields": { "issueTypes": ["10"], "severityCode": 4, "extra": true }
            }
            """, "connector",
            new DiagnosticResult(DiagnosticDescriptors.WrongJsonType).WithSpan(Fixture, 5, 30, 5, 34).WithArguments("issueTypes[0]", "number", "string"),
            new DiagnosticResult(DiagnosticDescriptors.UnknownField).WithSpan(Fixture, 5, 56, 5, 63).WithArguments("extra", "connector '.resilient'", "issueTypes, severityCode"));

    [Fact]
    public Task A_malformed_file_is_reported_where_it_stops_being_json()
        => RunFile("""
            {
              "syncAlerts": true,,
            }
            """, "settings",
            new DiagnosticResult(DiagnosticDescriptors.MalformedJson).WithSpan(Fixture, 2, 22, 2, 23)
                .WithArguments("',' where a property name was expected (names are strings in double quotes)"));

    [Fact]
    public Task An_unknown_schema_name_is_reported_at_the_start_of_the_file()
        => RunFile("""{ "syncAlerts": true }""", "setting",
            new DiagnosticResult(DiagnosticDescriptors.UnknownSchemaName).WithSpan(Fixture, 1, 1, 1, 1).WithArguments("setting", Expect.ContractSchemaNames));

    [Fact]
    public Task A_valid_file_is_not_reported()
        => RunFile("""
            { "id": "none", "name": "none", "type": ".none", "fields": null }
            """, "connector");

    [Fact]
    public Task A_json_file_without_a_schema_name_is_not_checked()
    {
        var test = new ContractTest(SchemaSet.Contract) { TestCode = Source };
        test.TestState.AdditionalFiles.Add(("/0/fixtures/other.json", """{ "not": "a request" }"""));
        return test.RunAsync();
    }

    [Fact]
    public Task Diagnostics_in_json_files_offer_no_code_fix()
        => new ContractTest(SchemaSet.Contract) { TestCode = Source, FixedCode = Source }
            .WithJsonFile(Fixture, """{ "syncAlerts": true, "syncalerts": false }""", "settings")
            .Expecting(new DiagnosticResult(DiagnosticDescriptors.UnknownField).WithSpan(Fixture, 1, 23, 1, 35).WithArguments("syncalerts", "'Settings'", "syncAlerts"))
            .RunAsync();

    [Fact]
    public Task A_file_with_more_than_100_violations_gets_the_first_100_then_one_saying_how_many_more()
    {
        // 150 numbers where strings are expected: one CC0201 per tag, each on its own line.
        var tags = string.Join(",\n", System.Linq.Enumerable.Range(0, 150).Select(i => "    " + i));
        var json = "{\n  \"title\": \"t\",\n  \"description\": \"d\",\n  \"settings\": { \"syncAlerts\": false },\n"
            + "  \"connector\": { \"id\": \"none\", \"name\": \"none\", \"type\": \".none\", \"fields\": null },\n  \"tags\": [\n" + tags + "\n  ]\n}";
        var lines = json.Split('\n').Length;
        // In the order of their places: the summary at the whole value comes first.
        var expected = System.Linq.Enumerable.Range(0, 100)
            .Select(i => new DiagnosticResult(DiagnosticDescriptors.WrongJsonType).WithSpan(Fixture, 7 + i, 5, 7 + i, 5 + i.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)
                .WithArguments($"tags[{i}]", "string", "integer"))
            .Prepend(new DiagnosticResult(DiagnosticDescriptors.MoreViolations).WithSpan(Fixture, 1, 1, lines, 2).WithArguments("50", "100"))
            .ToArray();

        return RunFile(json, "create-case-request", expected);
    }

    private static Task RunFile(string json, string schema, params DiagnosticResult[] expected)
        => new ContractTest(SchemaSet.Contract) { TestCode = Source }.WithJsonFile(Fixture, json, schema).Expecting(expected).RunAsync();
}
