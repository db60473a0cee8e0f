using Broadsheet.Articles;
using Broadsheet.Rendering;

namespace Broadsheet.Reader;

/// <summary>One page of a newest-first listing (section, topic, author).</summary>
public static class Listing
{
    /// <summary>The articles of page <paramref name="page"/> of a listing and whether a next page exists; null when the page is out of range (past the end: a 404 found from the stored counts, without reading rows).</summary>
    public static async Task<(List<Article> Articles, Pager Pager)?> PageAsync(PublishedArticles published, ListingScope scope, string basePath, int page, CancellationToken ct)
    {
        if (page < 1 || await published.PageAsync(scope, page, ReaderPageModel.PageSize, ct) is not { } found)
        {
            return null;
        }
        return (found.Articles, new Pager(basePath, page, found.HasNext));
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
