using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Discovery;
using Broadsheet.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Reader;

public sealed class TopicPageModel(SiteChrome chrome, PublishedArticles published, BroadsheetDb db) : ReaderPageModel(chrome)
{
    public Topic Topic { get; private set; } = null!;

    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        if (!ModelState.IsValid || await db.Topics.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct) is not { } topic
            || await Listing.PageAsync(published, ListingScope.Topic(topic.Id), ArticleUrls.TopicPath(topic.Slug), page, ct) is not var (articles, pager))
        {
            return NotFound();
        }
        Topic = topic;
        Articles = articles;
        Pager = pager;
        await Chrome.LoadAsync(ct);
        Listing.Describe(Meta, topic.Name, topic.Description ?? $"News about {topic.Name} from {Chrome.Publication.Name}.", pager);
        Meta.Alternates = FeedUrls.Links($"{Chrome.Publication.Name}: {topic.Name}", f => FeedUrls.Topic(topic.Slug, f));
        TagCache([CacheTags.Topic(topic.Slug), CacheTags.Standards]);
        return Page();
    }
}
