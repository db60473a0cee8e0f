using Broadsheet.Articles;
using Broadsheet.Discovery;
using Broadsheet.FrontPage;
using Broadsheet.Rendering;

namespace Broadsheet.Reader;

/// <summary>
/// The front page: the lead and top stories editors chose (<see cref="FrontPageStories"/>) or the automatic order,
/// the most read, and a row per section, each story once. Cached under <c>home</c> until the next time a chosen
/// story starts or expires.
/// </summary>
public sealed class IndexModel(SiteChrome chrome, FrontPageStories stories, TimeProvider clock) : ReaderPageModel(chrome)
{
    public FrontPageView Front { get; private set; } = new(null, [], [], [], null);

    public Words Words { get; private set; } = Words.For(null);

    public IReadOnlyList<RelatedArticle> MostRead => [.. Front.MostRead.Select(a => new RelatedArticle(a.Id, a.Slug, a.Headline, a.Section.Path, a.Language, a.FirstPublishedAt!.Value))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Chrome.LoadAsync(ct);
        Words = Words.For(Chrome.Publication.Language);
        Front = await stories.LoadAsync(Chrome.Sections, ct);
        Meta.Description = Chrome.Publication.Tagline ?? $"The latest news from {Chrome.Publication.Name}.";
        Meta.CanonicalPath = "/";
        Meta.Alternates = FeedUrls.Links(Chrome.Publication.Name, FeedUrls.Home);
        TagCache([CacheTags.Home, CacheTags.Standards]);
        if (Front.NextChange is { } next)
        {
            ResponseCacheLifetime.AtMost(HttpContext, next - clock.GetUtcNow());
        }
    }
}
