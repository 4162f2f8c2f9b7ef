using System;
using CaseServer.Cases;
using CaseServer.Contract;

namespace CaseServer.Tests.Infrastructure;

/// <summary>Cases as a handler hands them to the store: a new id, version 0, no comments, the API page's `.none` connector.</summary>
internal static class CaseDrafts
{
    /// <summary>A new open case titled <paramref name="title"/>, with <paramref name="tags"/> (none by default), created by <paramref name="createdBy"/> (no user by default).</summary>
    public static Case New(string title, string[]? tags = null, User? createdBy = null) => new()
    {
        Id = Guid.NewGuid().ToString("D"),
        Version = CaseVersion.Of(0),
        Comments = [],
        TotalComment = 0,
        Title = title,
        Description = "described",
        Tags = tags ?? [],
        ClosedAt = null,
        ClosedBy = null,
        CreatedAt = "2026-01-01T00:00:00.000Z",
        CreatedBy = createdBy ?? new User(),
        ExternalService = null,
        Status = CaseStatus.Open,
        UpdatedAt = null,
        UpdatedBy = null,
        Connector = CreateCaseRequest.Parse(Requests.Example("none")).Connector,
        Settings = CreateCaseRequest.Parse(Requests.Example("none")).Settings,
    };
}
