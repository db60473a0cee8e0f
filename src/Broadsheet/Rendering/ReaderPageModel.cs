using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Rendering;

/// <summary>A reader page: the site chrome, the head metadata, and the cache tags of everything it shows.</summary>
public abstract class ReaderPageModel(SiteChrome chrome) : PageModel
{
    public const int PageSize = 20;

    public SiteChrome Chrome { get; } = chrome;

    public PageMeta Meta { get; } = new();

    /// <summary>Which inline stylesheet the page carries.</summary>
    public virtual PageStyle Style => PageStyle.Pages;

    /// <summary>The page's frame as the layout writes it (<see cref="PageLayout"/>).</summary>
    public PageFrame Frame => field ??= new PageFrame(Chrome, Meta, Style);

    /// <summary>The page's language: the article's on an article page, else the publication's.</summary>
    public string Language => Frame.Language;

    /// <summary>The page furniture in the page's language.</summary>
    public Words PageWords => Frame.PageWords;

    /// <inheritdoc cref="PageFrame.ChromeLang"/>
    public string? ChromeLang => Frame.ChromeLang;

    /// <inheritdoc cref="PageFrame.InChromeLang"/>
    public IHtmlContent InChromeLang(string text) => Frame.InChromeLang(text);

    /// <summary>The reader page being rendered, for partials whose model is something else (an ad slot, a card).</summary>
    public static ReaderPageModel? Of(HttpContext context) =>
        context.Items.TryGetValue(typeof(ReaderPageModel), out var page) ? page as ReaderPageModel : null;

    /// <summary>The furniture of the page being rendered; English outside reader pages.</summary>
    public static Words WordsOf(HttpContext context) => Of(context)?.PageWords ?? Words.For(null);

    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        HttpContext.Items[typeof(ReaderPageModel)] = this;
        return base.OnPageHandlerExecutionAsync(context, next);
    }

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
