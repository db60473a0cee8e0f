using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>
/// The one way to read articles readers may see. The reader site, feeds, sitemaps and the public API all
/// read through here, so a draft can never leak.
/// </summary>
public sealed class PublishedArticles(BroadsheetDb db, TimeProvider clock)
{
    /// <summary>Published articles, untracked, newest first, with what a listing shows (section, topics, byline, hero).</summary>
    public IQueryable<Article> Query()
    {
        var now = clock.GetUtcNow();
        return db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.FirstPublishedAt <= now)
            .Include(a => a.Section)
            .Include(a => a.HeroImage)
            .Include(a => a.Topics.OrderBy(t => t.Position)).ThenInclude(t => t.Topic)
            .Include(a => a.Byline.OrderBy(c => c.Position)).ThenInclude(c => c.Contributor)
            .OrderByDescending(a => a.FirstPublishedAt)
            .ThenByDescending(a => a.Id)
            .AsSplitQuery();
    }

    public Task<Article?> FindAsync(int id, CancellationToken ct = default) =>
        Query().Include(a => a.Notes.OrderBy(n => n.At)).FirstOrDefaultAsync(a => a.Id == id, ct);

    public IQueryable<Article> InSection(string path) =>
        Query().Where(a => a.Section.Path == path || a.Section.Path.StartsWith(path + "/"));

    public IQueryable<Article> WithTopic(string slug) => Query().Where(a => a.Topics.Any(t => t.Topic.Slug == slug));

    public IQueryable<Article> By(string contributorSlug) => Query().Where(a => a.Byline.Any(c => c.Contributor.Slug == contributorSlug));
}
