using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.AspNetCore.Http;

namespace CaseServer.Cases.Api;

public sealed partial class CasesApiHandlers
{
    /// <summary>
    /// <c>DELETE /api/cases?ids=["id1","id2"]</c>: deletes the cases and their comments in one transaction, all or none
    /// (an unknown id: 404, nothing deleted); 204.
    /// </summary>
    public async ValueTask<DeleteCasesResult> DeleteCasesAsync(DeleteCasesParameters parameters, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await _store.DeleteAsync(parameters.Ids, cancellationToken).ConfigureAwait(false);
        return result.IsDone ? DeleteCasesResult.NoContent() : DeleteCasesResult.NotFound(result.Message);
    }
}
