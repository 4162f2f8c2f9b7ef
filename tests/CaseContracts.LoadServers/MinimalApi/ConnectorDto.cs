using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace CaseContracts.LoadServers.MinimalApi;

/// <summary>
/// The connector union as System.Text.Json polymorphism: <c>type</c> selects the derived class (an
/// unknown or missing <c>type</c> fails deserialization); each derived class carries its own fields.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(JiraConnectorDto), ".jira")]
[JsonDerivedType(typeof(ServiceNowConnectorDto), ".servicenow")]
[JsonDerivedType(typeof(ResilientConnectorDto), ".resilient")]
[JsonDerivedType(typeof(NoneConnectorDto), ".none")]
public abstract class ConnectorDto
{
    /// <summary>The connector's ID.</summary>
    [Required]
    public string? Id { get; set; }

    /// <summary>The connector's name.</summary>
    [Required]
    public string? Name { get; set; }
}

/// <summary>A Jira connector. <c>fields</c> must be present ([JsonRequired]) and may be null.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class JiraConnectorDto : ConnectorDto
{
    /// <summary>The Jira fields, or null.</summary>
    [JsonRequired]
    public JiraFieldsDto? Fields { get; set; }
}

/// <summary>The Jira fields.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class JiraFieldsDto
{
    /// <summary>The issue type.</summary>
    [Required]
    public string? IssueType { get; set; }

    /// <summary>The priority, or null.</summary>
    public string? Priority { get; set; }

    /// <summary>The parent issue's key, or null.</summary>
    public string? Parent { get; set; }
}

/// <summary>A ServiceNow connector.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ServiceNowConnectorDto : ConnectorDto
{
    /// <summary>The ServiceNow fields, or null.</summary>
    [JsonRequired]
    public ServiceNowFieldsDto? Fields { get; set; }
}

/// <summary>The ServiceNow fields (all optional).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ServiceNowFieldsDto
{
    /// <summary>The urgency, or null.</summary>
    public string? Urgency { get; set; }

    /// <summary>The severity, or null.</summary>
    public string? Severity { get; set; }

    /// <summary>The impact, or null.</summary>
    public string? Impact { get; set; }
}

/// <summary>An IBM Resilient connector.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ResilientConnectorDto : ConnectorDto
{
    /// <summary>The Resilient fields, or null.</summary>
    [JsonRequired]
    public ResilientFieldsDto? Fields { get; set; }
}

/// <summary>The Resilient fields (as the API page documents them).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ResilientFieldsDto
{
    /// <summary>The issue types.</summary>
    [Required]
    public List<double>? IssueTypes { get; set; }

    /// <summary>The severity code.</summary>
    [Required]
    public double? SeverityCode { get; set; }
}

/// <summary>No connector: <c>fields</c> must be present and null (anything else binds to a non-null value and fails <see cref="AllowedValuesAttribute"/>).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class NoneConnectorDto : ConnectorDto
{
    /// <summary>Always null.</summary>
    [JsonRequired]
    [AllowedValues([null])]
    public object? Fields { get; set; }
}
