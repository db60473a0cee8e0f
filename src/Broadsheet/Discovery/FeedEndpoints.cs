using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Media;
using Broadsheet.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Discovery;

/// <summary>
/// The article feeds: RSS 2.0 and Atom 1.0 of the newest published articles on the home page, in a section (with its
/// subsections), on a topic and by an author. They are reader responses (<see cref="ReaderPageMarker"/>): ETag over
/// the body and Last-Modified from the newest change, 304 to either, Cache-Control, and output caching under the tags
/// of the page they follow plus <see cref="CacheTags.Feeds"/>, so the same writes that evict the page evict its feeds.
/// </summary>
internal static class FeedEndpoints
{
    public static void Map(WebApplication app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("Feeds")
            .WithMetadata(ReaderPageMarker.Instance)
            .CacheOutput(ReaderCachePolicy.Name);
        foreach (var format in Enum.GetValues<FeedFormat>())
        {
            feeds.MapGet("/" + FeedUrls.FileName(format), (HttpContext http, ArticleFeeds source, CancellationToken ct) =>
                    source.HomeAsync(http, format, ct))
                .WithName(format == FeedFormat.Rss ? "HomeRss" : "HomeAtom")
                .WithSummary($"The home page's {format} feed: the newest published articles.");
        }
        feeds.MapGet("/sections/{**file}", (string file, HttpContext http, ArticleFeeds source, CancellationToken ct) =>
                source.SectionAsync(http, file, ct))
            .WithName("SectionFeed")
            .WithSummary("A section's feed with its subsections' articles: /feeds/sections/{path}/rss.xml or atom.xml.");
        feeds.MapGet("/topics/{slug}/{file}", (string slug, string file, HttpContext http, ArticleFeeds source, CancellationToken ct) =>
                source.TopicAsync(http, slug, file, ct))
            .WithName("TopicFeed")
            .WithSummary("A topic's feed: /feeds/topics/{slug}/rss.xml or atom.xml.");
        feeds.MapGet("/authors/{slug}/{file}", (string slug, string file, HttpContext http, ArticleFeeds source, CancellationToken ct) =>
                source.AuthorAsync(http, slug, file, ct))
            .WithName("AuthorFeed")
            .WithSummary("An author's feed: /feeds/authors/{slug}/rss.xml or atom.xml.");
    }
}

/// <summary>Reads the articles of one feed (published only) and writes it.</summary>
internal sealed class ArticleFeeds(SiteChrome chrome, PublishedArticles published, BroadsheetDb db, IOptions<DiscoveryOptions> options)
{
    private readonly DiscoveryOptions discovery = options.Value;

    public async Task<IResult> HomeAsync(HttpContext http, FeedFormat format, CancellationToken ct)
    {
        await chrome.LoadAsync(ct);
        var name = chrome.Publication.Name;
        return await WriteAsync(http, format, published.Query(), CacheTags.Home, "/", FeedUrls.Home,
            name, chrome.Publication.Tagline ?? $"The latest news from {name}.", ct);
    }

