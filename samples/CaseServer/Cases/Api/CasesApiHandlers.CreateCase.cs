using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.AspNetCore.Http;

namespace CaseServer.Cases.Api;

public sealed partial class CasesApiHandlers
{
    /// <summary>
    /// <c>POST /api/cases</c>: builds the case as Kibana does (a new id, <c>status: open</c>, no comments, the
    /// authenticated user as <c>created_by</c>, never anything from the body but its documented fields) and stores it
    /// durably.
    /// </summary>
    public async ValueTask<CreateCaseResult> CreateCaseAsync(CreateCaseParameters parameters, CreateCaseRequest body, HttpContext context, CancellationToken cancellationToken)
    {
        var draft = new Case
        {
            // A UUID as Kibana's, version 7 (time-ordered): new ids sort last, so the stores' id index grows at its
            // end instead of rewriting a random page for every case created.
            Id = Guid.CreateVersion7().ToString("D"),
            Version = CaseVersion.Of(0), // the store sets the real one, from the write's sequence number
            Comments = [],
            TotalComment = 0,
            Title = body.Title,
            Description = body.Description,
            Tags = body.Tags,
            ClosedAt = null,
            ClosedBy = null,
            CreatedAt = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            CreatedBy = UserOf(context.User),
            ExternalService = null,
            Status = CaseStatus.Open,
            UpdatedAt = null,
            UpdatedBy = null,
            Connector = body.Connector,
            Settings = body.Settings,
        };

        return CreateCaseResult.Ok(await _store.CreateAsync(draft, cancellationToken).ConfigureAwait(false));
    }
}
