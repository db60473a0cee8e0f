using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Rendering;

/// <summary>A reader page: the site chrome, the head metadata, and the cache tags of everything it shows.</summary>
public abstract class ReaderPageModel(SiteChrome chrome) : PageModel
{
    public const int PageSize = 20;

    public SiteChrome Chrome { get; } = chrome;

    public PageMeta Meta { get; } = new();

    /// <summary>Tags the cached page, so that evicting any of these tags drops it.</summary>
    protected void TagCache(IEnumerable<string> tags) => ResponseCacheTags.Add(HttpContext, tags);

    protected void TagCache(string tag) => TagCache([tag]);
}

/// <summary>Where a listing page is in its pages; page 1 has no <c>?page=</c>.</summary>
public sealed record Pager(string BasePath, int Page, bool HasNext)
{
    public string? PreviousPath => Page <= 1 ? null : Page == 2 ? BasePath : $"{BasePath}?page={Page - 1}";

    public string? NextPath => HasNext ? $"{BasePath}?page={Page + 1}" : null;

    public string? CanonicalPath => Page <= 1 ? BasePath : $"{BasePath}?page={Page}";
}
