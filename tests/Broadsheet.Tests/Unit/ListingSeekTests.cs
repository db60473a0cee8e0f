using Broadsheet.Articles;

namespace Broadsheet.Tests.Unit;

/// <summary>The walk over a listing's per-day counts that finds where a page starts, and how a change moves the counts.</summary>
public sealed class ListingSeekTests
{
    private const int Today = 740_000;

    // Newest first: yesterday 5, the day before none, then 3, then 10.
    private static readonly (int Day, int Count)[] Days = [(Today - 1, 5), (Today - 2, 0), (Today - 3, 3), (Today - 4, 10)];

    private static Task<PageSeek.Seek?> Find(long skip, int take, int todayCount) =>
        PageSeek.FindAsync(skip, take, Today, todayCount, Days.ToAsyncEnumerable(), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_page_inside_today_reads_only_today()
    {
        Assert.Equal(new PageSeek.Seek(null, ListingKeys.StartOf(Today), 2), await Find(2, 3, todayCount: 6));
    }

    [Fact]
    public async Task A_page_from_today_into_older_days_is_bounded_by_the_day_it_ends_in()
    {
        // Today holds 4; rows 2..8 end three rows into the day before yesterday (4 + 5 = 9 covers skip 2 + take 7).
        Assert.Equal(new PageSeek.Seek(null, ListingKeys.StartOf(Today - 1), 2), await Find(2, 7, todayCount: 4));
        Assert.Equal(new PageSeek.Seek(null, ListingKeys.StartOf(Today - 3), 2), await Find(2, 8, todayCount: 4));
    }

    [Fact]
    public async Task A_deep_page_skips_whole_days_by_their_counts()
    {
        // 2 today, 5 yesterday, 3 on day -3: skip 9 starts on day -3 at its third row (9 - 7 = 2) and ends on day -4.
        Assert.Equal(new PageSeek.Seek(ListingKeys.StartOf(Today - 2), ListingKeys.StartOf(Today - 4), 2), await Find(9, 4, todayCount: 2));
        // Empty days are passed over: skip 7 starts at day -3's first row.
        Assert.Equal(new PageSeek.Seek(ListingKeys.StartOf(Today - 2), ListingKeys.StartOf(Today - 3), 0), await Find(7, 3, todayCount: 2));
    }

    [Fact]
    public async Task The_last_page_has_no_lower_bound_and_past_the_end_is_null()
    {
        // 20 in all: skip 15 takes what is left of day -4 and runs out.
        Assert.Equal(new PageSeek.Seek(ListingKeys.StartOf(Today - 3), null, 5), await Find(15, 10, todayCount: 2));
        Assert.Null(await Find(20, 10, todayCount: 2));
        Assert.Null(await Find(long.MaxValue / 2, 10, todayCount: 2));
    }

    [Fact]
    public void Day_numbers_bound_whole_UTC_days()
    {
        var at = new DateTimeOffset(2026, 12, 6, 23, 59, 59, TimeSpan.FromHours(-5));
        var day = ListingKeys.DayOf(at);
        Assert.Equal(new DateOnly(2026, 12, 7).DayNumber, day);
        Assert.True(ListingKeys.StartOf(day) <= at && at < ListingKeys.StartOf(day + 1));
    }

    [Fact]
    public void An_article_counts_in_all_its_section_and_ancestors_topics_and_byline()
    {
        var parents = new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = 2 };
        Assert.Equal(["all", "s3", "s2", "s1", "t7", "c9"], ListingKeys.Of(3, parents, [7, 7], [9]));
    }

    [Fact]
    public void A_change_moves_the_day_and_the_total_by_what_differs()
    {
        ListedArticle Listed(int id, int day, string listings) => new() { ArticleId = id, Day = day, Listings = listings };
        var changes = ListingCounts.Changes(
            [Listed(1, 100, "all s1 t5"), Listed(2, 100, "all s1")],
            [Listed(1, 101, "all s1 t6")]);
        Assert.Equal(
            new Dictionary<(string, int), int>
            {
                [("all", 100)] = -2, [("s1", 100)] = -2, [("t5", 100)] = -1,
                [("all", 101)] = 1, [("s1", 101)] = 1, [("t6", 101)] = 1,
                [("all", 0)] = -1, [("s1", 0)] = -1, [("t5", 0)] = -1, [("t6", 0)] = 1,
            },
            changes);
    }
}
