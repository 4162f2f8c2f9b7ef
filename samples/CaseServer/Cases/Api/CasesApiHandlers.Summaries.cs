using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.AspNetCore.Http;

namespace CaseServer.Cases.Api;

public sealed partial class CasesApiHandlers
{
    /// <summary><c>GET /api/cases/tags</c>: every tag in use, once each, in ordinal order.</summary>
    public async ValueTask<GetTagsResult> GetTagsAsync(HttpContext context, CancellationToken cancellationToken)
        => GetTagsResult.Ok(new TagList(await _store.GetTagsAsync(cancellationToken).ConfigureAwait(false)));

    /// <summary><c>GET /api/cases/reporters</c>: the users who created cases, one per username.</summary>
    public async ValueTask<GetReportersResult> GetReportersAsync(HttpContext context, CancellationToken cancellationToken)
        => GetReportersResult.Ok(new ReporterList(await _store.GetReportersAsync(cancellationToken).ConfigureAwait(false)));

    /// <summary><c>GET /api/cases/status</c>: how many cases have each status.</summary>
    public async ValueTask<GetCasesStatusResult> GetCasesStatusAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var counts = await _store.GetStatusCountsAsync(cancellationToken).ConfigureAwait(false);
        return GetCasesStatusResult.Ok(new CasesStatusResponse
        {
            CountOpenCases = counts.Open,
            CountInProgressCases = counts.InProgress,
            CountClosedCases = counts.Closed,
        });
    }
}
