using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.AspNetCore.Http;

namespace CaseServer.Cases.Api;

public sealed partial class CasesApiHandlers
{
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
