using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CaseContracts.LoadServers.MinimalApi;

/// <summary>(c)'s response model: the created case, serialised by System.Text.Json.</summary>
public sealed class CaseDto
{
    /// <summary>The case's ID.</summary>
    public string Id { get; set; } = "";

    /// <summary>The case's version.</summary>
    public string Version { get; set; } = "";

    /// <summary>The case's comments.</summary>
    public List<object> Comments { get; set; } = [];

    /// <summary>The number of comments.</summary>
    public long TotalComment { get; set; }

    /// <summary>The case's title.</summary>
    public string Title { get; set; } = "";

    /// <summary>The case's description.</summary>
    public string Description { get; set; } = "";

    /// <summary>The case's tags.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>When the case was closed, or null.</summary>
    [JsonPropertyName("closed_at")]
    public string? ClosedAt { get; set; }

    /// <summary>Who closed the case, or null.</summary>
    [JsonPropertyName("closed_by")]
    public UserDto? ClosedBy { get; set; }

    /// <summary>When the case was created.</summary>
    [JsonPropertyName("created_at")]
    public string CreatedAt { get; set; } = "";

    /// <summary>Who created the case.</summary>
    [JsonPropertyName("created_by")]
    public UserDto? CreatedBy { get; set; }

    /// <summary>Where the case was pushed, or null.</summary>
    [JsonPropertyName("external_service")]
    public object? ExternalService { get; set; }

    /// <summary>The case's status.</summary>
    public string Status { get; set; } = "";

    /// <summary>When the case was last updated, or null.</summary>
    [JsonPropertyName("updated_at")]
    public string? UpdatedAt { get; set; }

    /// <summary>Who last updated the case, or null.</summary>
    [JsonPropertyName("updated_by")]
    public UserDto? UpdatedBy { get; set; }

    /// <summary>The connector.</summary>
    public ConnectorDto? Connector { get; set; }

    /// <summary>The case's settings.</summary>
    public SettingsDto? Settings { get; set; }
}

/// <summary>A Kibana user.</summary>
public sealed class UserDto
{
    /// <summary>The user's email address, or null.</summary>
    public string? Email { get; set; }

    /// <summary>The user's full name, or null.</summary>
    [JsonPropertyName("full_name")]
    public string? FullName { get; set; }

    /// <summary>The user's username, or null.</summary>
    public string? Username { get; set; }
}
