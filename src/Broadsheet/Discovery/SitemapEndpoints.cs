using System.Globalization;
using System.Text.RegularExpressions;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Media;
using Broadsheet.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Discovery;

/// <summary>
/// <c>/sitemap.xml</c>, an index of: <c>/sitemaps/pages.xml</c> (home, sections, topics, authors),
/// <c>/sitemaps/news.xml</c> (Google News: the last 48 hours) and one sitemap of articles per month of first
/// publication (<c>/sitemaps/articles-2026-11.xml</c>; a month of more than 50,000 continues in
/// <c>articles-2026-11-2.xml</c> and on). Article sitemaps are streamed from the query as they are written
/// (<see cref="ReaderPageMarker.Streamed"/>) and output-cached under <c>home</c> and <c>feeds</c>, which every change
/// to a published article, section, topic or author evicts.
/// </summary>
internal static partial class SitemapEndpoints
{
    public const string ContentType = "application/xml; charset=utf-8";
    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);

    private static readonly string[] Tags = [CacheTags.Home, CacheTags.Feeds];

    public static void Map(WebApplication app)
    {
        app.MapGet("/sitemap.xml", IndexAsync)
            .WithName("SitemapIndex").WithSummary("The sitemap index: pages, news and one article sitemap per month (or part of one).")
            .WithTags("Sitemaps").WithMetadata(ReaderPageMarker.Streamed).CacheOutput(ReaderCachePolicy.Name);
        app.MapGet("/sitemaps/{file}", SitemapAsync)
            .WithName("Sitemap").WithSummary("pages.xml, news.xml, or articles-{yyyy}-{mm}[-{part}].xml.")
            .WithTags("Sitemaps").WithMetadata(ReaderPageMarker.Streamed).CacheOutput(ReaderCachePolicy.Name);
    }

    [GeneratedRegex(@"^articles-(?<year>\d{4})-(?<month>\d{2})(-(?<part>[1-9]\d{0,4}))?\.xml$")]
    private static partial Regex MonthFile();

    public static string MonthPath(int year, int month, int part) =>
        string.Create(CultureInfo.InvariantCulture, $"/sitemaps/articles-{year:0000}-{month:00}{(part > 1 ? $"-{part}" : "")}.xml");

    /// <remarks>
    /// The month sitemaps carry no lastmod here: the newest update among a month's articles costs a read of every
    /// article, and a lastmod that misses updates would be worse than none. Each URL in them has its own.
    /// </remarks>
    private static async Task<IResult> IndexAsync(HttpContext http, SiteChrome chrome, PublishedArticles published, CancellationToken ct)
    {
        await chrome.LoadAsync(ct);
        ResponseCacheTags.Add(http, Tags);
        var months = await ArticleMonths.CountAsync(published, ct);
        return TypedResults.Stream(async body =>
        {
            await using var sitemap = SitemapWriter.Index(body);
            await sitemap.WriteAsync(new SitemapRef(chrome.Absolute(http.Request, "/sitemaps/pages.xml"), null), ct);
            await sitemap.WriteAsync(new SitemapRef(chrome.Absolute(http.Request, "/sitemaps/news.xml"), null), ct);
            foreach (var month in months)
            {
                for (var part = 1; (part - 1) * SitemapWriter.MaxUrls < month.Count; part++)
                {
                    await sitemap.WriteAsync(new SitemapRef(chrome.Absolute(http.Request, MonthPath(month.Year, month.Month, part)), null), ct);
                }
            }
            await sitemap.CompleteAsync(ct);
        }, ContentType);
    }

    private static async Task<IResult> SitemapAsync(string file, HttpContext http, SiteChrome chrome, PublishedArticles published, BroadsheetDb db, TimeProvider clock, CancellationToken ct)
    {
        await chrome.LoadAsync(ct);
        ResponseCacheTags.Add(http, Tags);
        string Absolute(string path) => chrome.Absolute(http.Request, path);
        if (file == "pages.xml")
        {
            return PagesSitemap(db, Absolute, ct);
        }
        if (file == "news.xml")
        {
            var since = clock.GetUtcNow() - NewsWindow;
            // Google News takes news, not advertising.
            return NewsSitemap(published.Visible().Where(a => a.FirstPublishedAt >= since && a.Type != ArticleType.Sponsored),
                chrome.Publication.Name, Absolute, ct);
        }
        var match = MonthFile().Match(file);
        if (!match.Success || !int.TryParse(match.Groups["year"].Value, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(match.Groups["month"].Value, CultureInfo.InvariantCulture, out var month) || year < 1 || month is < 1 or > 12)
        {
            return TypedResults.NotFound();
        }
        var part = match.Groups["part"].Success ? int.Parse(match.Groups["part"].Value, CultureInfo.InvariantCulture) : 1;
        var start = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddMonths(1);
        var articles = published.Visible()
            .Where(a => a.FirstPublishedAt >= start && a.FirstPublishedAt < end)
            .OrderBy(a => a.FirstPublishedAt).ThenBy(a => a.Id)
            .Skip((part - 1) * SitemapWriter.MaxUrls);
        // The parts a month has, and no others: a sitemap the index never named answers 404.
        if (!await articles.AnyAsync(ct))
        {
            return TypedResults.NotFound();
        }
        var rows = articles.Take(SitemapWriter.MaxUrls)
            .Select(a => new ArticleRow(a.Id, a.Slug, a.Section.Path, a.FirstPublishedAt!.Value, a.LastUpdatedAt, a.HeroImage == null ? null : a.HeroImage.Renditions));
        return TypedResults.Stream(async body =>
        {
            await using var sitemap = SitemapWriter.UrlSet(body);
            await foreach (var a in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                await sitemap.WriteAsync(new SitemapUrl(Absolute(ArticleUrls.PathOf(a.SectionPath, a.Id, a.Slug)), a.LastUpdatedAt ?? a.Published, HeroUrl(a.Hero, Absolute)), ct);
            }
            await sitemap.CompleteAsync(ct);
        }, ContentType);
    }

    private static IResult PagesSitemap(BroadsheetDb db, Func<string, string> absolute, CancellationToken ct) =>
        TypedResults.Stream(async body =>
        {
            await using var sitemap = SitemapWriter.UrlSet(body);
            await sitemap.WriteAsync(new SitemapUrl(absolute("/")), ct);
            await foreach (var path in db.Sections.AsNoTracking().OrderBy(s => s.Path).Select(s => s.Path).AsAsyncEnumerable().WithCancellation(ct))
            {
                await sitemap.WriteAsync(new SitemapUrl(absolute(ArticleUrls.SectionPath(path))), ct);
            }
            await foreach (var slug in db.Topics.AsNoTracking().OrderBy(t => t.Slug).Select(t => t.Slug).AsAsyncEnumerable().WithCancellation(ct))
            {
                await sitemap.WriteAsync(new SitemapUrl(absolute(ArticleUrls.TopicPath(slug))), ct);
            }
            await foreach (var slug in db.Contributors.AsNoTracking().OrderBy(c => c.Slug).Select(c => c.Slug).AsAsyncEnumerable().WithCancellation(ct))
            {
                await sitemap.WriteAsync(new SitemapUrl(absolute(ArticleUrls.AuthorPath(slug))), ct);
            }
            await sitemap.CompleteAsync(ct);
        }, ContentType);

    private static IResult NewsSitemap(IQueryable<Article> recent, string publicationName, Func<string, string> absolute, CancellationToken ct)
    {
        var rows = recent
            .OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id)
            .Take(SitemapWriter.MaxNewsUrls)
            .Select(a => new { a.Id, a.Slug, SectionPath = a.Section.Path, Published = a.FirstPublishedAt!.Value, a.LastUpdatedAt, a.Headline, a.Language, Hero = a.HeroImage == null ? null : a.HeroImage.Renditions });
        return TypedResults.Stream(async body =>
        {
            await using var sitemap = SitemapWriter.UrlSet(body, news: true);
            await foreach (var a in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                var news = new SitemapNews(publicationName, SitemapWriter.NewsLanguage(a.Language), a.Published, a.Headline);
                await sitemap.WriteAsync(new SitemapUrl(absolute(ArticleUrls.PathOf(a.SectionPath, a.Id, a.Slug)), a.LastUpdatedAt ?? a.Published, HeroUrl(a.Hero, absolute), news), ct);
            }
            await sitemap.CompleteAsync(ct);
        }, ContentType);
    }

    /// <summary>The largest JPEG rendition: search engines index the picture itself, so the sharpest one.</summary>
    private static string? HeroUrl(List<Rendition>? renditions, Func<string, string> absolute) =>
        renditions?.Where(r => r.Format == RenditionMaker.Jpeg).MaxBy(r => r.Width) is { } best ? absolute(ImageSources.UrlOf(best.Path)) : null;

    private sealed record ArticleRow(int Id, string Slug, string SectionPath, DateTimeOffset Published, DateTimeOffset? LastUpdatedAt, List<Rendition>? Hero);
}

/// <summary>How many published articles a month holds.</summary>
public sealed record ArticleMonth(int Year, int Month, int Count);

public static class ArticleMonths
{
    /// <summary>
    /// Newest month first, empty months left out: the per-day counts the writers keep (<see cref="ListingCounts"/>),
    /// summed by month, so the index reads a few thousand small rows at any size instead of counting the articles.
    /// </summary>
    public static async Task<List<ArticleMonth>> CountAsync(PublishedArticles published, CancellationToken ct)
    {
        var days = await published.DaysAsync(ct);
        return [.. days.GroupBy(d => (d.Day.Year, d.Day.Month))
            .Select(g => new ArticleMonth(g.Key.Year, g.Key.Month, g.Sum(d => d.Count)))];
    }
}
