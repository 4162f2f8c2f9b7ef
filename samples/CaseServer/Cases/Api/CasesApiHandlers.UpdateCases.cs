using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.AspNetCore.Http;

namespace CaseServer.Cases.Api;

public sealed partial class CasesApiHandlers
{
    /// <summary>
    /// <c>PATCH /api/cases</c>: Kibana's bulk update, decided by the store inside one transaction (unknown ids 404, then
    /// stale versions 409 with nothing written, then nothing to change 406); the cases written, as stored.
    /// </summary>
    public async ValueTask<UpdateCasesResult> UpdateCasesAsync(UpdateCasesParameters parameters, UpdateCasesRequest body, HttpContext context, CancellationToken cancellationToken)
    {
        var patches = body.Cases.Select(update => new CasePatch
        {
            Id = update.Id,
            Version = update.Version,
            Title = update.Title,
            Description = update.Description,
            Tags = update.Tags,
            Connector = update.Connector,
            Settings = update.Settings,
            Status = update.Status,
        }).ToArray();

        var result = await _store.UpdateAsync(patches, StampOf(context), cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            StoreOutcome.Done => UpdateCasesResult.Ok(new CaseList(result.Value!)),
            StoreOutcome.NotFound => UpdateCasesResult.NotFound(result.Message),
            StoreOutcome.Conflict => UpdateCasesResult.Conflict(result.Message),
            _ => UpdateCasesResult.NotAcceptable(result.Message),
        };
    }
}
