using System;
using QuickStart.Contract;

// The API page's example request, trailing comma included.
const string body = """
    {
      "description": "James Bond clicked on a highly suspicious email banner advertising cheap holidays for underpaid civil servants.",
      "title": "This case will self-destruct in 5 seconds",
      "tags": ["phishing", "social engineering"],
      "connector": {
        "id": "131d4448-abe0-4789-939d-8ef60680b498",
        "name": "My connector",
        "type": ".jira",
        "fields": { "issueType": "10006", "priority": "High", }
      },
      "settings": { "syncAlerts": true }
    }
    """;

CreateCaseRequest request = CreateCaseRequest.Parse(body);
string summary = request.Connector.Match(
    jira: j => $"Jira issue type {j.Fields?.IssueType}",
    serviceNow: s => $"ServiceNow urgency {s.Fields?.Urgency}",
    resilient: r => $"Resilient severity {r.Fields?.SeverityCode}",
    none: _ => "no connector");

Console.WriteLine(summary);
var withoutConnector = request with { Connector = new Connector.None { Id = "none", Name = "none" } };
Console.WriteLine(withoutConnector.ToJson());
