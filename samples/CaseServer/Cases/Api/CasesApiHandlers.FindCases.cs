using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.AspNetCore.Http;

namespace CaseServer.Cases.Api;

public sealed partial class CasesApiHandlers
{
    /// <summary>
    /// <c>GET /api/cases/_find</c>: one page of the cases the filters and the search select, with the totals. The
    /// generated endpoint has checked every value (types, sets, bounds) and filled in Kibana's defaults.
    /// </summary>
    public async ValueTask<FindCasesResult> FindCasesAsync(FindCasesParameters parameters, HttpContext context, CancellationToken cancellationToken)
    {
        var query = new CaseQuery
        {
            Page = (int)parameters.Page,
            PerPage = (int)parameters.PerPage,
            SortField = parameters.SortField switch
            {
                "updatedAt" => CaseSortField.UpdatedAt,
                "closedAt" => CaseSortField.ClosedAt,
                "title" => CaseSortField.Title,
                "status" => CaseSortField.Status,
                _ => CaseSortField.CreatedAt,
            },
            SortOrder = parameters.SortOrder == "asc" ? SortOrder.Ascending : SortOrder.Descending,
            Search = parameters.Search,
            SearchFields = parameters.SearchFields?.Select(field => field == "title" ? CaseSearchField.Title : CaseSearchField.Description).ToArray() ?? [],
            DefaultSearchOperator = parameters.DefaultSearchOperator == "AND" ? SearchOperator.And : SearchOperator.Or,
            Tags = parameters.Tags ?? [],
            Reporters = parameters.Reporters ?? [],
            Status = parameters.Status,
        };

        var page = await _store.FindCasesAsync(query, cancellationToken).ConfigureAwait(false);
        return FindCasesResult.Ok(new FindCasesResponse
        {
            Cases = page.Cases,
            Page = page.Page,
            PerPage = page.PerPage,
            Total = page.Total,
            CountOpenCases = page.Counts.Open,
            CountInProgressCases = page.Counts.InProgress,
            CountClosedCases = page.Counts.Closed,
        });
    }
}
