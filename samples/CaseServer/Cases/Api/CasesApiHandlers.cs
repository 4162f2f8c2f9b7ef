using System;
using System.Globalization;
using System.Security.Claims;
using CaseServer.Contract;
using CaseServer.Security;
using Microsoft.AspNetCore.Http;

namespace CaseServer.Cases.Api;

/// <summary>
/// The hand-written part of the Cases API (schema/cases.openapi.json): one method per operation, called by the
/// generated endpoints once the parameters and the body are read and valid (<c>MapCasesApi&lt;CasesApiHandlers&gt;</c>).
/// The endpoints answer malformed requests themselves; these methods answer with the store's outcome in Kibana's
/// words. One file per operation.
/// </summary>
public sealed partial class CasesApiHandlers : ICasesApiHandler
{
    private readonly ICaseStore _store;
    private readonly TimeProvider _clock;

    /// <summary>Handlers over <paramref name="store"/>, stamping writes with <paramref name="clock"/>'s time.</summary>
    public CasesApiHandlers(ICaseStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    /// <summary>Who writes (the signed-in user) and when (now, ISO-8601 UTC with milliseconds).</summary>
    private WriteStamp StampOf(HttpContext context)
        => new(UserOf(context.User), _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>The authenticated user; without security, a user whose fields are all null (as Kibana records it).</summary>
    private static User UserOf(ClaimsPrincipal principal)
        => principal.Identity is { IsAuthenticated: true } identity
            ? new User
            {
                Username = identity.Name,
                Email = principal.FindFirstValue(BasicAuthenticationHandler.EmailClaim),
                FullName = principal.FindFirstValue(BasicAuthenticationHandler.FullNameClaim),
            }
            : new User { Username = null, Email = null, FullName = null };
}
