using Broadsheet.Data;
using Broadsheet.Media;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Articles;

/// <summary>The cached pages a library image's changes (alt text, caption, credit, crops) make stale.</summary>
public static class ImagePages
{
    /// <summary>
    /// The tags of every page that shows the image: published articles with it as their hero picture (the article's
    /// page and the listings whose cards show its thumbnail) or in their body, standards pages with it in their body,
    /// and the pages with ad slots when an ad shows it.
    /// </summary>
    public static async Task<List<string>> TagsAsync(BroadsheetDb db, Guid imageId, CancellationToken ct)
    {
        // Bodies are JSON text in both databases; an image block names the image by its id, which nothing else contains.
        var inBody = "%" + imageId.ToString("D") + "%";
        var published = nameof(ArticleStatus.Published);
        var bodyUses = await db.Database
            .SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Articles" WHERE "Status" = {published} AND "Body" LIKE {inBody}""")
            .ToListAsync(ct);
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && (a.HeroImageId == imageId || bodyUses.Contains(a.Id)))
            .Include(a => a.Section).Include(a => a.Topics).ThenInclude(t => t.Topic).Include(a => a.Byline).ThenInclude(b => b.Contributor)
            .ToListAsync(ct);
        var tags = articles.SelectMany(CacheTags.For);
        // Every page with an ad slot carries the ads tag: only an ad that shows the image is worth evicting them all.
        if (await db.AdCreatives.AnyAsync(a => a.ImageId == imageId, ct))
        {
            tags = tags.Append(CacheTags.Ads);
        }
        var standards = await db.Database
            .SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "StandardsPages" WHERE "Body" LIKE {inBody}""")
            .ToListAsync(ct);
        if (standards.Count > 0)
        {
            tags = tags.Append(CacheTags.Standards);
        }
        return [.. tags.Distinct()];
    }
}

/// <summary>Articles, standards pages and contributors' photos as users of library images.</summary>
internal sealed class ArticleImageUses(BroadsheetDb db) : IImageDependents
{
    public async Task<string?> UseOfAsync(Guid imageId, CancellationToken ct)
    {
        if (await db.Articles.AnyAsync(a => a.HeroImageId == imageId, ct))
        {
            return "it is an article's hero image";
        }
        if (await db.Contributors.AnyAsync(c => c.PhotoId == imageId, ct))
        {
            return "it is a contributor's photo";
        }
        // Bodies are JSON text; image blocks hold the id in its standard form.
        var pattern = "%" + imageId.ToString("D") + "%";
        if (await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"Articles\" WHERE \"Body\" LIKE {pattern}").SingleAsync(ct) > 0)
        {
            return "an article's body shows it";
        }
        if (await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"StandardsPages\" WHERE \"Body\" LIKE {pattern}").SingleAsync(ct) > 0)
        {
            return "a standards page shows it";
        }
        return null;
    }
}
