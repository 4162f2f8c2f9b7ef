using System.Collections.Generic;
using CaseServer.Contract;

namespace CaseServer.Cases;

/// <summary>
/// What <c>GET /api/cases/_find</c> asks for, already checked: Kibana's defaults are the property defaults
/// (page 1, 20 per page, newest created first, no filter, no search).
/// </summary>
public sealed record CaseQuery
{
    /// <summary>The page to answer, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Cases per page, from 0 (an empty page still carries the totals).</summary>
    public int PerPage { get; init; } = 20;

    /// <summary>The order of the cases.</summary>
    public CaseSortField SortField { get; init; } = CaseSortField.CreatedAt;

    /// <summary>Ascending or descending.</summary>
    public SortOrder SortOrder { get; init; } = SortOrder.Descending;

    /// <summary>Cases carrying any of these tags (OR); none: no tag filter.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Cases created by any of these usernames (OR; AND-ed with <see cref="Tags"/>); none: no filter.</summary>
    public IReadOnlyList<string> Reporters { get; init; } = [];

    /// <summary>Only cases with this status (does not narrow the three status counts, as in Kibana).</summary>
    public CaseStatus? Status { get; init; }

    /// <summary>
    /// Words to search for in <see cref="SearchFields"/>; null or blank: no search. Words are split on white
    /// space; a word without any letter or digit matches nothing.
    /// </summary>
    public string? Search { get; init; }

    /// <summary>Where <see cref="Search"/> looks; none: title and description.</summary>
    public IReadOnlyList<CaseSearchField> SearchFields { get; init; } = [];

    /// <summary>Whether every word (AND) or any word (OR, Kibana's default) must be found.</summary>
    public SearchOperator DefaultSearchOperator { get; init; } = SearchOperator.Or;
}

/// <summary>The <c>sortField</c> values of find.</summary>
public enum CaseSortField
{
    /// <summary><c>createdAt</c> (Kibana's default).</summary>
    CreatedAt,

    /// <summary><c>updatedAt</c>; never-updated cases last.</summary>
    UpdatedAt,

    /// <summary><c>closedAt</c>; cases never closed last.</summary>
    ClosedAt,

    /// <summary><c>title</c>, by code point.</summary>
    Title,

    /// <summary><c>status</c>, by its text (<c>closed</c> &lt; <c>in-progress</c> &lt; <c>open</c>, as Elasticsearch sorts the keyword).</summary>
    Status,
}

/// <summary>The <c>sortOrder</c> values of find.</summary>
public enum SortOrder
{
    /// <summary><c>asc</c>.</summary>
    Ascending,

    /// <summary><c>desc</c> (Kibana's default).</summary>
    Descending,
}

/// <summary>The <c>searchFields</c> values of find.</summary>
public enum CaseSearchField
{
    /// <summary><c>title</c>.</summary>
    Title,

    /// <summary><c>description</c>.</summary>
    Description,
}

/// <summary>The <c>defaultSearchOperator</c> values of find.</summary>
public enum SearchOperator
{
    /// <summary><c>OR</c>: any word (Kibana's default).</summary>
    Or,

    /// <summary><c>AND</c>: every word.</summary>
    And,
}
