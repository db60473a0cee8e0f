using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Broadsheet.Tests.Reader;

namespace Broadsheet.Tests.Discovery;

/// <summary>Sitemaps and robots.txt on the seeded reader site, each validated against <see cref="SitemapSchemas"/>.</summary>
public class SitemapTests(ReaderSite site)
{
    internal static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    internal static readonly XNamespace ImageNs = "http://www.google.com/schemas/sitemap-image/1.1";
    internal static readonly XNamespace NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<XDocument> GetValidAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return SitemapSchemas.Validate(await response.Content.ReadAsStringAsync(Ct));
    }

    internal static List<string> Locs(XDocument sitemap) => [.. sitemap.Root!.Elements().Select(e => e.Element(Sm + "loc")!.Value)];

    internal static string MonthOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_index_names_the_pages_news_and_monthly_article_sitemaps_each_valid(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var client = app.Client();
        var index = await GetValidAsync(client, "/sitemap.xml");
        Assert.Equal(Sm + "sitemapindex", index.Root!.Name);
        var now = DateTimeOffset.UtcNow;
        // The seeded stories: most of them hours old, the archive ten days old (perhaps last month).
        var months = new[] { MonthOf(now.AddHours(-6)), MonthOf(now.AddHours(-1)), MonthOf(now.AddDays(-10)), MonthOf(now.AddDays(-10).AddHours(ReaderData.ArchiveCount)) }
            .Distinct().OrderDescending().Select(m => $"{ReaderData.BaseUrl}/sitemaps/articles-{m}.xml");
        Assert.Equal([$"{ReaderData.BaseUrl}/sitemaps/pages.xml", $"{ReaderData.BaseUrl}/sitemaps/news.xml", .. months], Locs(index));

        var articles = new List<XElement>();
        foreach (var loc in Locs(index))
        {
            var sitemap = await GetValidAsync(client, new Uri(loc).AbsolutePath);
            Assert.Equal(Sm + "urlset", sitemap.Root!.Name);
            if (loc.Contains("/articles-", StringComparison.Ordinal))
            {
                articles.AddRange(sitemap.Root.Elements(Sm + "url"));
            }
        }
        // Every published article once, and nothing else.
        Assert.Equal(4 + ReaderData.ArchiveCount, articles.Count);
        Assert.Equal(articles.Count, articles.Select(u => u.Element(Sm + "loc")!.Value).Distinct().Count());
        Assert.All(articles, u => Assert.Contains("/article/", u.Element(Sm + "loc")!.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(articles, u => u.Element(Sm + "loc")!.Value.Contains($"/article/{data.DraftId}/", StringComparison.Ordinal)
            || u.Element(Sm + "loc")!.Value.Contains($"/article/{data.FutureId}/", StringComparison.Ordinal));

        // The lead: lastmod is its update time, and its hero picture is an image entry.
        var lead = articles.Single(u => u.Element(Sm + "loc")!.Value == ReaderData.BaseUrl + data.LeadPath);
        var lastmod = DateTimeOffset.Parse(lead.Element(Sm + "lastmod")!.Value, CultureInfo.InvariantCulture);
        Assert.InRange(lastmod, now.AddHours(-1).AddMinutes(-5), now.AddHours(-1).AddMinutes(5));
        Assert.Equal($"{ReaderData.BaseUrl}/media/hero/800.jpg", lead.Element(ImageNs + "image")!.Element(ImageNs + "loc")!.Value);
        Assert.Null(articles.Single(u => u.Element(Sm + "loc")!.Value == ReaderData.BaseUrl + data.WorldPath).Element(ImageNs + "image"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_news_sitemap_holds_the_last_48_hours_with_publication_and_language(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var news = await GetValidAsync(app.Client(), "/sitemaps/news.xml");
        var urls = news.Root!.Elements(Sm + "url").ToList();
        // The four stories of the last hours, newest first; not the ten-day-old archive.
        Assert.Equal(["A sample story about the port", "Ferry strike ends", "Border talks resume after a year of silence", "Port fees to rise"],
            urls.Select(u => u.Element(NewsNs + "news")!.Element(NewsNs + "title")!.Value));
        var lead = urls.Single(u => u.Element(Sm + "loc")!.Value == ReaderData.BaseUrl + data.LeadPath).Element(NewsNs + "news")!;
        Assert.Equal(ReaderData.PublicationName, lead.Element(NewsNs + "publication")!.Element(NewsNs + "name")!.Value);
        Assert.Equal("en", lead.Element(NewsNs + "publication")!.Element(NewsNs + "language")!.Value);
        var published = DateTimeOffset.Parse(lead.Element(NewsNs + "publication_date")!.Value, CultureInfo.InvariantCulture);
        Assert.InRange(published, DateTimeOffset.UtcNow.AddHours(-4).AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(-4).AddMinutes(5));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task The_pages_sitemap_lists_home_sections_topics_and_authors(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        var pages = Locs(await GetValidAsync(app.Client(), "/sitemaps/pages.xml"));
        string[] paths =
        [
            "/", "/news/archive", "/news/asia", "/news/asia/east-asia", "/news/business", "/news/world",
            "/topics/border-talks", "/topics/shipping", "/authors/coastal-wire", "/authors/mara-lindqvist",
        ];
        Assert.Equal(paths.Select(p => ReaderData.BaseUrl + p), pages);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Robots_keep_crawlers_out_of_the_newsroom_and_admin_api_and_name_the_sitemaps(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        var client = app.Client();
        using var response = await client.GetAsync("/robots.txt", Ct);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["User-agent: *", "Disallow: /newsroom", "Disallow: /api/admin", $"Sitemap: {ReaderData.BaseUrl}/sitemap.xml", $"Sitemap: {ReaderData.BaseUrl}/sitemaps/news.xml"],
            lines);

        // Sitemaps the index does not name are 404, as are names that are not sitemaps.
        foreach (var path in new[] { "/sitemaps/articles-1999-01.xml", "/sitemaps/articles-2026-13.xml", "/sitemaps/articles-2026-11-0.xml", "/sitemaps/other.xml",
            $"/sitemaps/articles-{MonthOf(DateTimeOffset.UtcNow.AddHours(-2))}-2.xml" })
        {
            using var missing = await client.GetAsync(path, Ct);
            Assert.True(missing.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)missing.StatusCode}");
        }
        // No IndexNow key is configured, so no key file is served.
        using var key = await client.GetAsync("/abcdefgh12345678.txt", Ct);
        Assert.Equal(HttpStatusCode.NotFound, key.StatusCode);
    }
}
