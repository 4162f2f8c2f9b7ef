using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.AspNetCore.Http;

namespace CaseServer.Cases.Api;

public sealed partial class CasesApiHandlers
{
    /// <summary>
    /// <c>GET /api/cases/{case_id}</c>: the stored case, with every comment unless <c>includeComments=false</c>, or 404
    /// <c>Saved object [cases/&lt;id&gt;] not found</c>, as Kibana answers.
    /// </summary>
    public async ValueTask<GetCaseResult> GetCaseAsync(GetCaseParameters parameters, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await _store.GetAsync(parameters.CaseId, parameters.IncludeComments, cancellationToken).ConfigureAwait(false);
        return result.Value is { } found ? GetCaseResult.Ok(found) : GetCaseResult.NotFound(result.Message);
    }
}
