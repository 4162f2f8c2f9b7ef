using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace CaseContracts.LoadServers.MinimalApi;

// (c)'s request model: what a developer writes by hand for schema/create-case-request.schema.json with
// DataAnnotations and System.Text.Json attributes. Every documented key is required ([Required]: the
// key missing or null is a validation error); unknown keys are rejected ([JsonUnmappedMemberHandling]);
// types are enforced by the deserializer. What attributes cannot say is listed in the README.

/// <summary>The Create-case request body.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class CreateCaseDto
{
    /// <summary>The case's title.</summary>
    [Required]
    public string? Title { get; set; }

    /// <summary>The case's description.</summary>
    [Required]
    public string? Description { get; set; }

    /// <summary>Words and phrases that help categorise cases.</summary>
    [Required]
    public List<string>? Tags { get; set; }

    /// <summary>The connector's configuration.</summary>
    [Required]
    public ConnectorDto? Connector { get; set; }

    /// <summary>The case's settings.</summary>
    [Required]
    public SettingsDto? Settings { get; set; }
}

/// <summary>The case's settings.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class SettingsDto
{
    /// <summary>Turn on or off synching with alerts.</summary>
    [Required]
    public bool? SyncAlerts { get; set; }
}
