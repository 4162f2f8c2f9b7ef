// Program.cs of the fresh console project in the package test (copied over the `dotnet new console`
// template). A request body comes in on stdin; the types CaseContracts generated from schema/ read it,
// match on its connector union and write it back; then a record built in code is written.
using System.Text;
using ConsoleConsumer;

ParseResult<CreateCaseRequest> result = CreateCaseRequest.TryParse(Encoding.UTF8.GetBytes(Console.In.ReadToEnd()));
if (!result.IsValid)
{
    Console.WriteLine(result.IsMalformed ? "malformed: " + result.MalformedMessage : "invalid: " + KibanaMessages.Format(result.Errors));
    return 1;
}

CreateCaseRequest request = result.Value;
Console.WriteLine(request.Connector.Match(
    jira: jira => $"jira: issue type {jira.Fields?.IssueType}, priority {jira.Fields?.Priority}",
    serviceNow: serviceNow => $"servicenow: urgency {serviceNow.Fields?.Urgency}",
    resilient: resilient => $"resilient: severity {resilient.Fields?.SeverityCode}",
    none: _ => "none"));
Console.WriteLine(request.ToJson());

CreateCaseRequest withoutConnector = request with
{
    Connector = new Connector.None { Id = "none", Name = "none" },
    Settings = new Settings { SyncAlerts = false },
};
Console.WriteLine(withoutConnector.ToJson());
return 0;
