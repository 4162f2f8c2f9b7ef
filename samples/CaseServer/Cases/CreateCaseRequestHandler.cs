using System;
using System.Globalization;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using CaseServer.Security;
using Microsoft.AspNetCore.Http;

namespace CaseServer.Cases;

/// <summary>
/// <c>POST /api/cases</c> after the generated endpoint has read and validated the body: builds the case as
/// Kibana does (a new id, <c>status: open</c>, no comments, the authenticated user as <c>created_by</c>,
/// never anything from the body but its documented fields) and stores it durably.
/// </summary>
public sealed class CreateCaseRequestHandler : ICreateCaseHandler
{
    private readonly ICaseStore _store;
    private readonly TimeProvider _clock;

    /// <summary>A handler storing into <paramref name="store"/>.</summary>
    public CreateCaseRequestHandler(ICaseStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    /// <inheritdoc/>
    public async ValueTask<EndpointResult<Case>> HandleAsync(CreateCaseRequest request, HttpContext context, CancellationToken cancellationToken)
    {
        var draft = new Case
        {
            Id = Guid.NewGuid().ToString("D"),
            Version = CaseVersion.Of(0), // the store sets the real one, from the write's sequence number
            Comments = [],
            TotalComment = 0,
            Title = request.Title,
            Description = request.Description,
            Tags = request.Tags,
            ClosedAt = null,
            ClosedBy = null,
            CreatedAt = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            CreatedBy = CreatedBy(context.User),
            ExternalService = null,
            Status = CaseStatus.Open,
            UpdatedAt = null,
            UpdatedBy = null,
            Connector = request.Connector,
            Settings = request.Settings,
        };

        return await _store.CreateAsync(draft, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The authenticated user; without security, a user whose fields are all null (as Kibana records it).</summary>
    private static User CreatedBy(ClaimsPrincipal principal)
        => principal.Identity is { IsAuthenticated: true } identity
            ? new User
            {
                Username = identity.Name,
                Email = principal.FindFirstValue(BasicAuthenticationHandler.EmailClaim),
                FullName = principal.FindFirstValue(BasicAuthenticationHandler.FullNameClaim),
            }
            : new User { Username = null, Email = null, FullName = null };
}
