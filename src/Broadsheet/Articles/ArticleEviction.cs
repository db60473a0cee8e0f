using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

internal static class ArticleEviction
{
    /// <summary>Evicts the pages of the published articles in <paramref name="articles"/> and the given tags.</summary>
    // evicted by the change-tracker interceptor once wm-core merges
    public static async Task EvictArticlesAsync(this ContentCache cache, IQueryable<Article> articles, IEnumerable<string> tags, CancellationToken ct)
    {
        var ids = await articles.Where(a => a.Status == ArticleStatus.Published).Select(a => a.Id).ToListAsync(ct);
        await cache.EvictAsync(ids.Select(CacheTags.Article).Concat(tags), ct);
    }
}
