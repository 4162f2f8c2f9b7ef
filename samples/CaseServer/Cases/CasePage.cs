using System.Collections.Generic;
using CaseServer.Contract;

namespace CaseServer.Cases;

/// <summary>
/// One page of find's answer: the cases (each with <c>comments: []</c> and its real <c>totalComment</c>),
/// how many match in all, and the status counts (which honour the tag and reporter filters only).
/// </summary>
public sealed record CasePage(IReadOnlyList<Case> Cases, int Page, int PerPage, long Total, StatusCounts Counts);

/// <summary>How many cases have each status (<c>GET /api/cases/status</c>, and find's counts).</summary>
public sealed record StatusCounts(long Open, long InProgress, long Closed);
