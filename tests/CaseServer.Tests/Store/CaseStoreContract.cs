using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases;
using CaseServer.Cases.Storage;
using CaseServer.Contract;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests.Store;

/// <summary>
/// What every case store promises, as Kibana 7.11 behaves (the lifecycle facts): the same tests run against
/// SQLite (<see cref="SqliteCaseStoreTests"/>) and PostgreSQL (<see cref="PostgresCaseStoreTests"/>).
/// Each test has a new, empty store.
/// </summary>
public abstract class CaseStoreContract : IAsyncLifetime
{
    private static readonly CreateCaseRequest s_example = CreateCaseRequest.Parse(Requests.Example("jira"));
    private static readonly WriteStamp s_bob = new(new User { Username = "bob", Email = "bob@example.com", FullName = "Bob" }, "2026-01-02T03:04:05.678Z");
    private int _clock;

    /// <summary>The store under test.</summary>
    protected RelationalCaseStore Store { get; private set; } = null!;

    /// <summary>A new, empty, initialised store.</summary>
    protected abstract Task<RelationalCaseStore> CreateStoreAsync();

    /// <inheritdoc/>
    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    /// <inheritdoc/>
    public virtual async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_created_case_reads_back_as_stored_with_a_version_from_the_database()
    {
        var created = await CreateAsync("Port scan", tags: ["network"]);

        var found = await Store.GetAsync(created.Id, includeComments: true, CancellationToken.None);

        Assert.Equal(StoreOutcome.Done, found.Outcome);
        Assert.Equal(CaseDocument.ToJson(created), CaseDocument.ToJson(found.Value!));
        Assert.Equal("[1,1]", VersionText(created.Version));
    }

