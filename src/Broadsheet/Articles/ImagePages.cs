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
    /// the pages with ad slots when an ad shows it, and for a contributor's photo their author page, the authors index
    /// and the pages of the published articles in their byline (whose author box shows it).
    /// </summary>
    public static async Task<List<string>> TagsAsync(BroadsheetDb db, Guid imageId, CancellationToken ct)
    {
        // Bodies are JSON text in both databases; an image block names the image by its id, which nothing else contains.
        var inBody = "%" + imageId.ToString("D") + "%";
        var published = nameof(ArticleStatus.Published);
        var bodyUses = await db.Database
            .SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Articles" WHERE "Status" = {published} AND "Body" LIKE {inBody}""")
            .ToListAsync(ct);
        var portrayed = await db.Contributors.AsNoTracking().Where(c => c.PhotoId == imageId).Select(c => new { c.Id, c.Slug }).ToListAsync(ct);
        var portrayedIds = portrayed.Select(c => c.Id).ToList();
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published
                && (a.HeroImageId == imageId || bodyUses.Contains(a.Id) || a.Byline.Any(b => portrayedIds.Contains(b.ContributorId))))
            .Include(a => a.Section).Include(a => a.Topics).ThenInclude(t => t.Topic).Include(a => a.Byline).ThenInclude(b => b.Contributor)
            .ToListAsync(ct);
        var tags = articles.SelectMany(CacheTags.For);
        if (portrayed.Count > 0)
        {
            tags = tags.Concat([CacheTags.AuthorIndex, CacheTags.Home, .. portrayed.Select(c => CacheTags.Author(c.Slug))]);
        }
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
