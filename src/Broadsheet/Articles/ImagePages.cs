using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>The cached pages a library image's changes (alt text, caption, credit, crops) make stale.</summary>
public static class ImagePages
{
    /// <summary>
    /// The tags of every page that shows the image as a published article's hero picture (the article's page and the
    /// listings whose cards show its thumbnail), and of the pages with ad slots, for ads that show it.
    /// </summary>
    public static async Task<List<string>> TagsAsync(BroadsheetDb db, Guid imageId, CancellationToken ct)
    {
        var heroOf = await db.Articles.AsNoTracking().Where(a => a.HeroImageId == imageId && a.Status == ArticleStatus.Published)
            .Include(a => a.Section).Include(a => a.Topics).ThenInclude(t => t.Topic).Include(a => a.Byline).ThenInclude(b => b.Contributor)
            .ToListAsync(ct);
        return [.. heroOf.SelectMany(CacheTags.For).Append(CacheTags.Ads).Distinct()];
    }
}
