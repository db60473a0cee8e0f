using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Broadsheet.Tests.Reader;

namespace Broadsheet.Tests.Discovery;

/// <summary>The article feeds on the seeded reader site, read back with .NET's feed parser.</summary>
public class FeedTests(ReaderSite site)
{
    private const string MediaNs = "http://search.yahoo.com/mrss/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private const string Lead = "Border talks resume after a year of silence";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<(SyndicationFeed Feed, XDocument Xml, HttpResponseMessage Response)> LoadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var reader = XmlReader.Create(new StringReader(text));
        return (SyndicationFeed.Load(reader), XDocument.Parse(text), response);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_home_feeds_carry_each_article_with_its_summary_dates_byline_categories_language_and_picture(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var client = app.Client();
        var (rss, rssXml, rssResponse) = await LoadAsync(client, "/feeds/rss.xml");
        var (atom, atomXml, atomResponse) = await LoadAsync(client, "/feeds/atom.xml");
        Assert.Equal("application/rss+xml", rssResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/atom+xml", atomResponse.Content.Headers.ContentType!.MediaType);

        foreach (var feed in new[] { rss, atom })
        {
            Assert.Equal(ReaderData.PublicationName, feed.Title.Text);
            // Newest first; drafts and embargoed stories never appear.
            var titles = feed.Items.Select(i => i.Title.Text).ToList();
            Assert.Equal(["A sample story about the port", "Ferry strike ends", Lead, "Port fees to rise"], titles.Take(4));
            Assert.Equal(4 + ReaderData.ArchiveCount, titles.Count);
            Assert.DoesNotContain("Unpublished draft headline", titles);
            Assert.DoesNotContain("Embargoed story headline", titles);

            var lead = feed.Items.Single(i => i.Title.Text == Lead);
            Assert.Equal(ReaderData.BaseUrl + data.LeadPath, lead.Links.First(l => l.RelationshipType is null or "alternate").Uri.ToString());
            Assert.StartsWith("tag:ledger.example,", lead.Id, StringComparison.Ordinal);
            Assert.EndsWith($":article/{data.LeadId}", lead.Id, StringComparison.Ordinal);
            Assert.Equal("Delegations met near the border for the first time in a year. Both sides agreed a timetable for technical talks.", lead.Summary.Text);
            Assert.True(lead.LastUpdatedTime > lead.PublishDate, "updated after it was published");
            var categories = lead.Categories.Select(c => c.Label ?? c.Name).ToList();
            Assert.Equal(["East Asia", "Border Talks", "Shipping"], categories);
        }
        Assert.Equal(rss.Items.Select(i => i.Id), atom.Items.Select(i => i.Id));

        // RSS: the byline as dc:creator, the language, the picture with its size, and the feed's own address.
        var rssLead = rssXml.Descendants("item").Single(i => i.Element("title")!.Value == Lead);
        Assert.Equal(["Mara Lindqvist", "Coastal Wire"], rssLead.Elements(XName.Get("creator", DcNs)).Select(e => e.Value));
        Assert.Equal("en", rssLead.Element(XName.Get("language", DcNs))!.Value);
        var content = rssLead.Element(XName.Get("content", MediaNs))!;
        Assert.Equal($"{ReaderData.BaseUrl}/media/hero/800.jpg", content.Attribute("url")!.Value);
        Assert.Equal(("image", "800", "450"), (content.Attribute("medium")!.Value, content.Attribute("width")!.Value, content.Attribute("height")!.Value));
        Assert.Equal("Ledger photographer", content.Element(XName.Get("credit", MediaNs))!.Value);
        var thumbnail = rssLead.Element(XName.Get("thumbnail", MediaNs))!;
        Assert.Equal(("640", "360"), (thumbnail.Attribute("width")!.Value, thumbnail.Attribute("height")!.Value));
        Assert.Contains(rss.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == ReaderData.BaseUrl + "/feeds/rss.xml");
        // No hub is configured on this site, so the feeds name none.
        Assert.DoesNotContain(rss.Links.Concat(atom.Links), l => l.RelationshipType == "hub");

        // Atom: authors, the entry's language and the same picture.
        var atomLead = atom.Items.Single(i => i.Title.Text == Lead);
        Assert.Equal(["Mara Lindqvist", "Coastal Wire"], atomLead.Authors.Select(a => a.Name));
        var entry = atomXml.Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")).Single(e => e.Elements().Any(c => c.Name.LocalName == "title" && c.Value == Lead));
        Assert.Equal("en", entry.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal($"{ReaderData.BaseUrl}/media/hero/800.jpg", entry.Element(XName.Get("content", MediaNs))!.Attribute("url")!.Value);
        Assert.Contains(atom.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == ReaderData.BaseUrl + "/feeds/atom.xml");
        Assert.Contains(atom.Links, l => l.RelationshipType == "alternate" && l.Uri.ToString() == ReaderData.BaseUrl + "/");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Section_topic_and_author_feeds_hold_their_pages_articles_and_unknown_ones_are_404(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        var client = app.Client();

        // A section's feed includes its subsections' articles.
        var (asia, _, _) = await LoadAsync(client, "/feeds/sections/asia/rss.xml");
        Assert.Equal($"{ReaderData.PublicationName}: Asia", asia.Title.Text);
        Assert.Equal([Lead], asia.Items.Select(i => i.Title.Text));
        var (eastAsia, _, _) = await LoadAsync(client, "/feeds/sections/asia/east-asia/atom.xml");
        Assert.Equal([Lead], eastAsia.Items.Select(i => i.Title.Text));

        var (talks, _, _) = await LoadAsync(client, "/feeds/topics/border-talks/atom.xml");
        Assert.Equal([Lead], talks.Items.Select(i => i.Title.Text));
        var (agency, _, _) = await LoadAsync(client, "/feeds/authors/coastal-wire/rss.xml");
        Assert.Equal(["Ferry strike ends", Lead], agency.Items.Take(2).Select(i => i.Title.Text));
        Assert.Equal(2 + ReaderData.ArchiveCount, agency.Items.Count());

        foreach (var path in new[]
        {
            "/feeds/sections/nowhere/rss.xml", "/feeds/sections/asia/feed.json", "/feeds/sections/rss.xml", "/feeds/topics/no-such-topic/rss.xml",
            "/feeds/authors/nobody/atom.xml", "/feeds/topics/border-talks/index.html",
        })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Feeds_answer_conditional_requests_with_304(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        var client = app.Client();
        using var first = await client.GetAsync("/feeds/topics/shipping/rss.xml", Ct);
        var etag = first.Headers.ETag!;
        var modified = first.Content.Headers.LastModified!.Value;
        Assert.Contains("public", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/feeds/topics/shipping/rss.xml");
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byTag, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/feeds/topics/shipping/rss.xml");
        byDate.Headers.IfModifiedSince = modified;
        using var notModifiedSince = await client.SendAsync(byDate, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);

        using var older = new HttpRequestMessage(HttpMethod.Get, "/feeds/topics/shipping/rss.xml");
        older.Headers.IfModifiedSince = modified.AddSeconds(-1);
        using var changed = await client.SendAsync(older, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Each_listing_page_names_its_feeds_in_its_head(DatabaseProvider provider)
    {
        var (app, _) = site[provider];
        var client = app.Client();
        foreach (var (page, feeds) in new[]
        {
            ("/", "/feeds/"), ("/news/asia/east-asia", "/feeds/sections/asia/east-asia/"), ("/topics/shipping", "/feeds/topics/shipping/"),
            ("/authors/mara-lindqvist", "/feeds/authors/mara-lindqvist/"),
        })
        {
            var doc = await client.GetDocumentAsync(page);
            var links = doc.QuerySelectorAll("head link[rel=alternate]").Where(l => !l.GetAttribute("href")!.Contains("podcast", StringComparison.Ordinal))
                .Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
            Assert.Equal([("application/rss+xml", feeds + "rss.xml"), ("application/atom+xml", feeds + "atom.xml")], links);
            // Each one answers.
            foreach (var (_, href) in links)
            {
                using var response = await client.GetAsync(href, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }
}
