using System.Linq;
using System.Text;

namespace CaseContracts.Benchmarks;

/// <summary>The three request bodies of P1.</summary>
public static class Inputs
{
    /// <summary>The API page's example (strict JSON: its trailing comma removed so every contender can read it).</summary>
    public static readonly byte[] ApiPageExample = Encoding.UTF8.GetBytes("""
        {"description":"James Bond clicked on a highly suspicious email banner advertising cheap holidays for underpaid civil servants.","title":"This case will self-destruct in 5 seconds","tags":["phishing","social engineering"],"connector":{"id":"131d4448-abe0-4789-939d-8ef60680b498","name":"My connector","type":".jira","fields":{"issueType":"10006","priority":"High"}},"settings":{"syncAlerts":true}}
        """);

    /// <summary>A maximal valid request: 200 tags and every Jira field.</summary>
    public static readonly byte[] TwoHundredTags = Encoding.UTF8.GetBytes(
        "{\"title\":\"Maximal request\",\"description\":\"" + new string('d', 400) + "\",\"tags\":["
        + string.Join(",", Enumerable.Range(0, 200).Select(i => $"\"tag number {i:D4}\""))
        + "],\"connector\":{\"id\":\"131d4448-abe0-4789-939d-8ef60680b498\",\"name\":\"My connector\",\"type\":\".jira\",\"fields\":{\"issueType\":\"10006\",\"priority\":\"High\",\"parent\":\"CASE-1\"}},\"settings\":{\"syncAlerts\":true}}");

    /// <summary>An invalid request with 10 errors (wrong types, unknown keys, a missing key).</summary>
    public static readonly byte[] TenErrors = Encoding.UTF8.GetBytes("""
        {"description":5,"tags":["ok",1,2],"connector":{"id":1,"name":"n","type":".jira","fields":{"issueType":3,"priority":4,"urgency":"x"}},"settings":{"syncAlerts":"yes"},"status":"open","owner":"cases"}
        """);
}
