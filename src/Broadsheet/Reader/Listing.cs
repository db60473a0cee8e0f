using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Reader;

/// <summary>One page of a newest-first listing (section, topic, author).</summary>
public static class Listing
{
    /// <summary>The articles of page <paramref name="page"/> and whether a next page exists; null when the page number is out of range.</summary>
    public static async Task<(List<Article> Articles, Pager Pager)?> PageAsync(IQueryable<Article> query, string basePath, int page, CancellationToken ct)
    {
        if (page < 1 || page > 10_000)
        {
            return null;
        }
        var articles = await query.Skip(PageOffset.Of(page, ReaderPageModel.PageSize)).Take(ReaderPageModel.PageSize + 1).ToListAsync(ct);
        if (page > 1 && articles.Count == 0)
        {
            return null;
        }
        var hasNext = articles.Count > ReaderPageModel.PageSize;
        if (hasNext)
        {
            articles.RemoveAt(articles.Count - 1);
        }
        return (articles, new Pager(basePath, page, hasNext));
    }

    public static void Describe(PageMeta meta, string title, string description, Pager pager)
    {
        meta.Title = pager.Page > 1 ? $"{title} (page {pager.Page})" : title;
        meta.Description = description;
        meta.CanonicalPath = pager.CanonicalPath;
        meta.PreviousPath = pager.PreviousPath;
        meta.NextPath = pager.NextPath;
    }
}
