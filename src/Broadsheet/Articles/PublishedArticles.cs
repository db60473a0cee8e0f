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
                .Include(a => a.Byline.OrderBy(c => c.Position)).ThenInclude(c => c.Contributor)
                .Include(a => a.Notes.OrderBy(n => n.At))
                .AsSingleQuery()
                .FirstOrDefault()));

    /// <summary>Published articles, untracked, as bare rows: for queries that only filter or join on them (search).</summary>
    public IQueryable<Article> Visible()
    {
        var now = clock.GetUtcNow();
        return db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now);
    }

    /// <summary>Published articles, untracked, newest first, with what a listing shows (section, topics, byline, hero).</summary>
    public IQueryable<Article> Query()
    {
        return Visible()
            .Include(a => a.Section)
            .Include(a => a.HeroImage)
            .Include(a => a.Topics.OrderBy(t => t.Position)).ThenInclude(t => t.Topic)
            .Include(a => a.Byline.OrderBy(c => c.Position)).ThenInclude(c => c.Contributor)
            .OrderByDescending(a => a.FirstPublishedAt)
            .ThenByDescending(a => a.Id)
            .AsSplitQuery();

    /// <summary>One published article with everything its page shows: section, hero, topics, byline and notes, in order.</summary>
    public Task<Article?> FindAsync(int id, CancellationToken ct = default) => ById.For(db)(db, id, clock.GetUtcNow(), ct);

    public IQueryable<Article> InSection(string path) =>
        Query().Where(a => a.Section.Path == path || a.Section.Path.StartsWith(path + "/"));

    public IQueryable<Article> WithTopic(string slug) => Query().Where(a => a.Topics.Any(t => t.Topic.Slug == slug));

    public IQueryable<Article> By(string contributorSlug) => Query().Where(a => a.Byline.Any(c => c.Contributor.Slug == contributorSlug));
}
