using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>
/// The one way to read articles readers may see. The reader site, feeds, sitemaps and the public API all
/// read through here, so a draft can never leak.
/// </summary>
public sealed class PublishedArticles(BroadsheetDb db, TimeProvider clock)
{
    // The article page's query, compiled once: building and looking up the LINQ tree cost more than running it.
    // One query rather than split ones: topics, byline and notes are a handful of rows each, and on SQLite a
    // statement round trip costs more than the few repeated rows of the join.
    private static readonly PerModel<Func<BroadsheetDb, int, DateTimeOffset, CancellationToken, Task<Article?>>> ById = new(() =>
        EF.CompileAsyncQuery((BroadsheetDb db, int id, DateTimeOffset now, CancellationToken ct) =>
            db.Articles.AsNoTracking()
                .Where(a => a.Id == id && a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now)
                .Include(a => a.Section)
                .Include(a => a.HeroImage)
                .Include(a => a.Topics.OrderBy(t => t.Position)).ThenInclude(t => t.Topic)
                .Include(a => a.Byline.OrderBy(c => c.Position)).ThenInclude(c => c.Contributor).ThenInclude(c => c!.Photo)
                .Include(a => a.Notes.OrderBy(n => n.At))
                .AsSingleQuery()
                .FirstOrDefault()));

    /// <summary>Published articles, untracked, as bare rows: for queries that only filter or join on them (search).</summary>
    public IQueryable<Article> Visible()
    {
        var now = clock.GetUtcNow();
        return db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now);
    }

    // "More on" a topic: the newest published articles among the topic's latest rows. The rows are read newest id first
    // from the (TopicId, ArticleId) index and cut at a bound before the join, so a topic with a hundred thousand articles
    // costs what one with ten does; ids grow with creation, so the newest rows hold the newest stories.
    private static readonly PerModel<Func<BroadsheetDb, int, int, DateTimeOffset, IAsyncEnumerable<RelatedArticle>>> OnTopic = new(() =>
        EF.CompileAsyncQuery((BroadsheetDb db, int topicId, int exceptId, DateTimeOffset now) =>
            db.Set<ArticleTopic>()
                .Where(t => t.TopicId == topicId && t.ArticleId != exceptId)
                .OrderByDescending(t => t.ArticleId)
                .Take(ReadingOn.Candidates)
                .Join(db.Articles, t => t.ArticleId, a => a.Id, (t, a) => a)
                .Where(a => a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now)
                .OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id)
                .Take(ReadingOn.Count)
                .Select(a => new RelatedArticle(a.Id, a.Slug, a.Headline, a.Section.Path, a.Language, a.FirstPublishedAt!.Value))));

    // "More from" a section: one range of the (SectionId, Status, FirstPublishedAt) index, newest first. Twice the list's
    // length, so that it still fills after the stories "More on" shows are taken out.
    private static readonly PerModel<Func<BroadsheetDb, int, int, DateTimeOffset, IAsyncEnumerable<RelatedArticle>>> InSectionNewest = new(() =>
        EF.CompileAsyncQuery((BroadsheetDb db, int sectionId, int exceptId, DateTimeOffset now) =>
            db.Articles
                .Where(a => a.SectionId == sectionId && a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now && a.Id != exceptId)
                .OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id)
                .Take(2 * ReadingOn.Count)
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
    public Task<Article?> FindAsync(int id, CancellationToken ct = default) => ById.For(db)(db, id, clock.GetUtcNow(), ct);

    /// <summary>What to read next at the end of <paramref name="article"/>: more on its primary topic, more from its section.</summary>
    public async Task<ReadingOn> ReadingOnAsync(Article article, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<RelatedArticle> onTopic = [];
        if (article.PrimaryTopic is { } topic)
        {
            await foreach (var related in OnTopic.For(db)(db, topic.Id, article.Id, now).WithCancellation(ct))
            {
                onTopic.Add(related);
            }
        }
        List<RelatedArticle> inSection = [];
        await foreach (var related in InSectionNewest.For(db)(db, article.SectionId, article.Id, now).WithCancellation(ct))
        {
            inSection.Add(related);
        }
        return ReadingOn.From(article, onTopic, inSection);
    }

    /// <summary>Every topic with at least one published article, and how many it has.</summary>
    public async Task<List<TopicCount>> TopicCountsAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        // One GROUP BY over the topic rows of published articles; topics themselves are few and read apart.
        var counts = await db.Set<ArticleTopic>()
            .Join(db.Articles.Where(a => a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now), t => t.ArticleId, a => a.Id, (t, a) => t.TopicId)
            .GroupBy(topicId => topicId)
            .Select(g => new { TopicId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.TopicId, c => c.Count, ct);
        var ids = counts.Keys.ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        return [.. topics.Select(t => new TopicCount(t, counts[t.Id]))];
    }

    public IQueryable<Article> InSection(string path) =>
        Query().Where(a => a.Section.Path == path || a.Section.Path.StartsWith(path + "/"));

    public IQueryable<Article> WithTopic(string slug) => Query().Where(a => a.Topics.Any(t => t.Topic.Slug == slug));

    public IQueryable<Article> By(string contributorSlug) => Query().Where(a => a.Byline.Any(c => c.Contributor.Slug == contributorSlug));
}

public sealed record TopicCount(Topic Topic, int Articles);