    [Fact]
    public async Task Versions_increase_over_every_write_of_the_database_cases_and_comments_alike()
    {
        var first = await CreateAsync("first");
        var second = await CreateAsync("second");
        var commented = (await Store.AddCommentAsync(first.Id, "a note", s_bob, CancellationToken.None)).Value!;
        var updated = (await Store.UpdateAsync([new CasePatch { Id = second.Id, Version = second.Version, Title = "second, renamed" }], s_bob, CancellationToken.None)).Value!.Single();

        var numbers = new[] { first.Version, second.Version, commented.Version, updated.Version }.Select(SequenceNumber).ToList();

        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_with_kibanas_message()
    {
        var found = await Store.GetAsync("no-such-case", includeComments: true, CancellationToken.None);

        Assert.Equal(StoreOutcome.NotFound, found.Outcome);
        Assert.Equal("Saved object [cases/no-such-case] not found", found.Message);
        Assert.Null(await Store.FindAsync("no-such-case", CancellationToken.None));
    }

    [Fact]
    public async Task Find_pages_through_cases_in_the_asked_order_and_counts_them_all()
    {
        foreach (var title in new[] { "delta", "alpha", "echo", "charlie", "bravo" })
        {
            await CreateAsync(title);
        }

        var page = await Store.FindCasesAsync(new CaseQuery { Page = 2, PerPage = 2, SortField = CaseSortField.Title, SortOrder = SortOrder.Ascending }, CancellationToken.None);
        var newestFirst = await Store.FindCasesAsync(new CaseQuery(), CancellationToken.None);

        Assert.Equal(["charlie", "delta"], page.Cases.Select(c => c.Title));
        Assert.Equal(5, page.Total);
        Assert.Equal((2, 2), (page.Page, page.PerPage));
        Assert.Equal(["bravo", "charlie", "echo", "alpha", "delta"], newestFirst.Cases.Select(c => c.Title));
        Assert.All(page.Cases, c => Assert.Empty(c.Comments));
    }

    [Fact]
    public async Task Find_ors_several_tags_and_ands_them_with_reporters()
    {
        await CreateAsync("a", tags: ["phishing"], user: "alice");
        await CreateAsync("b", tags: ["malware"], user: "alice");
        await CreateAsync("c", tags: ["phishing"], user: "carol");
        await CreateAsync("d", tags: ["other"], user: "alice");

        var tagged = await Store.FindCasesAsync(new CaseQuery { Tags = ["phishing", "malware"], SortField = CaseSortField.Title, SortOrder = SortOrder.Ascending }, CancellationToken.None);
        var taggedByAlice = await Store.FindCasesAsync(new CaseQuery { Tags = ["phishing", "malware"], Reporters = ["alice"], SortField = CaseSortField.Title, SortOrder = SortOrder.Ascending }, CancellationToken.None);

        Assert.Equal(["a", "b", "c"], tagged.Cases.Select(c => c.Title));
        Assert.Equal(["a", "b"], taggedByAlice.Cases.Select(c => c.Title));
        Assert.Equal(2, taggedByAlice.Total);
    }

    [Fact]
    public async Task Find_counts_statuses_with_the_tag_filter_but_not_the_status_filter()
    {
        var open = await CreateAsync("open one", tags: ["t"]);
        var closing = await CreateAsync("closed one", tags: ["t"]);
        var progressing = await CreateAsync("in progress one", tags: ["t"]);
        await CreateAsync("untagged", tags: ["u"]);
        await Store.UpdateAsync(
            [new CasePatch { Id = closing.Id, Version = closing.Version, Status = CaseStatus.Closed }, new CasePatch { Id = progressing.Id, Version = progressing.Version, Status = CaseStatus.InProgress }],
            s_bob, CancellationToken.None);

        var closedOnly = await Store.FindCasesAsync(new CaseQuery { Tags = ["t"], Status = CaseStatus.Closed }, CancellationToken.None);

        Assert.Equal([closing.Id], closedOnly.Cases.Select(c => c.Id));
        Assert.Equal(1, closedOnly.Total);
        Assert.Equal(new StatusCounts(1, 1, 1), closedOnly.Counts);
        Assert.Equal(new StatusCounts(2, 1, 1), await Store.GetStatusCountsAsync(CancellationToken.None));
        Assert.NotNull(open);
    }

    [Fact]
    public async Task Find_by_closed_at_puts_cases_never_closed_last_in_both_orders()
    {
        var never = await CreateAsync("never closed");
        var early = await CreateAsync("closed early");
        var late = await CreateAsync("closed late");
        await Store.UpdateAsync([new CasePatch { Id = early.Id, Version = early.Version, Status = CaseStatus.Closed }], s_bob with { At = "2026-01-01T00:00:00.000Z" }, CancellationToken.None);
        await Store.UpdateAsync([new CasePatch { Id = late.Id, Version = late.Version, Status = CaseStatus.Closed }], s_bob with { At = "2026-06-01T00:00:00.000Z" }, CancellationToken.None);

        var ascending = await Store.FindCasesAsync(new CaseQuery { SortField = CaseSortField.ClosedAt, SortOrder = SortOrder.Ascending }, CancellationToken.None);
        var descending = await Store.FindCasesAsync(new CaseQuery { SortField = CaseSortField.ClosedAt, SortOrder = SortOrder.Descending }, CancellationToken.None);

        Assert.Equal([early.Id, late.Id, never.Id], ascending.Cases.Select(c => c.Id));
        Assert.Equal([late.Id, early.Id, never.Id], descending.Cases.Select(c => c.Id));
    }

    [Fact]
    public async Task Search_finds_any_word_by_default_every_word_with_and_and_only_in_the_asked_fields()
    {
        await CreateAsync("Phishing mail", description: "a user clicked a link");
        await CreateAsync("Malware on laptop", description: "phishing attachment opened");
        await CreateAsync("Port scan", description: "nothing to do with mail");

        Task<IEnumerable<string>> Titles(CaseQuery query) => Store.FindCasesAsync(query with { SortField = CaseSortField.Title, SortOrder = SortOrder.Ascending }, CancellationToken.None)
            .ContinueWith(t => t.Result.Cases.Select(c => c.Title), TaskScheduler.Default);

        Assert.Equal(["Malware on laptop", "Phishing mail", "Port scan"], await Titles(new CaseQuery { Search = "phishing mail" }));
        Assert.Equal(["Phishing mail"], await Titles(new CaseQuery { Search = "phishing mail", DefaultSearchOperator = SearchOperator.And }));
        Assert.Equal(["Phishing mail"], await Titles(new CaseQuery { Search = "PHISHING", SearchFields = [CaseSearchField.Title] }));
        Assert.Equal(["Malware on laptop"], await Titles(new CaseQuery { Search = "phishing", SearchFields = [CaseSearchField.Description] }));
        Assert.Empty(await Titles(new CaseQuery { Search = "!!! ???" }));
        Assert.Equal(3, (await Store.FindCasesAsync(new CaseQuery { Search = "nomatch" }, CancellationToken.None)).Counts.Open); // counts ignore the search, as Kibana's
    }

    [Fact]
    public async Task Search_sees_an_update_and_a_delete_as_soon_as_they_are_acknowledged()
    {
        var renamed = await CreateAsync("Ransomware outbreak");
        var deleted = await CreateAsync("Ransomware note");

        await Store.UpdateAsync([new CasePatch { Id = renamed.Id, Version = renamed.Version, Title = "Encrypted file server" }], s_bob, CancellationToken.None);
        await Store.DeleteAsync([deleted.Id], CancellationToken.None);

        Assert.Empty((await Store.FindCasesAsync(new CaseQuery { Search = "ransomware" }, CancellationToken.None)).Cases);
        Assert.Equal([renamed.Id], (await Store.FindCasesAsync(new CaseQuery { Search = "encrypted" }, CancellationToken.None)).Cases.Select(c => c.Id));
    }

    [Fact]
    public async Task The_tag_filter_sees_an_update_and_a_delete_as_soon_as_they_are_acknowledged()
    {
        var retagged = await CreateAsync("retagged", tags: ["phishing", "phishing", "email"]);
        var deleted = await CreateAsync("deleted", tags: ["phishing"]);

        await Store.UpdateAsync([new CasePatch { Id = retagged.Id, Version = retagged.Version, Tags = ["malware"] }], s_bob, CancellationToken.None);
        await Store.DeleteAsync([deleted.Id], CancellationToken.None);

        Assert.Empty((await Store.FindCasesAsync(new CaseQuery { Tags = ["phishing"] }, CancellationToken.None)).Cases);
        var found = await Store.FindCasesAsync(new CaseQuery { Tags = ["malware", "email"] }, CancellationToken.None);
        Assert.Equal([retagged.Id], found.Cases.Select(c => c.Id));
        Assert.Equal(1, found.Total);
    }

    [Fact]
    public async Task An_update_naming_unknown_cases_is_not_found_first_listing_them_even_when_other_versions_are_stale()
    {
        var known = await CreateAsync("known");

        var result = await Store.UpdateAsync(
            [new CasePatch { Id = known.Id, Version = "stale", Title = "x" }, new CasePatch { Id = "ghost-1", Version = "v", Title = "x" }, new CasePatch { Id = "ghost-2", Version = "v", Title = "x" }],
            s_bob, CancellationToken.None);

        Assert.Equal(StoreOutcome.NotFound, result.Outcome);
        Assert.Equal("These cases ghost-1, ghost-2 do not exist. Please check you have the correct ids.", result.Message);
        Assert.Equal(["ghost-1", "ghost-2"], result.Ids);
    }

    [Fact]
    public async Task One_stale_version_fails_the_whole_update_and_writes_nothing()
    {
        var fresh = await CreateAsync("fresh");
        var stale = await CreateAsync("stale");

        var result = await Store.UpdateAsync(
            [new CasePatch { Id = fresh.Id, Version = fresh.Version, Title = "changed" }, new CasePatch { Id = stale.Id, Version = CaseVersion.Of(999), Title = "changed" }],
            s_bob, CancellationToken.None);

        Assert.Equal(StoreOutcome.Conflict, result.Outcome);
        Assert.Equal($"These cases {stale.Id} has been updated. Please refresh before saving additional updates.", result.Message);
        Assert.Equal(CaseDocument.ToJson(fresh), CaseDocument.ToJson((await Store.FindAsync(fresh.Id, CancellationToken.None))!));
    }

    [Fact]
    public async Task An_update_changing_nothing_is_identical_reordered_tags_included()
    {
        var stored = await CreateAsync("same", tags: ["a", "b"]);

        var result = await Store.UpdateAsync([new CasePatch { Id = stored.Id, Version = stored.Version, Title = "same", Tags = ["b", "a"], Status = CaseStatus.Open }], s_bob, CancellationToken.None);

        Assert.Equal(StoreOutcome.Identical, result.Outcome);
        Assert.Equal("All update fields are identical to current version.", result.Message);
        Assert.Equal(stored.Version, (await Store.FindAsync(stored.Id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Only_the_cases_that_change_are_written_and_returned_with_who_and_when()
    {
        var changed = await CreateAsync("before");
        var unchanged = await CreateAsync("kept");

        var result = await Store.UpdateAsync(
            [new CasePatch { Id = changed.Id, Version = changed.Version, Title = "after" }, new CasePatch { Id = unchanged.Id, Version = unchanged.Version, Title = "kept" }],
            s_bob, CancellationToken.None);

        var updated = Assert.Single(result.Value!);
        Assert.Equal((changed.Id, "after", s_bob.At, "bob"), (updated.Id, updated.Title, updated.UpdatedAt, updated.UpdatedBy!.Username));
        Assert.NotEqual(changed.Version, updated.Version);
        Assert.Equal(0, updated.TotalComment);
        Assert.Equal(CaseDocument.ToJson(updated), CaseDocument.ToJson((await Store.FindAsync(changed.Id, CancellationToken.None))!));
        Assert.Equal(unchanged.Version, (await Store.FindAsync(unchanged.Id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Closing_sets_closed_at_and_closed_by_and_reopening_clears_them()
    {
        var stored = await CreateAsync("to close");

        var closed = (await Store.UpdateAsync([new CasePatch { Id = stored.Id, Version = stored.Version, Status = CaseStatus.Closed }], s_bob, CancellationToken.None)).Value!.Single();
        var reopened = (await Store.UpdateAsync([new CasePatch { Id = stored.Id, Version = closed.Version, Status = CaseStatus.InProgress }], s_bob, CancellationToken.None)).Value!.Single();

        Assert.Equal((CaseStatus.Closed, s_bob.At, "bob"), (closed.Status, closed.ClosedAt, closed.ClosedBy?.Username));
        Assert.Equal((CaseStatus.InProgress, (string?)null, (User?)null), (reopened.Status, reopened.ClosedAt, reopened.ClosedBy));
    }

    [Fact]
    public async Task Deleting_cases_deletes_their_comments_and_an_unknown_id_deletes_nothing()
    {
        var first = await CreateAsync("first");
        var second = await CreateAsync("second");
        var comment = (await Store.AddCommentAsync(first.Id, "note", s_bob, CancellationToken.None)).Value!.Comments.Single().GetProperty("id").GetString()!;

        var refused = await Store.DeleteAsync([second.Id, "ghost"], CancellationToken.None);
        var deleted = await Store.DeleteAsync([first.Id], CancellationToken.None);

        Assert.Equal((StoreOutcome.NotFound, "Saved object [cases/ghost] not found"), (refused.Outcome, refused.Message));
        Assert.NotNull(await Store.FindAsync(second.Id, CancellationToken.None));
        Assert.Equal(StoreOutcome.Done, deleted.Outcome);
        Assert.Null(await Store.FindAsync(first.Id, CancellationToken.None));
        Assert.Equal(StoreOutcome.NotFound, (await Store.GetCommentAsync(first.Id, comment, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_comment_updates_its_case_so_the_version_held_before_is_stale()
    {
        var stored = await CreateAsync("commented");

        var withComment = await Store.AddCommentAsync(stored.Id, "first look", s_bob, CancellationToken.None);
        var staleUpdate = await Store.UpdateAsync([new CasePatch { Id = stored.Id, Version = stored.Version, Title = "x" }], s_bob, CancellationToken.None);

        var current = withComment.Value!;
        Assert.Equal((1L, s_bob.At, "bob"), (current.TotalComment, current.UpdatedAt, current.UpdatedBy!.Username));
        var comment = current.Comments.Single();
        Assert.Equal("first look", comment.GetProperty("comment").GetString());
        Assert.Equal("user", comment.GetProperty("type").GetString());
        Assert.Equal("bob", comment.GetProperty("created_by").GetProperty("username").GetString());
        Assert.NotEqual(stored.Version, current.Version);
        Assert.Equal(StoreOutcome.Conflict, staleUpdate.Outcome);
        Assert.Equal(1, (await Store.FindAsync(stored.Id, CancellationToken.None))!.TotalComment);
        Assert.Equal(StoreOutcome.NotFound, (await Store.AddCommentAsync("ghost", "x", s_bob, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_comment_edit_checks_the_comment_its_case_its_type_then_its_version()
    {
        var stored = await CreateAsync("case");
        var other = await CreateAsync("other case");
        var comment = (await Store.AddCommentAsync(stored.Id, "draft", s_bob, CancellationToken.None)).Value!.Comments.Single();
        var (id, version) = (comment.GetProperty("id").GetString()!, comment.GetProperty("version").GetString()!);

        var unknown = await Store.UpdateCommentAsync(stored.Id, new CommentPatch("ghost", version, "user", "x"), s_bob, CancellationToken.None);
        var elsewhere = await Store.UpdateCommentAsync(other.Id, new CommentPatch(id, version, "user", "x"), s_bob, CancellationToken.None);
        var retyped = await Store.UpdateCommentAsync(stored.Id, new CommentPatch(id, "stale", "alert", "x"), s_bob, CancellationToken.None);
        var stale = await Store.UpdateCommentAsync(stored.Id, new CommentPatch(id, "stale", "user", "x"), s_bob, CancellationToken.None);
        var edited = await Store.UpdateCommentAsync(stored.Id, new CommentPatch(id, version, "user", "final"), s_bob with { At = "2026-02-02T00:00:00.000Z" }, CancellationToken.None);
        var again = await Store.UpdateCommentAsync(stored.Id, new CommentPatch(id, version, "user", "again"), s_bob, CancellationToken.None);

        Assert.Equal((StoreOutcome.NotFound, "Saved object [cases-comments/ghost] not found"), (unknown.Outcome, unknown.Message));
        Assert.Equal((StoreOutcome.NotFound, $"This comment {id} does not exist in {other.Id})."), (elsewhere.Outcome, elsewhere.Message));
        Assert.Equal((StoreOutcome.Refused, "You cannot change the type of the comment."), (retyped.Outcome, retyped.Message));
        Assert.Equal((StoreOutcome.Conflict, "This case has been updated. Please refresh before saving additional updates."), (stale.Outcome, stale.Message));
        var after = (await Store.GetCommentAsync(stored.Id, id, CancellationToken.None)).Value!;
        Assert.Equal(("final", "2026-02-02T00:00:00.000Z", "bob"), (after.Comment, after.UpdatedAt, after.UpdatedBy!.Username));
        Assert.Equal("2026-02-02T00:00:00.000Z", edited.Value!.UpdatedAt);
        Assert.Equal(StoreOutcome.Conflict, again.Outcome); // the version used above is stale now
    }

    [Fact]
    public async Task Comments_are_listed_oldest_first_and_deleted_one_or_all()
    {
        var stored = await CreateAsync("case");
        foreach (var text in new[] { "one", "two", "three" })
        {
            await Store.AddCommentAsync(stored.Id, text, s_bob, CancellationToken.None);
        }

        var listed = (await Store.GetCommentsAsync(stored.Id, CancellationToken.None)).Value!;
        var deletedOne = await Store.DeleteCommentAsync(stored.Id, listed[1].Id, CancellationToken.None);
        var deletedAgain = await Store.DeleteCommentAsync(stored.Id, listed[1].Id, CancellationToken.None);
        var remaining = (await Store.GetCommentsAsync(stored.Id, CancellationToken.None)).Value!;
        var deletedAll = await Store.DeleteCommentsAsync(stored.Id, CancellationToken.None);

        Assert.Equal(["one", "two", "three"], listed.Select(c => c.Comment));
        Assert.Equal(StoreOutcome.Done, deletedOne.Outcome);
        Assert.Equal(StoreOutcome.NotFound, deletedAgain.Outcome);
        Assert.Equal(["one", "three"], remaining.Select(c => c.Comment));
        Assert.Equal(2, deletedAll.Value);
        Assert.Empty((await Store.GetCommentsAsync(stored.Id, CancellationToken.None)).Value!);
        Assert.Equal(StoreOutcome.NotFound, (await Store.GetCommentsAsync("ghost", CancellationToken.None)).Outcome);
        Assert.Equal(StoreOutcome.NotFound, (await Store.DeleteCommentsAsync("ghost", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Tags_are_listed_once_each_and_reporters_once_per_username()
    {
        await CreateAsync("a", tags: ["phishing", "email"], user: "alice");
        await CreateAsync("b", tags: ["email", "malware"], user: "alice");
        await CreateAsync("c", tags: [], user: "carol");
        await CreateAsync("d", tags: ["phishing"], user: null);

        Assert.Equal(["email", "malware", "phishing"], await Store.GetTagsAsync(CancellationToken.None));
        var reporters = await Store.GetReportersAsync(CancellationToken.None);
        Assert.Equal(["alice", "carol"], reporters.Select(r => r.Username));
        Assert.Equal("alice@example.com", reporters[0].Email);
    }

    [Fact]
    public async Task Sixteen_concurrent_updates_from_one_read_version_write_exactly_once()
    {
        var stored = await CreateAsync("contended");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            Store.UpdateAsync([new CasePatch { Id = stored.Id, Version = stored.Version, Title = "writer " + i }], s_bob, CancellationToken.None))));

        var winner = Assert.Single(results, r => r.IsDone);
        Assert.All(results.Where(r => !r.IsDone), r => Assert.Equal(StoreOutcome.Conflict, r.Outcome));
        Assert.Equal(CaseDocument.ToJson(winner.Value!.Single()), CaseDocument.ToJson((await Store.FindAsync(stored.Id, CancellationToken.None))!));
    }

    [Fact]
    public async Task Starting_again_on_the_same_database_migrates_nothing_and_keeps_the_cases()
    {
        var stored = await CreateAsync("kept");

        await Store.InitializeAsync(CancellationToken.None);
        var next = await CreateAsync("next");

        Assert.NotNull(await Store.FindAsync(stored.Id, CancellationToken.None));
        Assert.True(SequenceNumber(next.Version) > SequenceNumber(stored.Version));
    }

    /// <summary>Creates a case as the create handler would, by <paramref name="user"/> (null: without security).</summary>
    protected async Task<Case> CreateAsync(string title, string description = "described", string[]? tags = null, string? user = "alice")
    {
        var createdAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(Interlocked.Increment(ref _clock))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return await Store.CreateAsync(new Case
        {
            Id = Guid.NewGuid().ToString("D"),
            Version = CaseVersion.Of(0),
            Comments = [],
            TotalComment = 0,
            Title = title,
            Description = description,
            Tags = tags ?? [],
            ClosedAt = null,
            ClosedBy = null,
            CreatedAt = createdAt,
            CreatedBy = user is null ? new User() : new User { Username = user, Email = user + "@example.com", FullName = null },
            ExternalService = null,
            Status = CaseStatus.Open,
            UpdatedAt = null,
            UpdatedBy = null,
            Connector = s_example.Connector,
            Settings = s_example.Settings,
        }, CancellationToken.None);
    }

    private static string VersionText(string version) => Encoding.UTF8.GetString(Convert.FromBase64String(version));

    private static long SequenceNumber(string version) => long.Parse(VersionText(version).TrimStart('[').Split(',')[0], CultureInfo.InvariantCulture);
}