    public async Task<IResult> SectionAsync(HttpContext http, string file, CancellationToken ct)
    {
        var slash = file.LastIndexOf('/');
        if (slash <= 0 || FeedUrls.FormatOf(file[(slash + 1)..]) is not { } format)
        {
            return TypedResults.NotFound();
        }
        var path = file[..slash];
        if (await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Path == path, ct) is not { } section)
        {
            return TypedResults.NotFound();
        }
        await chrome.LoadAsync(ct);
        return await WriteAsync(http, format, published.InSection(section.Path), CacheTags.Section(section.Path),
            ArticleUrls.SectionPath(section.Path), f => FeedUrls.Section(section.Path, f),
            $"{chrome.Publication.Name}: {section.Name}", $"The latest {section.Name} news from {chrome.Publication.Name}.", ct);
    }

    public async Task<IResult> TopicAsync(HttpContext http, string slug, string file, CancellationToken ct)
    {
        if (FeedUrls.FormatOf(file) is not { } format
            || await db.Topics.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct) is not { } topic)
        {
            return TypedResults.NotFound();
        }
        await chrome.LoadAsync(ct);
        return await WriteAsync(http, format, published.WithTopic(topic.Slug), CacheTags.Topic(topic.Slug),
            ArticleUrls.TopicPath(topic.Slug), f => FeedUrls.Topic(topic.Slug, f),
            $"{chrome.Publication.Name}: {topic.Name}", topic.Description ?? $"News about {topic.Name} from {chrome.Publication.Name}.", ct);
    }

    public async Task<IResult> AuthorAsync(HttpContext http, string slug, string file, CancellationToken ct)
    {
        if (FeedUrls.FormatOf(file) is not { } format
            || await db.Contributors.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct) is not { } contributor)
        {
            return TypedResults.NotFound();
        }
        await chrome.LoadAsync(ct);
        return await WriteAsync(http, format, published.By(contributor.Slug), CacheTags.Author(contributor.Slug),
            ArticleUrls.AuthorPath(contributor.Slug), f => FeedUrls.Author(contributor.Slug, f),
            $"{chrome.Publication.Name}: {contributor.Name}", $"Articles by {contributor.Name} in {chrome.Publication.Name}.", ct);
    }

    private async Task<IResult> WriteAsync(
        HttpContext http, FeedFormat format, IQueryable<Article> query, string pageTag, string pagePath, Func<FeedFormat, string> feedPath,
        string title, string description, CancellationToken ct)
    {
        ResponseCacheTags.Add(http, [pageTag, CacheTags.Feeds]);
        var articles = await query.Take(discovery.FeedLength).ToListAsync(ct);
        string Absolute(string path) => chrome.Absolute(http.Request, path);
        var host = new Uri(Absolute("/")).Host;
        var entries = articles.Select(a => Entry(a, host, Absolute)).ToList();
        var updated = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.Updated);
        var selfRss = Absolute(feedPath(FeedFormat.Rss));
        var document = new FeedDocument(title, description, chrome.Publication.Language, Absolute(pagePath), selfRss,
            Absolute(feedPath(FeedFormat.Atom)), discovery.PingsWebSub ? discovery.WebSubHub : null,
            Absolute(feedPath(format)), updated, chrome.Publication.Name, entries);
        // Whole seconds: HTTP dates have no finer grain, and a later If-Modified-Since must compare equal.
        http.Response.Headers.LastModified = HeaderUtilities.FormatDate(DateTimeOffset.FromUnixTimeSeconds(updated.ToUnixTimeSeconds()));
        return TypedResults.Bytes(FeedWriter.Write(document, format), FeedUrls.ContentType(format) + "; charset=utf-8");
    }

    private static FeedEntry Entry(Article a, string host, Func<string, string> absolute)
    {
        var published = a.FirstPublishedAt!.Value;
        var categories = new List<FeedCategory> { new(a.Section.Path, a.Section.Name, absolute(ArticleUrls.SectionPath(a.Section.Path))) };
        categories.AddRange(a.Topics.Select(t => new FeedCategory(t.Topic.Slug, t.Topic.Name, absolute(ArticleUrls.TopicPath(t.Topic.Slug)))));
        return new FeedEntry(
            ArticleId(host, a.Id, published),
            a.Headline,
            absolute(a.PublicPath),
            a.Summary.Count > 0 ? string.Join(" ", a.Summary.Select(p => p.TrimEnd('.') + ".")) : a.Headline,
            published,
            a.LastUpdatedAt ?? published,
            a.Language,
            [.. a.Byline.Select(b => b.Contributor.Name)],
            categories,
            a.HeroImage is { } hero ? Image(hero, a.HeroAlt, a.HeroCredit, absolute) : null);
    }

    /// <summary>A tag URI (RFC 4151): the article's id under the site's host, dated by its first publication, never changing with its URL.</summary>
    public static string ArticleId(string host, int id, DateTimeOffset published) =>
        $"tag:{host},{published.UtcDateTime:yyyy-MM-dd}:article/{id}";

    private static FeedImage? Image(Image hero, string? alt, string? credit, Func<string, string> absolute)
    {
        var jpegs = hero.Renditions.Where(r => r.Format == RenditionMaker.Jpeg).OrderBy(r => r.Width).ToList();
        // Feed readers show the picture at column width: 1280 is sharp there without sending the largest file.
        var main = jpegs.LastOrDefault(r => r.Width <= 1280) ?? jpegs.FirstOrDefault();
        if (main is null)
        {
            return null;
        }
        var thumbnail = hero.Renditions.FirstOrDefault(r => r.Format == CardCrops.Wide) ?? jpegs[0];
        return new FeedImage(absolute(ImageSources.UrlOf(main.Path)), "image/jpeg", main.Width, main.Height, main.Bytes,
            alt ?? hero.Alt, credit ?? hero.Credit, absolute(ImageSources.UrlOf(thumbnail.Path)), thumbnail.Width, thumbnail.Height);
    }
}
