using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace Broadsheet.Tests.Reader;

public class ArticlePageTests(ReaderSite site)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Shows_the_article_elements_in_reading_order(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var doc = await app.Client().GetDocumentAsync(data.LeadPath);
        var article = doc.QuerySelector("main article")!;

        var topAd = article.QuerySelector(".ad")!;
        var topic = article.QuerySelector(".kicker a")!;
        var crumbs = article.QuerySelectorAll(".crumbs a");
        var h1 = article.QuerySelector("h1")!;
        var summary = article.QuerySelector("ul.summary")!;
        var readingTime = article.QuerySelectorAll("p").First(p => p.Text().StartsWith("Reading Time:", StringComparison.Ordinal));
        var trust = article.QuerySelector("a[href='/standards']")!;
        var hero = article.QuerySelector("figure.hero")!;
        var byline = article.QuerySelector(".byline")!;
        var body = article.QuerySelector(".body")!;
        var notes = article.QuerySelector(".notes")!;
        IElement[] inOrder = [topAd, topic, crumbs[0], crumbs[1], h1, summary, readingTime, trust, hero, byline, body, notes];
        for (var i = 1; i < inOrder.Length; i++)
        {
            Assert.True(inOrder[i - 1].CompareDocumentPosition(inOrder[i]).HasFlag(DocumentPositions.Following),
                $"element {i - 1} ({inOrder[i - 1].ClassName ?? inOrder[i - 1].TagName}) should come before element {i}");
        }

        Assert.Equal("Advertisement", topAd.QuerySelector(".ad-label").Text());
        Assert.Equal("Border Talks", topic.Text());
        Assert.Equal("/topics/border-talks", topic.GetAttribute("href"));
        Assert.Equal(["Asia", "East Asia"], crumbs.Select(a => a.Text()));
        Assert.Equal(["/news/asia", "/news/asia/east-asia"], crumbs.Select(a => a.GetAttribute("href")));
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Equal("Border talks resume after a year of silence", h1.Text());
        Assert.Equal(2, summary.QuerySelectorAll("li").Length);
        Assert.Equal("Reading Time: 4 minutes", readingTime.Text());
        Assert.Equal($"Why you can trust {ReaderData.PublicationName}", trust.Text());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Hero_is_a_responsive_eager_picture_with_the_articles_caption_and_credit(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var doc = await app.Client().GetDocumentAsync(data.LeadPath);
        var hero = doc.QuerySelector("figure.hero")!;
        var webp = hero.QuerySelector("picture source[type='image/webp']")!;
        Assert.Equal("/media/hero/400.webp 400w, /media/hero/800.webp 800w", webp.GetAttribute("srcset"));
        var img = hero.QuerySelector("picture img")!;
        Assert.Equal("/media/hero/400.jpg 400w, /media/hero/800.jpg 800w", img.GetAttribute("srcset"));
        Assert.Equal("/media/hero/800.jpg", img.GetAttribute("src"));
        Assert.Equal("800", img.GetAttribute("width"));
        Assert.Equal("450", img.GetAttribute("height"));
        Assert.Equal("high", img.GetAttribute("fetchpriority"));
        Assert.Null(img.GetAttribute("loading"));
        Assert.Equal("Alt text of hero", img.GetAttribute("alt"));
        var caption = hero.QuerySelector("figcaption")!;
        Assert.StartsWith("Delegates arrive at the guesthouse.", caption.Text(), StringComparison.Ordinal);
        Assert.Equal("Photo: Ledger photographer", caption.QuerySelector(".credit").Text());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Byline_links_staff_and_agencies_to_their_pages_and_shows_published_and_updated_times(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var doc = await app.Client().GetDocumentAsync(data.LeadPath);
        var byline = doc.QuerySelector(".byline")!;
        Assert.Equal("Mara Lindqvist and Coastal Wire", byline.Text());
        Assert.Equal(["/authors/mara-lindqvist", "/authors/coastal-wire"], byline.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var times = doc.QuerySelectorAll(".dates time");
        Assert.Equal(2, times.Length);
        Assert.True(DateTimeOffset.Parse(times[0].GetAttribute("datetime")!, CultureInfo.InvariantCulture) < DateTimeOffset.Parse(times[1].GetAttribute("datetime")!, CultureInfo.InvariantCulture));
        Assert.Contains("Updated:", doc.QuerySelector(".dates").Text(), StringComparison.Ordinal);

        var single = await app.Client().GetDocumentAsync(data.WorldPath);
        Assert.Single(single.QuerySelectorAll(".dates time"));
        Assert.DoesNotContain("Updated", single.QuerySelector(".dates").Text(), StringComparison.Ordinal);
        Assert.Equal(["/authors/coastal-wire"], single.QuerySelectorAll(".byline a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Body_renders_each_block_type_safely(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var doc = await app.Client().GetDocumentAsync(data.LeadPath);
        var body = doc.QuerySelector(".body")!;

        var marked = body.QuerySelectorAll("p").First(p => p.Text().StartsWith("Read the", StringComparison.Ordinal));
        var links = marked.QuerySelectorAll("a").ToDictionary(a => a.Text(), a => a);
        Assert.Equal(["full statement", "earlier report", "the desk"], links.Keys);
        Assert.Equal("noopener", links["full statement"].GetAttribute("rel"));
        Assert.Null(links["earlier report"].GetAttribute("rel"));
        Assert.Equal("mailto:desk@ledger.example", links["the desk"].GetAttribute("href"));
        Assert.Contains("this trap", marked.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", body.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("firmly", marked.QuerySelector("strong").Text());
        Assert.Equal("carefully", marked.QuerySelector("em").Text());

        Assert.Equal("What comes next", body.QuerySelector("h2").Text());
        var pull = body.QuerySelector("blockquote.pull")!;
        Assert.Equal("A negotiator", pull.QuerySelector("cite").Text());
        Assert.Equal(2, body.QuerySelectorAll("ul > li").Length);
        Assert.Single(body.QuerySelectorAll("hr"));

        var embed = body.QuerySelector("a.embed")!;
        Assert.Equal("https://video.example/watch/123", embed.GetAttribute("href"));
        Assert.Contains("noopener", embed.GetAttribute("rel"), StringComparison.Ordinal);
        // The site's own deferred scripts (the listen player, sharing, the read beacon) are the only scripts an article page loads.
        Assert.Empty(doc.QuerySelectorAll("iframe, script:not([type='application/ld+json']):not([src^='/js/listen.js?v=']):not([src^='/js/share.js?v=']):not([src^='/js/reads.js?v='])"));

        var image = body.QuerySelector("figure img")!;
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.Equal("async", image.GetAttribute("decoding"));
        Assert.Equal("600", image.GetAttribute("width"));
        Assert.Equal("400", image.GetAttribute("height"));
        Assert.Equal("Photo: Ledger staff", body.QuerySelector("figure .credit").Text());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task In_article_ad_slots_sit_between_blocks_away_from_images_and_are_never_empty(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var doc = await app.Client().GetDocumentAsync(data.LeadPath);
        var body = doc.QuerySelector(".body")!;
        var slots = body.Children.Where(c => c.ClassList.Contains("ad")).ToList();
        Assert.InRange(slots.Count, 1, 3);
        foreach (var slot in slots)
        {
            Assert.Equal("Advertisement", slot.QuerySelector(".ad-label").Text());
            Assert.NotNull(slot.QuerySelector(".ad-box img, .ad-box .promo"));
            Assert.NotEqual("FIGURE", slot.PreviousElementSibling?.TagName);
            Assert.NotEqual("FIGURE", slot.NextElementSibling?.TagName);
            Assert.False(slot.NextElementSibling?.ClassList.Contains("embed") ?? false);
            Assert.False(slot.PreviousElementSibling?.ClassList.Contains("ad") ?? false);
        }
        Assert.Empty(doc.QuerySelectorAll("li .ad, blockquote .ad"));
        // One rectangle creative exists: the first slot shows it, later ones show house promos.
        Assert.Equal($"/ads/{data.RectangleAdId}/view", slots[0].QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal($"/ads/{data.RectangleAdId}/click", slots[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.All(slots.Skip(1), s => Assert.NotNull(s.QuerySelector(".promo")));
        var top = doc.QuerySelector("article > .ad-banner img")!;
        Assert.Equal($"/ads/{data.BannerAdId}/view", top.GetAttribute("src"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Notes_sample_label_and_listen_hook(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var doc = await app.Client().GetDocumentAsync(data.LeadPath);
        var note = doc.QuerySelector(".notes p")!;
        Assert.StartsWith("Correction: An earlier version misstated the venue.", note.Text(), StringComparison.Ordinal);
        Assert.NotNull(note.QuerySelector("time[datetime]"));
        Assert.Null(doc.QuerySelector(".sample"));

        var sample = await app.Client().GetDocumentAsync($"/news/business/article/{data.SampleId}/a-sample-story-about-the-port");
        Assert.Equal("Sample content", sample.QuerySelector(".sample").Text());
        Assert.Null(sample.QuerySelector(".notes"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Head_has_title_description_canonical_social_cards_and_NewsArticle_data(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var doc = await app.Client().GetDocumentAsync(data.LeadPath);
        Assert.Equal($"Border talks resume after a year of silence | {ReaderData.PublicationName}", doc.Title);
        Assert.Equal("Delegations met near the border for the first time in a year", doc.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        var canonical = ReaderData.BaseUrl + data.LeadPath;
        Assert.Equal(canonical, doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(canonical, doc.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("article", doc.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal(ReaderData.BaseUrl + "/media/hero/800.jpg", doc.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", doc.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));

        var ld = JsonDocument.Parse(doc.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("ReportageNewsArticle", ld.GetProperty("@type").GetString());
        Assert.Equal("Border talks resume after a year of silence", ld.GetProperty("headline").GetString());
        Assert.Equal("East Asia", ld.GetProperty("articleSection").GetString());
        Assert.Equal(data.LeadWords, ld.GetProperty("wordCount").GetInt32());
        Assert.True(ld.GetProperty("datePublished").GetDateTimeOffset() < ld.GetProperty("dateModified").GetDateTimeOffset());
        var authors = ld.GetProperty("author").EnumerateArray().ToList();
        Assert.Equal(["Person", "Organization"], authors.Select(a => a.GetProperty("@type").GetString()));
        Assert.Equal(ReaderData.BaseUrl + "/authors/mara-lindqvist", authors[0].GetProperty("url").GetString());
        Assert.Equal(ReaderData.PublicationName, ld.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal(ReaderData.BaseUrl + "/media/hero/800.jpg", ld.GetProperty("image")[0].GetString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Old_slug_or_wrong_section_redirects_permanently_to_the_current_url(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var client = app.Client();
        foreach (var old in new[]
        {
            $"/news/asia/east-asia/article/{data.LeadId}/old-headline",
            $"/news/world/article/{data.LeadId}/border-talks-resume",
            $"/news/asia/east-asia/article/{data.LeadId}",
        })
        {
            using var response = await client.GetAsync(old, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.MovedPermanently, $"{old}: {response.StatusCode}");
            Assert.Equal(data.LeadPath, response.Headers.Location!.OriginalString);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Drafts_future_articles_and_unknown_ids_are_not_found(DatabaseProvider provider)
    {
        var (app, data) = site[provider];
        var client = app.Client();
        foreach (var path in new[]
        {
            $"/news/world/article/{data.DraftId}/unpublished-draft-headline",
            $"/news/world/article/{data.FutureId}/embargoed-story-headline",
            "/news/world/article/999999/nothing",
        })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("Embargoed", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Unpublished draft", html, StringComparison.Ordinal);
            Assert.Equal("Page not found", Html.Parse(html).QuerySelector("h1").Text());
        }
    }
}
