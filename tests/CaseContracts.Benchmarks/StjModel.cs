using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CaseContracts.Benchmarks;

// The floor: System.Text.Json source-generated deserialization of an equivalent model, no validation.
#pragma warning disable CS1591
public sealed class StjRequest
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> Tags { get; set; } = new();
    public StjConnector Connector { get; set; } = null!;
    public StjSettings Settings { get; set; } = new();
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StjJira), ".jira")]
[JsonDerivedType(typeof(StjServiceNow), ".servicenow")]
[JsonDerivedType(typeof(StjResilient), ".resilient")]
[JsonDerivedType(typeof(StjNone), ".none")]
public abstract class StjConnector
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class StjJira : StjConnector { public StjJiraFields? Fields { get; set; } }
public sealed class StjJiraFields { public string IssueType { get; set; } = ""; public string? Priority { get; set; } public string? Parent { get; set; } }
public sealed class StjServiceNow : StjConnector { public StjServiceNowFields? Fields { get; set; } }
public sealed class StjServiceNowFields { public string? Urgency { get; set; } public string? Severity { get; set; } public string? Impact { get; set; } }
public sealed class StjResilient : StjConnector { public StjResilientFields? Fields { get; set; } }
public sealed class StjResilientFields { public List<double> IssueTypes { get; set; } = new(); public double SeverityCode { get; set; } }
public sealed class StjNone : StjConnector { public object? Fields { get; set; } }
public sealed class StjSettings { public bool SyncAlerts { get; set; } }

[JsonSerializable(typeof(StjRequest))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, AllowOutOfOrderMetadataProperties = true)]
public sealed partial class StjContext : JsonSerializerContext
{
}
