using Broadsheet.Articles;
using Broadsheet.FrontPage;
using Broadsheet.Tests.Reader;
using Microsoft.AspNetCore.Http;

namespace Broadsheet.Tests.FrontPage;

/// <summary>The front page's layout and automatic order as pure logic, and which beacons count as a read.</summary>
public sealed class FrontPageLayoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Section World = new() { Id = 1, Path = "world", Name = "World" };
    private static readonly Section Business = new() { Id = 2, Path = "business", Name = "Business" };
    private static readonly Section Europe = new() { Id = 3, Path = "world/europe", Name = "Europe", ParentId = 1 };
    private static readonly Contributor Writer = new() { Id = 1, Slug = "w", Name = "W" };

    private static Article Story(int id, double hoursAgo, Section? section = null, bool picture = true, int words = 300, bool summary = true, bool byline = true) => new()
    {
        Id = id,
        Slug = $"story-{id}",
        Headline = $"Story {id}",
        Section = section ?? World,
        Summary = summary ? [$"Summary {id}"] : [],
        Body = ReaderData.Paragraphs(words),
        HeroImageId = picture ? Guid.NewGuid() : null,
        Byline = byline ? [new BylineEntry { Contributor = Writer }] : [],
        Status = ArticleStatus.Published,
        FirstPublishedAt = Now.AddHours(-hoursAgo),
    };

    private static FrontPageView Compose(IReadOnlyList<FrontPageSlot> slots, IReadOnlyList<Article> recent, IReadOnlyList<Article>? mostRead = null, DateTimeOffset? at = null) =>
        FrontPageLayout.Compose(slots, recent.ToDictionary(a => a.Id), recent, mostRead ?? [], [World, Business], at ?? Now);

    [Fact]
    public void A_one_sentence_story_without_byline_or_picture_does_not_lead_however_new()
    {
        var bare = Story(1, hoursAgo: 0.1, picture: false, words: 12, summary: false, byline: false);
        var full = Story(2, hoursAgo: 5);
        var plain = Story(3, hoursAgo: 1, picture: false);
        var view = Compose([], [bare, plain, full]);
        Assert.Equal(2, view.Lead!.Id);
        // The rest in the automatic order: the full story without a picture, then the bare one.
        Assert.Equal([3, 1], view.Top.Select(a => a.Id));
        Assert.True(AutomaticOrder.IsThin(bare));
        Assert.False(AutomaticOrder.IsThin(full));
    }

    [Fact]
    public void The_automatic_order_is_recent_first_among_stories_that_lack_nothing()
    {
        var ranked = AutomaticOrder.Rank([Story(1, 10), Story(2, 1), Story(3, 5)], Now);
        Assert.Equal([2, 3, 1], ranked.Select(a => a.Id));
        // A picture is worth a few hours, not days: a day-old story with one does not beat this morning's without.
        Assert.Equal([5, 4], AutomaticOrder.Rank([Story(4, 30), Story(5, 2, picture: false)], Now).Select(a => a.Id));
        // Only thin stories: the lead is still the best of them rather than none.
        Assert.Equal(6, AutomaticOrder.PickLead([Story(6, 1, words: 10)])!.Id);
        Assert.Null(AutomaticOrder.PickLead([]));
    }

    [Fact]
    public void A_curated_lead_leads_only_between_its_start_and_expiry()
    {
        var pinned = Story(1, hoursAgo: 40, picture: false);
        var recent = new[] { Story(2, 1), Story(3, 2), pinned };
        var slots = new[] { new FrontPageSlot { Position = 0, ArticleId = 1, StartsAt = Now.AddHours(1), ExpiresAt = Now.AddHours(3) } };

        Assert.Equal(2, Compose(slots, recent).Lead!.Id);
        Assert.Equal(Now.AddHours(1), Compose(slots, recent).NextChange);
        Assert.Equal(1, Compose(slots, recent, at: Now.AddHours(1)).Lead!.Id);
        Assert.Equal(Now.AddHours(3), Compose(slots, recent, at: Now.AddHours(1)).NextChange);
        Assert.Equal(1, Compose(slots, recent, at: Now.AddHours(3).AddTicks(-1)).Lead!.Id);
        var after = Compose(slots, recent, at: Now.AddHours(3));
        Assert.Equal(2, after.Lead!.Id);
        Assert.Null(after.NextChange);
    }

    [Fact]
    public void Curated_top_stories_come_first_in_their_order_and_the_rest_fill_automatically()
    {
        var recent = Enumerable.Range(1, 12).Select(i => Story(i, i)).ToList();
        var slots = new[]
        {
            new FrontPageSlot { Position = 1, ArticleId = 9 },
            new FrontPageSlot { Position = 2, ArticleId = 7 },
            new FrontPageSlot { Position = 3, ArticleId = 8, ExpiresAt = Now.AddMinutes(-1) },
        };
        var view = Compose(slots, recent);
        Assert.Equal(1, view.Lead!.Id);
        Assert.Equal([9, 7, 2, 3, 4, 5], view.Top.Select(a => a.Id));
    }

    [Fact]
    public void No_story_appears_twice_anywhere_on_the_page()
    {
        var recent = new List<Article> { Story(1, 1), Story(2, 2, Business), Story(3, 3, Europe), Story(4, 4, Business) };
        recent.AddRange(Enumerable.Range(5, 20).Select(i => Story(i, 5 + i, i % 2 == 0 ? Business : Europe)));
        // The pinned lead is also a top story's id, the most read repeat the lead and top stories, every story is in a section.
        var slots = new[] { new FrontPageSlot { Position = 0, ArticleId = 3 }, new FrontPageSlot { Position = 1, ArticleId = 3 }, new FrontPageSlot { Position = 2, ArticleId = 4 } };
        var view = Compose(slots, recent, mostRead: [recent[2], recent[3], recent[0], recent[20], recent[21]]);

        var ids = view.All.Select(a => a.Id).ToList();
        Assert.Equal(ids.Distinct(), ids);
        Assert.Equal(4, view.Top[0].Id);
        Assert.Equal(FrontPageLayout.TopCount, view.Top.Count);
        Assert.Equal([21, 22], view.MostRead.Select(a => a.Id));
        // Subsections' stories fill their top-level section's row.
        Assert.Equal(["world", "business"], view.Rows.Select(r => r.Section.Path));
        Assert.All(view.Rows, r => Assert.Equal(FrontPageLayout.PerSectionCount, r.Articles.Count));
        Assert.All(view.Rows[0].Articles, a => Assert.StartsWith("world", a.Section.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_slot_naming_a_story_readers_cannot_see_is_left_out()
    {
        var recent = new[] { Story(2, 1), Story(3, 2) };
        var view = FrontPageLayout.Compose([new FrontPageSlot { Position = 0, ArticleId = 99 }], recent.ToDictionary(a => a.Id), recent, [], [World], Now);
        Assert.Equal(2, view.Lead!.Id);
    }

    private static HttpRequest Beacon(string? agent, string? origin = "https://news.example", string? site = "same-origin", string? purpose = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Host = new HostString("news.example");
        if (agent is not null) http.Request.Headers.UserAgent = agent;
        if (origin is not null) http.Request.Headers.Origin = origin;
        if (site is not null) http.Request.Headers["Sec-Fetch-Site"] = site;
        if (purpose is not null) http.Request.Headers["Sec-Purpose"] = purpose;
        return http.Request;
    }

    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string Safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    [Fact]
    public void Only_a_browsers_own_beacon_from_this_site_counts_as_a_read()
    {
        Assert.True(ReadSignal.IsReader(Beacon(Firefox)));
        Assert.True(ReadSignal.IsReader(Beacon(Safari, site: null)));
        Assert.False(ReadSignal.IsReader(Beacon("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")));
        Assert.False(ReadSignal.IsReader(Beacon("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36")));
        Assert.False(ReadSignal.IsReader(Beacon("facebookexternalhit/1.1")));
        Assert.False(ReadSignal.IsReader(Beacon("curl/8.5.0")));
        Assert.False(ReadSignal.IsReader(Beacon(null)));
        Assert.False(ReadSignal.IsReader(Beacon(Firefox, origin: null)));
        Assert.False(ReadSignal.IsReader(Beacon(Firefox, origin: "https://elsewhere.example")));
        Assert.False(ReadSignal.IsReader(Beacon(Firefox, site: "cross-site")));
        Assert.False(ReadSignal.IsReader(Beacon(Firefox, purpose: "prefetch;prerender")));
    }

    [Fact]
    public void Reads_are_counted_by_the_hour()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero), ReadCounter.HourOf(Now.AddMinutes(59).AddSeconds(59)));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero), ReadCounter.HourOf(new DateTimeOffset(2026, 3, 2, 13, 30, 0, TimeSpan.FromHours(2))));
    }
}
