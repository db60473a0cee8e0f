using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>
/// The one way to read articles readers may see. The reader site, feeds, sitemaps and the public API all
/// read through here, so a draft can never leak.
/// </summary>
public sealed class PublishedArticles(BroadsheetDb db, TimeProvider clock, ArticleStatements? statements = null)
{
    /// <summary>Published articles, untracked, as bare rows: for queries that only filter or join on them (search).</summary>
    public IQueryable<Article> Visible()
    {
        var now = clock.GetUtcNow();
        return db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now);
    }

    // "More on" a topic: the newest published articles among the topic's latest rows. The rows are read newest id first
    // from the (TopicId, ArticleId) index and cut at a bound before the join, so a topic with a hundred thousand articles
    // costs what one with ten does; ids grow with creation, so the newest rows hold the newest stories. The stories are
    // chosen on the ids alone and only they are read whole: on PostgreSQL the choice reads the partial index of published
    // ids with their publication time (ListingSchema), not a cold article row per candidate. One more than the list
    // shows, so that it still fills on the page of any one of them (ReadingOn.From leaves the page's own story out).
    private static readonly PerModel<Func<BroadsheetDb, int, DateTimeOffset, IAsyncEnumerable<RelatedArticle>>> OnTopic = new(() =>
        EF.CompileAsyncQuery((BroadsheetDb db, int topicId, DateTimeOffset now) =>
            db.Articles
                .Where(a => db.Set<ArticleTopic>()
                    .Where(t => t.TopicId == topicId)
                    .OrderByDescending(t => t.ArticleId)
                    .Take(ReadingOn.Candidates)
                    .Join(db.Articles, t => t.ArticleId, b => b.Id, (t, b) => b)
                    .Where(b => b.Status == ArticleStatus.Published && b.FirstPublishedAt <= now)
                    .OrderByDescending(b => b.FirstPublishedAt).ThenByDescending(b => b.Id)
                    .Take(ReadingOn.Count + 1)
                    .Select(b => b.Id)
                    .Contains(a.Id))
                .OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id)
                .Select(a => new RelatedArticle(a.Id, a.Slug, a.Headline, a.Section.Path, a.Language, a.FirstPublishedAt!.Value))));

    // "More from" a section: one range of the (SectionId, Status, FirstPublishedAt) index, newest first. Twice the list's
    // length and one, so that it still fills after the page's own story and those "More on" shows are taken out.
    private static readonly PerModel<Func<BroadsheetDb, int, DateTimeOffset, IAsyncEnumerable<RelatedArticle>>> InSectionNewest = new(() =>
        EF.CompileAsyncQuery((BroadsheetDb db, int sectionId, DateTimeOffset now) =>
            db.Articles
                .Where(a => a.SectionId == sectionId && a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now)
                .OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id)
                .Take(2 * ReadingOn.Count + 1)
                .Select(a => new RelatedArticle(a.Id, a.Slug, a.Headline, a.Section.Path, a.Language, a.FirstPublishedAt!.Value))));

    /// <summary>Published articles, untracked, newest first, with what a listing shows (section, topics, byline, hero).</summary>
    public IQueryable<Article> Query() =>
        Visible()
            .Include(a => a.Section)
            .Include(a => a.HeroImage)
            .Include(a => a.Topics.OrderBy(t => t.Position)).ThenInclude(t => t.Topic)
            .Include(a => a.Byline.OrderBy(c => c.Position)).ThenInclude(c => c.Contributor)
            .OrderByDescending(a => a.FirstPublishedAt)
            .ThenByDescending(a => a.Id)
            .AsSplitQuery();

    /// <summary>One published article with everything its page shows: section, hero, topics, byline and notes, in order.</summary>
    public Task<Article?> FindAsync(int id, CancellationToken ct = default) =>
        (statements ?? ArticleStatements.OnContextConnection).FindAsync(db, id, clock.GetUtcNow(), ct);

    /// <summary>What to read next at the end of <paramref name="article"/>: more on its primary topic, more from its section.</summary>
    public async Task<ReadingOn> ReadingOnAsync(Article article, CancellationToken ct = default) =>
        ReadingOn.From(article,
            article.PrimaryTopic is { } topic ? await TopicNewestAsync(topic.Id, ct) : [],
            await SectionNewestAsync(article.SectionId, ct));

    /// <summary>
    /// The candidates of the "More on" list of every article whose primary topic is <paramref name="topicId"/>, newest
    /// first: the same for all of them, so <see cref="ReadingOnCache"/> holds one per topic.
    /// </summary>
    public async Task<IReadOnlyList<RelatedArticle>> TopicNewestAsync(int topicId, CancellationToken ct = default)
    {
        List<RelatedArticle> list = [];
        await foreach (var related in OnTopic.For(db)(db, topicId, clock.GetUtcNow()).WithCancellation(ct))
        {
            list.Add(related);
        }
        return list;
    }

    /// <summary>The candidates of the "More from" list of every article of the section <paramref name="sectionId"/>, newest first: one per section.</summary>
    public async Task<IReadOnlyList<RelatedArticle>> SectionNewestAsync(int sectionId, CancellationToken ct = default)
    {
        List<RelatedArticle> list = [];
        await foreach (var related in InSectionNewest.For(db)(db, sectionId, clock.GetUtcNow()).WithCancellation(ct))
        {
            list.Add(related);
        }
        return list;
    }

    /// <summary>Every topic with at least one published article, and how many it has: the totals the writers keep (<see cref="ListingCounts"/>).</summary>
    public async Task<List<TopicCount>> TopicCountsAsync(CancellationToken ct = default)
    {
        var counts = await db.Set<ListingCount>().AsNoTracking()
            .Where(c => c.Day == ListingCounts.TotalDay && c.Count > 0 && EF.Functions.Like(c.Listing, "t%"))
            .ToDictionaryAsync(c => c.Listing, c => c.Count, ct);
        var topics = await db.Topics.AsNoTracking().ToListAsync(ct);
        return [.. topics.Where(t => counts.ContainsKey(ListingKeys.Topic(t.Id))).Select(t => new TopicCount(t, counts[ListingKeys.Topic(t.Id)]))];
    }

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of a listing, <paramref name="size"/> articles newest first with what a
    /// listing shows; null when the page is past the end (page 1 of an empty listing is an empty page). The page is
    /// found from the listing's per-day counts (<see cref="PageSeek"/>), so page 5,000 reads what page 1 does: the
    /// rows of the days it spans, by the listing's own index.
    /// </summary>
    public async Task<ListingPage?> PageAsync(ListingScope scope, int page, int size, CancellationToken ct = default)
    {
        var (today, recent) = await TodayAsync(scope, ct);
        // Each day read holds an article, so the page is covered within as many days as it has rows to skip and take:
        // page 1 reads a few day rows, not the listing's thousands (a reader stopped early still receives them all).
        var covering = (int)Math.Min(int.MaxValue, (long)(Math.Max(page, 1) - 1) * size + size + 1);
        var days = DaysBefore(scope, today).Where(c => c.Count > 0).OrderByDescending(c => c.Day).Take(covering).Select(c => new ValueTuple<int, int>(c.Day, c.Count));
        return await PageFromAsync(scope, page, size, today, recent, days.AsAsyncEnumerable(), ct);
    }

    /// <summary>
    /// <see cref="PageAsync"/> and <see cref="CountAsync"/> at once (the public API's listing): the day counts are read
    /// once for both, so the total costs no statement of its own. The page is null past the end.
    /// </summary>
    public async Task<(ListingPage? Page, int Total)> PageAndTotalAsync(ListingScope scope, int page, int size, CancellationToken ct = default)
    {
        var (today, recent) = await TodayAsync(scope, ct);
        var days = await Days(scope, today).ToListAsync(ct);
        var total = recent + days.Sum(d => d.Item2);
        return (await PageFromAsync(scope, page, size, today, recent, days.ToAsyncEnumerable(), ct), total);
    }

    // Today's rows are counted from the articles (the stored counts hold the days before it).
    private async Task<(int Today, int Recent)> TodayAsync(ListingScope scope, CancellationToken ct)
    {
        var today = ListingKeys.DayOf(clock.GetUtcNow());
        var todayStart = ListingKeys.StartOf(today);
        return (today, await scope.Filter(Visible()).CountAsync(a => a.FirstPublishedAt >= todayStart, ct));
    }

    // The stored counts of the listing's days before today.
    private IQueryable<ListingCount> DaysBefore(ListingScope scope, int today) =>
        db.Set<ListingCount>().AsNoTracking().Where(c => c.Listing == scope.Key && c.Day > ListingCounts.TotalDay && c.Day < today);

    private IQueryable<ValueTuple<int, int>> Days(ListingScope scope, int today) =>
        DaysBefore(scope, today).OrderByDescending(c => c.Day).Select(c => new ValueTuple<int, int>(c.Day, c.Count));

    private async Task<ListingPage?> PageFromAsync(ListingScope scope, int page, int size, int today, int recent, IAsyncEnumerable<(int, int)> days, CancellationToken ct)
    {
        var seek = await PageSeek.FindAsync((long)(Math.Max(page, 1) - 1) * size, size + 1, today, recent, days, ct);
        if (seek is null)
        {
            return page <= 1 ? new ListingPage([], false) : null;
        }
        var rows = scope.Filter(Visible());
        if (seek.Before is { } before)
        {
            rows = rows.Where(a => a.FirstPublishedAt < before);
        }
        if (seek.From is { } from)
        {
            rows = rows.Where(a => a.FirstPublishedAt >= from);
        }
        var ids = await rows.OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id)
            .Skip((int)seek.Offset).Take(size + 1).Select(a => a.Id).ToListAsync(ct);
        if (ids.Count == 0 && page > 1)
        {
            return null;
        }
        var hasNext = ids.Count > size;
        if (hasNext)
        {
            ids.RemoveAt(size);
        }
        return new ListingPage(await LoadAsync(ids, ct), hasNext);
    }

    /// <summary>How many articles a listing holds, from the stored counts (today's counted from the rows): no scan of the listing.</summary>
    public async Task<int> CountAsync(ListingScope scope, CancellationToken ct = default)
    {
        var (today, recent) = await TodayAsync(scope, ct);
        return recent + await DaysBefore(scope, today).SumAsync(c => c.Count, ct);
    }

    /// <summary>How many published articles each UTC day holds, newest first, days without any left out: from the stored counts, today's counted from the rows.</summary>
    public async Task<List<(DateOnly Day, int Count)>> DaysAsync(CancellationToken ct = default)
    {
        var today = ListingKeys.DayOf(clock.GetUtcNow());
        var todayStart = ListingKeys.StartOf(today);
        var recent = await Visible().CountAsync(a => a.FirstPublishedAt >= todayStart, ct);
        var days = await db.Set<ListingCount>().AsNoTracking()
            .Where(c => c.Listing == ListingKeys.All && c.Day > ListingCounts.TotalDay && c.Day < today && c.Count > 0)
            .OrderByDescending(c => c.Day)
            .Select(c => new { c.Day, c.Count })
            .ToListAsync(ct);
        return [.. days.Select(d => (Day: DateOnly.FromDayNumber(d.Day), d.Count)).Prepend((Day: DateOnly.FromDayNumber(today), Count: recent)).Where(d => d.Count > 0)];
    }

    /// <summary>The ids of a listing's newest <paramref name="count"/> articles: one statement, read in index order.</summary>
    public Task<List<int>> NewestIdsAsync(ListingScope scope, int count, CancellationToken ct = default) =>
        scope.Filter(Visible()).OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id).Take(count).Select(a => a.Id).ToListAsync(ct);

    /// <summary>
    /// Published articles by id with what a listing shows (section, hero, topics and byline in order; no body, no notes),
    /// in the order of <paramref name="ids"/> (ids no longer published are left out).
    /// </summary>
    public async Task<List<Article>> LoadAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var found = (await Listed(Visible().Where(a => ids.Contains(a.Id))).ToListAsync(ct)).ToDictionary(a => a.Id);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    // A listing's articles without their bodies, in one statement: no card and no API summary shows the body, and at a
    // million articles it was most of each row's bytes, read (often from disk) and parsed into blocks for nothing; the
    // split query's three statements were three round trips. The join repeats an article per topic and byline entry,
    // a few rows each.
    private static IQueryable<Article> Listed(IQueryable<Article> rows) =>
        rows.Select(a => new Article
        {
            Id = a.Id,
            Slug = a.Slug,
            Headline = a.Headline,
            Summary = a.Summary,
            HeroImageId = a.HeroImageId,
            HeroImage = a.HeroImage,
            HeroCaption = a.HeroCaption,
            HeroCredit = a.HeroCredit,
            HeroAlt = a.HeroAlt,
            SectionId = a.SectionId,
            Section = a.Section,
            Topics = a.Topics.OrderBy(t => t.Position)
                .Select(t => new ArticleTopic { ArticleId = t.ArticleId, TopicId = t.TopicId, Position = t.Position, Topic = t.Topic }).ToList(),
            Byline = a.Byline.OrderBy(c => c.Position)
                .Select(c => new BylineEntry { ArticleId = c.ArticleId, ContributorId = c.ContributorId, Position = c.Position, Contributor = c.Contributor }).ToList(),
            Type = a.Type,
            Language = a.Language,
            Dateline = a.Dateline,
            Sponsor = a.Sponsor,
            Methods = a.Methods,
            Status = a.Status,
            CreatedAt = a.CreatedAt,
            ModifiedAt = a.ModifiedAt,
            FirstPublishedAt = a.FirstPublishedAt,
            LastUpdatedAt = a.LastUpdatedAt,
            ScheduledFor = a.ScheduledFor,
            IsSample = a.IsSample,
            Version = a.Version,
            CreatedById = a.CreatedById,
            ModifiedBy = a.ModifiedBy,
            ModifiedById = a.ModifiedById,
        }).AsSingleQuery();

    /// <summary>Published articles in the section at <paramref name="path"/> and its subsections, by path (feeds); listings page through <see cref="PageAsync"/>.</summary>
    public IQueryable<Article> InSection(string path) =>
        Query().Where(a => a.Section.Path == path || a.Section.Path.StartsWith(path + "/"));

    public IQueryable<Article> WithTopic(string slug) => Query().Where(a => a.Topics.Any(t => t.Topic.Slug == slug));

    public IQueryable<Article> By(string contributorSlug) => Query().Where(a => a.Byline.Any(c => c.Contributor.Slug == contributorSlug));
}

public sealed record TopicCount(Topic Topic, int Articles);
